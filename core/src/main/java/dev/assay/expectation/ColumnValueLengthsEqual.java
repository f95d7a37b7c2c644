package dev.assay.expectation;

import static java.util.Objects.requireNonNull;

import dev.assay.error.InvalidExpectationException;
import dev.assay.metric.Metric;
import dev.assay.metric.RowPredicate;
import dev.assay.metric.SampleSpec;
import dev.assay.metric.UnexpectedRows;
import dev.assay.metric.UnexpectedRowsResult;
import dev.assay.model.Dimension;
import dev.assay.model.ExpectationOptions;
import dev.assay.model.ExpectationType;
import dev.assay.model.Kind;
import dev.assay.model.KwargReader;
import dev.assay.model.KwargWriter;
import java.util.List;
import java.util.Optional;

/**
 * Every non-null string value has exactly this length (in Unicode code points).
 *
 * <p>Passes: {@code lengthEquals(3)} on {@code [abc, xyz]}<br>
 * Fails: the same on {@code [abcd]} (1 unexpected)
 */
public record ColumnValueLengthsEqual(String column, long value, ExpectationOptions options) implements RowExpectation {
    /** expect_column_value_lengths_to_equal. */
    public static final ExpectationType TYPE = ExpectationType.of(
            "expect_column_value_lengths_to_equal", Kind.COLUMN_MAP, Dimension.VALIDITY, ColumnValueLengthsEqual::read);

    public ColumnValueLengthsEqual {
        requireNonNull(column, "column is null");
        if (value < 0) {
            throw new InvalidExpectationException("value must be >= 0, got " + value);
        }
        requireNonNull(options, "options is null");
    }

    /** With default options. */
    public ColumnValueLengthsEqual(String column, long value) {
        this(column, value, ExpectationOptions.DEFAULT);
    }

    static ColumnValueLengthsEqual read(KwargReader kwargs, ExpectationOptions options) {
        return new ColumnValueLengthsEqual(kwargs.string("column"), kwargs.integer("value"), options);
    }

    @Override
    public ExpectationType type() {
        return TYPE;
    }

    @Override
    public ColumnValueLengthsEqual withOptions(ExpectationOptions options) {
        return new ColumnValueLengthsEqual(column, value, options);
    }

    @Override
    public List<String> columns() {
        return List.of(column);
    }

    @Override
    public Metric<UnexpectedRowsResult> unexpectedRows(SampleSpec samples) {
        return new UnexpectedRows(
                new RowPredicate.LengthBetween(column, Optional.of(value), Optional.of(value), false, false),
                options.rowFilter(),
                samples);
    }

    @Override
    public String unexpectedPhrase() {
        return "do not have length " + value;
    }

    @Override
    public void writeKwargs(KwargWriter kwargs) {
        kwargs.put("column", column);
        kwargs.put("value", value);
    }
}
