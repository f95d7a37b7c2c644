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

/**
 * Every non-null value lies within a range: numbers, dates, timestamps (ISO-8601 bounds) or strings (code point order).
 *
 * <p>Passes: {@code between(0, 6)} on {@code [0, 3, 6]}<br>
 * Fails: {@code between(0, 6)} on {@code [0, 7]} (1 unexpected)
 */
public record ColumnValuesBetween(String column, Range range, ExpectationOptions options) implements RowExpectation {
    /** expect_column_values_to_be_between. */
    public static final ExpectationType TYPE = ExpectationType.of(
            "expect_column_values_to_be_between", Kind.COLUMN_MAP, Dimension.VALIDITY, ColumnValuesBetween::read);

    public ColumnValuesBetween {
        requireNonNull(column, "column is null");
        requireNonNull(range, "range is null");
        if (range.min().isEmpty() && range.max().isEmpty()) {
            throw new InvalidExpectationException(
                    "expect_column_values_to_be_between on '" + column + "' needs min_value or max_value");
        }
        requireNonNull(options, "options is null");
    }

    /** With default options. */
    public ColumnValuesBetween(String column, Range range) {
        this(column, range, ExpectationOptions.DEFAULT);
    }

    static ColumnValuesBetween read(KwargReader kwargs, ExpectationOptions options) {
        return new ColumnValuesBetween(kwargs.string("column"), Range.read(kwargs), options);
    }

    @Override
    public ExpectationType type() {
        return TYPE;
    }

    @Override
    public ColumnValuesBetween withOptions(ExpectationOptions options) {
        return new ColumnValuesBetween(column, range, options);
    }

    @Override
    public List<String> columns() {
        return List.of(column);
    }

    @Override
    public Metric<UnexpectedRowsResult> unexpectedRows(SampleSpec samples) {
        return new UnexpectedRows(
                new RowPredicate.Between(column, range.min(), range.max(), range.strictMin(), range.strictMax()),
                options.rowFilter(),
                samples);
    }

    @Override
    public String unexpectedPhrase() {
        return (range.min().isPresent() && range.max().isPresent() ? "are outside " : "are not ") + range.describe();
    }

    @Override
    public void writeKwargs(KwargWriter kwargs) {
        kwargs.put("column", column);
        range.write(kwargs);
    }
}
