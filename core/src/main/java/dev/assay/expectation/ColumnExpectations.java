package dev.assay.expectation;

import dev.assay.metric.NamedMetric;
import dev.assay.model.ExpectationOptions;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Expectations on one column, as a sentence: {@code column("amount").notNull().between(0, 500)}.
 * Not thread-safe.
 */
public final class ColumnExpectations extends ExpectationGroup<ColumnExpectations> {
    private final String column;

    ColumnExpectations(String column) {
        this.column = column;
    }

    /** No value is null. */
    public ColumnExpectations notNull() {
        return add(new ColumnValuesNotNull(column));
    }

    /** Every value is null. */
    public ColumnExpectations isNull() {
        return add(new ColumnValuesNull(column));
    }

    /** The share of non-null values lies within [min, max]. */
    public ColumnExpectations nonNullProportionBetween(double min, double max) {
        return add(new ColumnProportionOfNonNullBetween(column, Range.between(min, max)));
    }

    /** Every value lies within [min, max]: numbers, dates, timestamps or strings. */
    public ColumnExpectations between(Object min, Object max) {
        return add(new ColumnValuesBetween(column, Range.between(min, max)));
    }

    /** Every value lies within (min, max), bounds excluded. */
    public ColumnExpectations betweenExclusive(Object min, Object max) {
        return add(new ColumnValuesBetween(
                column, Range.between(min, max).withStrictMin().withStrictMax()));
    }

    /** Every value is at least {@code min}. */
    public ColumnExpectations atLeast(Object min) {
        return add(new ColumnValuesBetween(column, Range.atLeast(min)));
    }

    /** Every value is at most {@code max}. */
    public ColumnExpectations atMost(Object max) {
        return add(new ColumnValuesBetween(column, Range.atMost(max)));
    }

    /** Every value lies within a range given in full. */
    public ColumnExpectations within(Range range) {
        return add(new ColumnValuesBetween(column, range));
    }

    /** The smallest value lies within [min, max]. */
    public ColumnExpectations minBetween(Object min, Object max) {
        return add(new ColumnMinBetween(column, Range.between(min, max)));
    }

    /** The largest value lies within [min, max]. */
    public ColumnExpectations maxBetween(Object min, Object max) {
        return add(new ColumnMaxBetween(column, Range.between(min, max)));
    }

    /** The mean lies within [min, max]. */
    public ColumnExpectations meanBetween(double min, double max) {
        return add(new ColumnMeanBetween(column, Range.between(min, max)));
    }

    /** The exact median lies within [min, max]. */
    public ColumnExpectations medianBetween(double min, double max) {
        return add(new ColumnMedianBetween(column, Range.between(min, max)));
    }

    /** The sum lies within [min, max]. */
    public ColumnExpectations sumBetween(double min, double max) {
        return add(new ColumnSumBetween(column, Range.between(min, max)));
    }

    /** The sample standard deviation lies within [min, max]. */
    public ColumnExpectations stdevBetween(double min, double max) {
        return add(new ColumnStdevBetween(column, Range.between(min, max)));
    }

    /** The q-quantile lies within [min, max] for each (q, min, max); see {@link ColumnQuantileValuesBetween}. */
    public ColumnExpectations quantileBetween(double q, Object min, Object max) {
        return add(new ColumnQuantileValuesBetween(column, List.of(q), List.of(Range.between(min, max))));
    }

    /** Every value is one of these. */
    public ColumnExpectations inSet(Object... values) {
        return add(new ColumnValuesInSet(column, Arrays.asList(values)));
    }

    /** No value is one of these. */
    public ColumnExpectations notInSet(Object... values) {
        return add(new ColumnValuesNotInSet(column, Arrays.asList(values)));
    }

    /** Every value contains a match of the regular expression. */
    public ColumnExpectations matches(String regex) {
        return add(new ColumnValuesMatchRegex(column, regex));
    }

    /** No value contains a match of the regular expression. */
    public ColumnExpectations notMatches(String regex) {
        return add(new ColumnValuesNotMatchRegex(column, regex));
    }

    /** Every value's length lies within [min, max]. */
    public ColumnExpectations lengthBetween(long min, long max) {
        return add(new ColumnValueLengthsBetween(column, Optional.of(min), Optional.of(max), false, false));
    }

    /** Every value has this length. */
    public ColumnExpectations lengthEquals(long length) {
        return add(new ColumnValueLengthsEqual(column, length));
    }

    /** Every non-null value occurs once. */
    public ColumnExpectations unique() {
        return add(new ColumnValuesUnique(column));
    }

    /** The number of distinct values lies within [min, max]. */
    public ColumnExpectations uniqueValueCountBetween(long min, long max) {
        return add(new ColumnUniqueValueCountBetween(column, Range.between(min, max)));
    }

    /** Distinct values divided by non-null values lies within [min, max]. */
    public ColumnExpectations uniqueProportionBetween(double min, double max) {
        return add(new ColumnProportionOfUniqueValuesBetween(column, Range.between(min, max)));
    }

    /** Every distinct value is one of these. */
    public ColumnExpectations distinctValuesInSet(Object... values) {
        return distinct(ColumnDistinctValuesMatchSet.SetRelation.IN_SET, values);
    }

    /** Each of these values occurs. */
    public ColumnExpectations distinctValuesContain(Object... values) {
        return distinct(ColumnDistinctValuesMatchSet.SetRelation.CONTAIN_SET, values);
    }

    /** The distinct values are exactly these. */
    public ColumnExpectations distinctValuesEqual(Object... values) {
        return distinct(ColumnDistinctValuesMatchSet.SetRelation.EQUAL_SET, values);
    }

    private ColumnExpectations distinct(ColumnDistinctValuesMatchSet.SetRelation relation, Object... values) {
        return add(
                new ColumnDistinctValuesMatchSet(column, Arrays.asList(values), relation, ExpectationOptions.DEFAULT));
    }

    /** The newest value is no older than {@code maxAge} at validation time. */
    public ColumnExpectations fresherThan(Duration maxAge) {
        return add(new ColumnValuesFresh(column, maxAge));
    }

    /**
     * A metric of this column ({@code column.mean}, {@code column.null_fraction}, {@code
     * column.freshness_seconds}, ... see {@link NamedMetric}) is not anomalous against its earlier runs in the
     * metric history ({@code expect_metric_to_not_be_anomalous}), e.g. {@code notAnomalous("column.mean",
     * AnomalyRule.zScore(7, 3))}.
     */
    public ColumnExpectations notAnomalous(String metric, AnomalyRule rule) {
        return add(new MetricNotAnomalous(NamedMetric.column(metric, column), rule));
    }

    /** The column exists. */
    public ColumnExpectations exists() {
        return add(new ColumnExists(column, Optional.empty()));
    }

    /** The column has this type (see docs/types.md). */
    public ColumnExpectations ofType(String type) {
        return add(new ColumnValuesOfType(column, type));
    }

    /** The column has one of these types. */
    public ColumnExpectations inTypeList(String... types) {
        return add(new ColumnValuesInTypeList(column, List.of(types)));
    }
}
