package dev.assay.expectation;

import static java.util.Objects.requireNonNull;

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
 * The share of non-null values of a column lies within a range (completeness as a fraction).
 *
 * <p>Passes: {@code nonNullProportionBetween(0.9, 1)} on {@code [1, 2, 3, null]} (0.75)... fails; on ten values with one null (0.9) passes<br>
 * Fails: the same on {@code [null, null, 1]}
 */
public record ColumnProportionOfNonNullBetween(String column, Range range, ExpectationOptions options)
        implements Expectation {
    /** expect_column_proportion_of_non_null_values_to_be_between. */
    public static final ExpectationType TYPE = ExpectationType.of(
            "expect_column_proportion_of_non_null_values_to_be_between",
            Kind.COLUMN_AGGREGATE,
            Dimension.COMPLETENESS,
            ColumnProportionOfNonNullBetween::read);

    public ColumnProportionOfNonNullBetween {
        requireNonNull(column, "column is null");
        requireNonNull(range, "range is null");
        requireNonNull(options, "options is null");
    }

    /** With default options. */
    public ColumnProportionOfNonNullBetween(String column, Range range) {
        this(column, range, ExpectationOptions.DEFAULT);
    }

    static ColumnProportionOfNonNullBetween read(KwargReader kwargs, ExpectationOptions options) {
        return new ColumnProportionOfNonNullBetween(kwargs.string("column"), Range.read(kwargs), options);
    }

    @Override
    public ExpectationType type() {
        return TYPE;
    }

    @Override
    public ColumnProportionOfNonNullBetween withOptions(ExpectationOptions options) {
        return new ColumnProportionOfNonNullBetween(column, range, options);
    }

    @Override
    public List<String> columns() {
        return List.of(column);
    }

    @Override
    public Set<Metric<?>> metrics(ResultFormat format) {
        return Set.of(new ColumnNullCount(column, options.rowFilter()), new RowCount(options.rowFilter()));
    }

    @Override
    public ExpectationResult evaluate(MetricValues values, ResultFormat format) {
        long rows = values.get(new RowCount(options.rowFilter()));
        Object observed = rows == 0
                ? null
                : (double) (rows - values.get(new ColumnNullCount(column, options.rowFilter()))) / rows;
        return Aggregates.between(this, format, observed, range, "proportion of non-null values");
    }

    @Override
    public void writeKwargs(KwargWriter kwargs) {
        kwargs.put("column", column);
        range.write(kwargs);
    }
}
