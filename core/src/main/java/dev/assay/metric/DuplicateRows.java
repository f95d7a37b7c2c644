package dev.assay.metric;

import static java.util.Objects.requireNonNull;

import dev.assay.metric.RowPredicate.IgnoreRowIf;
import dev.assay.model.RowFilter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Counts the rows whose value (or combination of values) appears more than once; every such row is
 * unexpected, the first occurrence included. Exact: needs memory for every distinct value.
 *
 * @param keyColumns the columns whose combined value must be unique, never empty
 * @param ignoreRowIf which rows with null values are skipped
 * @param filter the rows considered, never null
 * @param samples how many unexpected rows to keep and how to identify them, never null
 */
public record DuplicateRows(List<String> keyColumns, IgnoreRowIf ignoreRowIf, RowFilter filter, SampleSpec samples)
        implements Metric<UnexpectedRowsResult> {
    public DuplicateRows {
        keyColumns = List.copyOf(requireNonNull(keyColumns, "keyColumns is null"));
        if (keyColumns.isEmpty()) {
            throw new IllegalArgumentException("keyColumns is empty");
        }
        requireNonNull(ignoreRowIf, "ignoreRowIf is null");
        requireNonNull(filter, "filter is null");
        requireNonNull(samples, "samples is null");
    }

    @Override
    public Set<String> columns() {
        Set<String> all = new LinkedHashSet<>(keyColumns());
        all.addAll(samples.indexColumns());
        return all;
    }
}
