package dev.assay.metric;

import static java.util.Objects.requireNonNull;

import dev.assay.model.RowFilter;
import java.util.Optional;
import java.util.Set;

/**
 * The largest non-null value of a column; empty when every value is null.
 *
 * @param column the column, never null
 * @param filter the rows considered, never null
 */
public record ColumnMax(String column, RowFilter filter) implements Metric<Optional<Object>> {
    public ColumnMax {
        requireNonNull(column, "column is null");
        requireNonNull(filter, "filter is null");
    }

    /** Over every row. */
    public ColumnMax(String column) {
        this(column, RowFilter.none());
    }

    @Override
    public Set<String> columns() {
        return Set.of(column);
    }
}
