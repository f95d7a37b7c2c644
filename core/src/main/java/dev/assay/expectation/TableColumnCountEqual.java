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
import dev.assay.result.ResultDetails;
import java.util.List;
import java.util.Set;

/**
 * The number of columns equals a value.
 *
 * <p>Passes: {@code columnCountEquals(13)} on 13 columns<br>
 * Fails: the same on 12 columns
 */
public record TableColumnCountEqual(long value, ExpectationOptions options) implements Expectation {
    /** expect_table_column_count_to_equal. */
    public static final ExpectationType TYPE = ExpectationType.schemaOnly(
            "expect_table_column_count_to_equal", Dimension.SCHEMA, TableColumnCountEqual::read);

    public TableColumnCountEqual {
        requireNonNull(options, "options is null");
    }

    /** With default options. */
    public TableColumnCountEqual(long value) {
        this(value, ExpectationOptions.DEFAULT);
    }

    static TableColumnCountEqual read(KwargReader kwargs, ExpectationOptions options) {
        return new TableColumnCountEqual(kwargs.integer("value"), options);
    }

    @Override
    public ExpectationType type() {
        return TYPE;
    }

    @Override
    public TableColumnCountEqual withOptions(ExpectationOptions options) {
        return new TableColumnCountEqual(value, options);
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
        long count = values.get(new TableColumns()).size();
        return ExpectationResult.of(
                this,
                format,
                count == value,
                ResultDetails.observed(count),
                "the column count " + count + " is not " + value);
    }

    @Override
    public void writeKwargs(KwargWriter kwargs) {
        kwargs.put("value", value);
    }
}
