package dev.assay.expectation;

import dev.assay.metric.NamedMetric;
import java.util.List;
import java.util.Optional;

/** Expectations on the table as a whole: volume and schema. Not thread-safe. */
public final class TableExpectations extends ExpectationGroup<TableExpectations> {
    TableExpectations() {}

    /** The row count lies within [min, max] ({@code expect_table_row_count_to_be_between}). */
    public TableExpectations rowCountBetween(long min, long max) {
        return add(new TableRowCountBetween(Range.between(min, max)));
    }

    /** The row count is exactly {@code value}. */
    public TableExpectations rowCountEquals(long value) {
        return add(new TableRowCountEqual(value));
    }

    /**
     * The row count changes by at most {@code maxChange} (a fraction: 0.2 = 20%) from the previous run in the
     * metric history ({@code expect_table_row_count_to_change_by_at_most}).
     */
    public TableExpectations rowCountChangesByAtMost(double maxChange) {
        return add(new TableRowCountChangeAtMost(AnomalyRule.relativeChange(maxChange)));
    }

    /**
     * The row count changes by at most what {@code rule} allows, from the previous run or the mean of the last
     * runs, e.g. {@code rowCountChangesByAtMost(AnomalyRule.meanOfLast(7, 0.2).withMaxAbsChange(5_000))}.
     */
    public TableExpectations rowCountChangesByAtMost(AnomalyRule rule) {
        return add(new TableRowCountChangeAtMost(rule));
    }

    /**
     * A table metric ({@code table.row_count}) is not anomalous against its earlier runs ({@code
     * expect_metric_to_not_be_anomalous}), e.g. {@code metricNotAnomalous("table.row_count",
     * AnomalyRule.zScore(14, 3))}.
     */
    public TableExpectations metricNotAnomalous(String metric, AnomalyRule rule) {
        return add(new MetricNotAnomalous(new NamedMetric(metric, Optional.empty()), rule));
    }

    /** The columns are exactly these, in order. */
    public TableExpectations columnsMatchOrderedList(String... columns) {
        return add(new TableColumnsMatchOrderedList(List.of(columns)));
    }

    /** The columns are exactly this set, in any order. */
    public TableExpectations columnsMatchSet(String... columns) {
        return add(new TableColumnsMatchSet(List.of(columns), true));
    }

    /** The columns include at least this set. */
    public TableExpectations columnsInclude(String... columns) {
        return add(new TableColumnsMatchSet(List.of(columns), false));
    }

    /** The column count lies within [min, max]. */
    public TableExpectations columnCountBetween(long min, long max) {
        return add(new TableColumnCountBetween(Range.between(min, max)));
    }

    /** The column count is exactly {@code value}. */
    public TableExpectations columnCountEquals(long value) {
        return add(new TableColumnCountEqual(value));
    }
}
