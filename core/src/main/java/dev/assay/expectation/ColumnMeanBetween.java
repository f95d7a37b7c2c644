package dev.assay.expectation;

import static java.util.Objects.requireNonNull;

import dev.assay.metric.ColumnMean;
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
 * The arithmetic mean of a numeric column lies within a range.
 *
 * <p>Passes: {@code meanBetween(1, 3)} on {@code [1, 3]}<br>
 * Fails: the same on {@code [5, 7]}
 */
public record ColumnMeanBetween(String column, Range range, ExpectationOptions options) implements Expectation {
    /** expect_column_mean_to_be_between. */
    public static final ExpectationType TYPE = ExpectationType.of(
            "expect_column_mean_to_be_between", Kind.COLUMN_AGGREGATE, Dimension.ACCURACY, ColumnMeanBetween::read);

    public ColumnMeanBetween {
        requireNonNull(column, "column is null");
        requireNonNull(range, "range is null");
        requireNonNull(options, "options is null");
    }

    /** With default options. */
    public ColumnMeanBetween(String column, Range range) {
        this(column, range, ExpectationOptions.DEFAULT);
    }

    static ColumnMeanBetween read(KwargReader kwargs, ExpectationOptions options) {
        return new ColumnMeanBetween(kwargs.string("column"), Range.read(kwargs), options);
    }

    @Override
    public ExpectationType type() {
        return TYPE;
    }

    @Override
    public ColumnMeanBetween withOptions(ExpectationOptions options) {
        return new ColumnMeanBetween(column, range, options);
    }

    @Override
    public List<String> columns() {
        return List.of(column);
    }

    @Override
    public Set<Metric<?>> metrics(ResultFormat format) {
        return Set.of(new ColumnMean(column, options.rowFilter()));
    }

    @Override
    public ExpectationResult evaluate(MetricValues values, ResultFormat format) {
        Object observed =
                values.get(new ColumnMean(column, options.rowFilter())).orElse(null);
        return Aggregates.between(this, format, observed, range, "mean");
    }

    @Override
    public void writeKwargs(KwargWriter kwargs) {
        kwargs.put("column", column);
        range.write(kwargs);
    }
}
