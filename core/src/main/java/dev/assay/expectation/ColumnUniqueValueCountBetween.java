package dev.assay.expectation;

import static java.util.Objects.requireNonNull;

import dev.assay.metric.ColumnDistinctCount;
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
 * The number of distinct non-null values of a column lies within a range. Exact.
 *
 * <p>Passes: {@code uniqueValueCountBetween(2, 3)} on {@code [a, b, b]}<br>
 * Fails: the same on {@code [a, a]}
 */
public record ColumnUniqueValueCountBetween(String column, Range range, ExpectationOptions options)
        implements Expectation {
    /** expect_column_unique_value_count_to_be_between. */
    public static final ExpectationType TYPE = ExpectationType.of(
            "expect_column_unique_value_count_to_be_between",
            Kind.COLUMN_AGGREGATE,
            Dimension.UNIQUENESS,
            ColumnUniqueValueCountBetween::read);

    public ColumnUniqueValueCountBetween {
        requireNonNull(column, "column is null");
        requireNonNull(range, "range is null");
        requireNonNull(options, "options is null");
    }

    /** With default options. */
    public ColumnUniqueValueCountBetween(String column, Range range) {
        this(column, range, ExpectationOptions.DEFAULT);
    }

    static ColumnUniqueValueCountBetween read(KwargReader kwargs, ExpectationOptions options) {
        return new ColumnUniqueValueCountBetween(kwargs.string("column"), Range.read(kwargs), options);
    }

    @Override
    public ExpectationType type() {
        return TYPE;
    }

    @Override
    public ColumnUniqueValueCountBetween withOptions(ExpectationOptions options) {
        return new ColumnUniqueValueCountBetween(column, range, options);
    }

    @Override
    public List<String> columns() {
        return List.of(column);
    }

    @Override
    public Set<Metric<?>> metrics(ResultFormat format) {
        return Set.of(new ColumnDistinctCount(column, options.rowFilter()));
    }

    @Override
    public ExpectationResult evaluate(MetricValues values, ResultFormat format) {
        Object observed = values.get(new ColumnDistinctCount(column, options.rowFilter()));
        return Aggregates.between(this, format, observed, range, "number of distinct values");
    }

    @Override
    public void writeKwargs(KwargWriter kwargs) {
        kwargs.put("column", column);
        range.write(kwargs);
    }
}
