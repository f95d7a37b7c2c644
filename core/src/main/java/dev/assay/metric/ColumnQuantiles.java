package dev.assay.metric;

import static java.util.Objects.requireNonNull;

import dev.assay.model.RowFilter;
import java.util.List;
import java.util.Set;

/**
 * Exact quantiles of a numeric or temporal column: for each q, the smallest value whose cumulative
 * share of the non-null values is at least q (SQL {@code percentile_disc}). The value list is empty
 * when every value is null. Needs memory for every value of the column.
 *
 * @param column the column, never null
 * @param quantiles the quantiles, each in [0, 1], never null
 * @param filter the rows considered, never null
 */
public record ColumnQuantiles(String column, List<Double> quantiles, RowFilter filter) implements Metric<List<Object>> {
    public ColumnQuantiles {
        requireNonNull(column, "column is null");
        quantiles = List.copyOf(requireNonNull(quantiles, "quantiles is null"));
        requireNonNull(filter, "filter is null");
    }

    @Override
    public Set<String> columns() {
        return Set.of(column);
    }
}
