package dev.assay.metric;

import static java.util.Objects.requireNonNull;

import dev.assay.model.RowFilter;
import java.util.Optional;
import java.util.Set;

/**
 * The smallest non-null value of a column (numbers, strings by code point, dates, times); empty when every value is null.
 *
 * @param column the column, never null
 * @param filter the rows considered, never null
 */
public record ColumnMin(String column, RowFilter filter) implements Metric<Optional<Object>> {
    public ColumnMin {
        requireNonNull(column, "column is null");
        requireNonNull(filter, "filter is null");
    }

    /** Over every row. */
    public ColumnMin(String column) {
        this(column, RowFilter.none());
    }

    @Override
    public Set<String> columns() {
        return Set.of(column);
    }
}
