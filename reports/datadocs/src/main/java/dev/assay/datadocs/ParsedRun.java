package dev.assay.datadocs;

import static java.util.Objects.requireNonNull;

import dev.assay.datadocs.internal.ColumnGroup;
import dev.assay.datadocs.internal.DimensionRow;
import dev.assay.datadocs.internal.Field;
import java.util.List;

/**
 * A stored result read for its page.
 *
 * @param summary what tables of runs show of it
 * @param dimensions its statistics by data-quality dimension
 * @param groups its expectation results, grouped by column
 * @param meta its run information (engine, rows scanned, timings, ...)
 * @param suite its suite's expectations, for the suite page
 */
record ParsedRun(
        RunSummary summary,
        List<DimensionRow> dimensions,
        List<ColumnGroup> groups,
        List<Field> meta,
        List<SuiteLine> suite) {
    ParsedRun {
        requireNonNull(summary, "summary is null");
        dimensions = List.copyOf(dimensions);
        groups = List.copyOf(groups);
        meta = List.copyOf(meta);
        suite = List.copyOf(suite);
    }
}
