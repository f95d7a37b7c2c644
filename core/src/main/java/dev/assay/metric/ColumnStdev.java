package dev.assay.metric;

import static java.util.Objects.requireNonNull;

import dev.assay.model.RowFilter;
import java.util.Optional;
import java.util.Set;

/**
 * The sample standard deviation (n - 1 in the denominator) of a numeric column; empty with fewer than two values.
 *
 * @param column the column, never null
 * @param filter the rows considered, never null
 */
public record ColumnStdev(String column, RowFilter filter) implements Metric<Optional<Double>> {
    public ColumnStdev {
        requireNonNull(column, "column is null");
        requireNonNull(filter, "filter is null");
    }

    /** Over every row. */
    public ColumnStdev(String column) {
        this(column, RowFilter.none());
    }

    @Override
    public Set<String> columns() {
        return Set.of(column);
    }
}
