package dev.assay.metric;

import static java.util.Objects.requireNonNull;

import dev.assay.model.RowFilter;
import java.util.Set;

/**
 * The exact number of distinct non-null values of a column. Needs memory for every distinct value.
 *
 * @param column the column, never null
 * @param filter the rows considered, never null
 */
public record ColumnDistinctCount(String column, RowFilter filter) implements Metric<Long> {
    public ColumnDistinctCount {
        requireNonNull(column, "column is null");
        requireNonNull(filter, "filter is null");
    }

    /** Over every row. */
    public ColumnDistinctCount(String column) {
        this(column, RowFilter.none());
    }

    @Override
    public Set<String> columns() {
        return Set.of(column);
    }
}
