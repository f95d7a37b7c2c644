package dev.assay.expectation;

import static java.util.Objects.requireNonNull;

import dev.assay.metric.Metric;
import dev.assay.metric.MetricValues;
import dev.assay.metric.TableColumns;
import dev.assay.model.Dimension;
import dev.assay.model.Expectation;
import dev.assay.model.ExpectationOptions;
import dev.assay.model.ExpectationType;
import dev.assay.model.KwargReader;
import dev.assay.model.KwargWriter;
import dev.assay.model.ResultFormat;
import dev.assay.result.ExpectationResult;
import java.util.List;
import java.util.Set;

/**
 * The number of columns lies within a range.
 *
 * <p>Passes: {@code columnCountBetween(10, 20)} on 13 columns<br>
 * Fails: the same on 3 columns
 */
public record TableColumnCountBetween(Range range, ExpectationOptions options) implements Expectation {
    /** expect_table_column_count_to_be_between. */
    public static final ExpectationType TYPE = ExpectationType.schemaOnly(
            "expect_table_column_count_to_be_between", Dimension.SCHEMA, TableColumnCountBetween::read);

    public TableColumnCountBetween {
        requireNonNull(range, "range is null");
        requireNonNull(options, "options is null");
    }

    /** With default options. */
    public TableColumnCountBetween(Range range) {
        this(range, ExpectationOptions.DEFAULT);
    }

    static TableColumnCountBetween read(KwargReader kwargs, ExpectationOptions options) {
        return new TableColumnCountBetween(Range.readPlain(kwargs), options);
    }

    @Override
    public ExpectationType type() {
        return TYPE;
    }

    @Override
    public TableColumnCountBetween withOptions(ExpectationOptions options) {
        return new TableColumnCountBetween(range, options);
    }

    @Override
    public List<String> columns() {
        return List.of();
    }

    @Override
    public Set<Metric<?>> metrics(ResultFormat format) {
        return Set.of(new TableColumns());
    }

    @Override
    public ExpectationResult evaluate(MetricValues values, ResultFormat format) {
        Object observed = (long) values.get(new TableColumns()).size();
        return Aggregates.between(this, format, observed, range, "column count");
    }

    @Override
    public void writeKwargs(KwargWriter kwargs) {
        range.write(kwargs);
    }
}
