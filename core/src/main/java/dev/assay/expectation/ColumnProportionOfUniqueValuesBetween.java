package dev.assay.expectation;

import static java.util.Objects.requireNonNull;

import dev.assay.metric.ColumnDistinctCount;
import dev.assay.metric.ColumnNullCount;
import dev.assay.metric.Metric;
import dev.assay.metric.MetricValues;
import dev.assay.metric.RowCount;
import dev.assay.model.Dimension;
import dev.assay.model.Expectation;
import dev.assay.model.ExpectationOptions;
import dev.assay.model.ExpectationType;
import dev.assay.model.Kind;
import dev.assay.model.KwargReader;
import dev.assay.model.KwargWriter;
import dev.assay.model.ResultFormat;
import dev.assay.result.ExpectationResult;
import java.util.List;
import java.util.Set;

/**
 * The number of distinct non-null values divided by the number of non-null values lies within a range.
 *
 * <p>Passes: {@code uniqueProportionBetween(0.5, 1)} on {@code [a, b, b]}<br>
 * Fails: the same on {@code [a, a, a]}
 */
public record ColumnProportionOfUniqueValuesBetween(String column, Range range, ExpectationOptions options)
        implements Expectation {
    /** expect_column_proportion_of_unique_values_to_be_between. */
    public static final ExpectationType TYPE = ExpectationType.of(
            "expect_column_proportion_of_unique_values_to_be_between",
            Kind.COLUMN_AGGREGATE,
            Dimension.UNIQUENESS,
            ColumnProportionOfUniqueValuesBetween::read);

    public ColumnProportionOfUniqueValuesBetween {
        requireNonNull(column, "column is null");
        requireNonNull(range, "range is null");
        requireNonNull(options, "options is null");
    }

    /** With default options. */
    public ColumnProportionOfUniqueValuesBetween(String column, Range range) {
        this(column, range, ExpectationOptions.DEFAULT);
    }

    static ColumnProportionOfUniqueValuesBetween read(KwargReader kwargs, ExpectationOptions options) {
        return new ColumnProportionOfUniqueValuesBetween(kwargs.string("column"), Range.read(kwargs), options);
    }

    @Override
    public ExpectationType type() {
        return TYPE;
    }

    @Override
    public ColumnProportionOfUniqueValuesBetween withOptions(ExpectationOptions options) {
        return new ColumnProportionOfUniqueValuesBetween(column, range, options);
    }

    @Override
    public List<String> columns() {
        return List.of(column);
    }

    @Override
    public Set<Metric<?>> metrics(ResultFormat format) {
        return Set.of(
                new ColumnDistinctCount(column, options.rowFilter()),
                new ColumnNullCount(column, options.rowFilter()),
                new RowCount(options.rowFilter()));
    }

    @Override
    public ExpectationResult evaluate(MetricValues values, ResultFormat format) {
        long nonNull = values.get(new RowCount(options.rowFilter()))
                - values.get(new ColumnNullCount(column, options.rowFilter()));
        Object observed = nonNull == 0
                ? null
                : (double) values.get(new ColumnDistinctCount(column, options.rowFilter())) / nonNull;
        return Aggregates.between(this, format, observed, range, "proportion of unique values");
    }

    @Override
    public void writeKwargs(KwargWriter kwargs) {
        kwargs.put("column", column);
        range.write(kwargs);
    }
}
