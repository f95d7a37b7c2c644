package dev.assay.expectation;

import static java.util.Objects.requireNonNull;

import dev.assay.metric.ColumnSum;
import dev.assay.metric.Metric;
import dev.assay.metric.MetricValues;
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
 * The sum of a numeric column lies within a range.
 *
 * <p>Passes: {@code sumBetween(0, 10)} on {@code [1, 2]}<br>
 * Fails: the same on {@code [9, 9]}
 */
public record ColumnSumBetween(String column, Range range, ExpectationOptions options) implements Expectation {
    /** expect_column_sum_to_be_between. */
    public static final ExpectationType TYPE = ExpectationType.of(
            "expect_column_sum_to_be_between", Kind.COLUMN_AGGREGATE, Dimension.ACCURACY, ColumnSumBetween::read);

    public ColumnSumBetween {
        requireNonNull(column, "column is null");
        requireNonNull(range, "range is null");
        requireNonNull(options, "options is null");
    }

    /** With default options. */
    public ColumnSumBetween(String column, Range range) {
        this(column, range, ExpectationOptions.DEFAULT);
    }

    static ColumnSumBetween read(KwargReader kwargs, ExpectationOptions options) {
        return new ColumnSumBetween(kwargs.string("column"), Range.read(kwargs), options);
    }

    @Override
    public ExpectationType type() {
        return TYPE;
    }

    @Override
    public ColumnSumBetween withOptions(ExpectationOptions options) {
        return new ColumnSumBetween(column, range, options);
    }

    @Override
    public List<String> columns() {
        return List.of(column);
    }

    @Override
    public Set<Metric<?>> metrics(ResultFormat format) {
        return Set.of(new ColumnSum(column, options.rowFilter()));
    }

    @Override
    public ExpectationResult evaluate(MetricValues values, ResultFormat format) {
        Object observed = values.get(new ColumnSum(column, options.rowFilter())).orElse(null);
        return Aggregates.between(this, format, observed, range, "sum");
    }

    @Override
    public void writeKwargs(KwargWriter kwargs) {
        kwargs.put("column", column);
        range.write(kwargs);
    }
}
