package dev.assay.metric;

import static java.util.Objects.requireNonNull;

import dev.assay.model.RowFilter;
import java.util.Set;

/**
 * The number of rows that pass the filter.
 *
 * @param filter the rows counted, never null
 */
public record RowCount(RowFilter filter) implements Metric<Long> {
    public RowCount {
        requireNonNull(filter, "filter is null");
    }

    /** Every row. */
    public RowCount() {
        this(RowFilter.none());
    }

    @Override
    public Set<String> columns() {
        return filter.columns();
    }
}
