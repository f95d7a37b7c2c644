package dev.assay.expectation;

import static java.util.Objects.requireNonNull;

import dev.assay.error.InvalidExpectationException;
import dev.assay.metric.Metric;
import dev.assay.metric.MetricValues;
import dev.assay.metric.RowCount;
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
 * The number of rows equals a value.
 *
 * <p>Passes: {@code rowCountEquals(3)} on 3 rows<br>
 * Fails: the same on 4 rows
 */
public record TableRowCountEqual(long value, ExpectationOptions options) implements Expectation {
    /** expect_table_row_count_to_equal. */
    public static final ExpectationType TYPE = ExpectationType.of(
            "expect_table_row_count_to_equal", dev.assay.model.Kind.TABLE, Dimension.VOLUME, TableRowCountEqual::read);

    public TableRowCountEqual {
        if (value < 0) {
            throw new InvalidExpectationException("value must be >= 0, got " + value);
        }
        requireNonNull(options, "options is null");
    }

    /** With default options. */
    public TableRowCountEqual(long value) {
        this(value, ExpectationOptions.DEFAULT);
    }

    static TableRowCountEqual read(KwargReader kwargs, ExpectationOptions options) {
        return new TableRowCountEqual(kwargs.integer("value"), options);
    }

    @Override
    public ExpectationType type() {
        return TYPE;
    }

    @Override
    public TableRowCountEqual withOptions(ExpectationOptions options) {
        return new TableRowCountEqual(value, options);
    }

    @Override
    public List<String> columns() {
        return List.of();
    }

    @Override
    public Set<Metric<?>> metrics(ResultFormat format) {
        return Set.of(new RowCount(options.rowFilter()));
    }

    @Override
    public ExpectationResult evaluate(MetricValues values, ResultFormat format) {
        long rows = values.get(new RowCount(options.rowFilter()));
        return ExpectationResult.of(
                this,
                format,
                rows == value,
                ResultDetails.observed(rows),
                "the row count " + rows + " is not " + value);
    }

    @Override
    public void writeKwargs(KwargWriter kwargs) {
        kwargs.put("value", value);
    }
}
