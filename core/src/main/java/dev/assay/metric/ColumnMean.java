package dev.assay.metric;

import static java.util.Objects.requireNonNull;

import dev.assay.model.RowFilter;
import java.util.Optional;
import java.util.Set;

/**
 * The arithmetic mean of a numeric column; empty when every value is null.
 *
 * @param column the column, never null
 * @param filter the rows considered, never null
 */
public record ColumnMean(String column, RowFilter filter) implements Metric<Optional<Double>> {
    public ColumnMean {
        requireNonNull(column, "column is null");
        requireNonNull(filter, "filter is null");
    }

    /** Over every row. */
    public ColumnMean(String column) {
        this(column, RowFilter.none());
    }

    @Override
    public Set<String> columns() {
        return Set.of(column);
    }
}
