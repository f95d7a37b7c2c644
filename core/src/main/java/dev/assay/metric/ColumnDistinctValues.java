package dev.assay.metric;

import static java.util.Objects.requireNonNull;

import dev.assay.model.RowFilter;
import java.util.List;
import java.util.Set;

/**
 * The distinct non-null values of a column, sorted. Needs memory for every distinct value.
 *
 * @param column the column, never null
 * @param filter the rows considered, never null
 */
public record ColumnDistinctValues(String column, RowFilter filter) implements Metric<List<Object>> {
    public ColumnDistinctValues {
        requireNonNull(column, "column is null");
        requireNonNull(filter, "filter is null");
    }

    /** Over every row. */
    public ColumnDistinctValues(String column) {
        this(column, RowFilter.none());
    }

    @Override
    public Set<String> columns() {
        return Set.of(column);
    }
}
