package dev.assay.metric;

import static java.util.Objects.requireNonNull;

import dev.assay.model.RowFilter;
import java.util.Optional;
import java.util.Set;

/**
 * The sum of a numeric column: a {@code Long} for integer columns, a {@code Double} otherwise; empty when every value is null.
 *
 * @param column the column, never null
 * @param filter the rows considered, never null
 */
public record ColumnSum(String column, RowFilter filter) implements Metric<Optional<Number>> {
    public ColumnSum {
        requireNonNull(column, "column is null");
        requireNonNull(filter, "filter is null");
    }

    /** Over every row. */
    public ColumnSum(String column) {
        this(column, RowFilter.none());
    }

    @Override
    public Set<String> columns() {
        return Set.of(column);
    }
}
