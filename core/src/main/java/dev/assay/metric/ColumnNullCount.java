package dev.assay.metric;

import static java.util.Objects.requireNonNull;

import dev.assay.model.RowFilter;
import java.util.Set;

/**
 * The number of null values of a column.
 *
 * @param column the column, never null
 * @param filter the rows considered, never null
 */
public record ColumnNullCount(String column, RowFilter filter) implements Metric<Long> {
    public ColumnNullCount {
        requireNonNull(column, "column is null");
        requireNonNull(filter, "filter is null");
    }

    /** Over every row. */
    public ColumnNullCount(String column) {
        this(column, RowFilter.none());
    }

    @Override
    public Set<String> columns() {
        return Set.of(column);
    }
}
