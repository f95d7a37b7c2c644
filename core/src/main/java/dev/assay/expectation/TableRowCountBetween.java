package dev.assay.expectation;

import static java.util.Objects.requireNonNull;

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
 * The number of rows lies within a range.
 *
 * <p>Passes: {@code rowCountBetween(900_000, 1_100_000)} on 1,000,000 rows<br>
 * Fails: the same on 12 rows
 */
public record TableRowCountBetween(Range range, ExpectationOptions options) implements Expectation {
    /** expect_table_row_count_to_be_between. */
    public static final ExpectationType TYPE = ExpectationType.of(
            "expect_table_row_count_to_be_between", Kind.TABLE, Dimension.VOLUME, TableRowCountBetween::read);

    public TableRowCountBetween {
        requireNonNull(range, "range is null");
        requireNonNull(options, "options is null");
    }

    /** With default options. */
    public TableRowCountBetween(Range range) {
        this(range, ExpectationOptions.DEFAULT);
    }

    static TableRowCountBetween read(KwargReader kwargs, ExpectationOptions options) {
        return new TableRowCountBetween(Range.read(kwargs), options);
    }

    @Override
    public ExpectationType type() {
        return TYPE;
    }

    @Override
    public TableRowCountBetween withOptions(ExpectationOptions options) {
        return new TableRowCountBetween(range, options);
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
        Object observed = values.get(new RowCount(options.rowFilter()));
        return Aggregates.between(this, format, observed, range, "row count");
    }

    @Override
    public void writeKwargs(KwargWriter kwargs) {
        range.write(kwargs);
    }
}
