package dev.assay.expectation;

import static java.util.Objects.requireNonNull;

import dev.assay.metric.ColumnMax;
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
 * The largest non-null value of a column lies within a range (numbers, strings, dates, timestamps).
 *
 * <p>Passes: {@code maxBetween(5, 10)} on {@code [0, 5]}<br>
 * Fails: the same on {@code [0, 11]}
 */
public record ColumnMaxBetween(String column, Range range, ExpectationOptions options) implements Expectation {
    /** expect_column_max_to_be_between. */
    public static final ExpectationType TYPE = ExpectationType.of(
            "expect_column_max_to_be_between", Kind.COLUMN_AGGREGATE, Dimension.VALIDITY, ColumnMaxBetween::read);

    public ColumnMaxBetween {
        requireNonNull(column, "column is null");
        requireNonNull(range, "range is null");
        requireNonNull(options, "options is null");
    }

    /** With default options. */
    public ColumnMaxBetween(String column, Range range) {
        this(column, range, ExpectationOptions.DEFAULT);
    }

    static ColumnMaxBetween read(KwargReader kwargs, ExpectationOptions options) {
        return new ColumnMaxBetween(kwargs.string("column"), Range.read(kwargs), options);
    }

    @Override
    public ExpectationType type() {
        return TYPE;
    }

    @Override
    public ColumnMaxBetween withOptions(ExpectationOptions options) {
        return new ColumnMaxBetween(column, range, options);
    }

    @Override
    public List<String> columns() {
        return List.of(column);
    }

    @Override
    public Set<Metric<?>> metrics(ResultFormat format) {
        return Set.of(new ColumnMax(column, options.rowFilter()));
    }

    @Override
    public ExpectationResult evaluate(MetricValues values, ResultFormat format) {
        Object observed = values.get(new ColumnMax(column, options.rowFilter())).orElse(null);
        return Aggregates.between(this, format, observed, range, "maximum");
    }

    @Override
    public void writeKwargs(KwargWriter kwargs) {
        kwargs.put("column", column);
        range.write(kwargs);
    }
}
