package dev.assay.metric;

import static java.util.Objects.requireNonNull;

import dev.assay.model.RowFilter;
import java.util.Optional;
import java.util.Set;

/**
 * The exact median of a numeric column (the mean of the two middle values for an even count); empty when every value is null. Needs memory for every value of the column.
 *
 * @param column the column, never null
 * @param filter the rows considered, never null
 */
public record ColumnMedian(String column, RowFilter filter) implements Metric<Optional<Double>> {
    public ColumnMedian {
        requireNonNull(column, "column is null");
        requireNonNull(filter, "filter is null");
    }

    /** Over every row. */
    public ColumnMedian(String column) {
        this(column, RowFilter.none());
    }

    @Override
    public Set<String> columns() {
        return Set.of(column);
    }
}
