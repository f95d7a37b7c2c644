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
 * The length (in Unicode code points) of every non-null string value lies within a range.
 *
 * <p>Passes: {@code lengthBetween(2, 3)} on {@code [ab, abc]}<br>
 * Fails: the same on {@code [a]} (1 unexpected)
 */
public record ColumnValueLengthsBetween(
        String column,
        Optional<Long> min,
        Optional<Long> max,
        boolean strictMin,
        boolean strictMax,
        ExpectationOptions options)
        implements RowExpectation {
    /** expect_column_value_lengths_to_be_between. */
    public static final ExpectationType TYPE = ExpectationType.of(
            "expect_column_value_lengths_to_be_between",
            Kind.COLUMN_MAP,
            Dimension.VALIDITY,
            ColumnValueLengthsBetween::read);

    public ColumnValueLengthsBetween {
        requireNonNull(column, "column is null");
        requireNonNull(min, "min is null");
        requireNonNull(max, "max is null");
        if (min.isEmpty() && max.isEmpty()) {
            throw new InvalidExpectationException(
                    "expect_column_value_lengths_to_be_between on '" + column + "' needs min_value or max_value");
        }
        if (min.isPresent() && max.isPresent() && min.get() > max.get()) {
            throw new InvalidExpectationException("min_value " + min.get() + " must be <= max_value " + max.get());
        }
        requireNonNull(options, "options is null");
    }

    /** With default options. */
    public ColumnValueLengthsBetween(
            String column, Optional<Long> min, Optional<Long> max, boolean strictMin, boolean strictMax) {
        this(column, min, max, strictMin, strictMax, ExpectationOptions.DEFAULT);
    }

    static ColumnValueLengthsBetween read(KwargReader kwargs, ExpectationOptions options) {
        return new ColumnValueLengthsBetween(
                kwargs.string("column"),
                kwargs.optionalInteger("min_value"),
                kwargs.optionalInteger("max_value"),
                kwargs.flag("strict_min", false),
                kwargs.flag("strict_max", false),
                options);
    }

    @Override
    public ExpectationType type() {
        return TYPE;
    }

    @Override
    public ColumnValueLengthsBetween withOptions(ExpectationOptions options) {
        return new ColumnValueLengthsBetween(column, min, max, strictMin, strictMax, options);
    }

    @Override
    public List<String> columns() {
        return List.of(column);
    }

    @Override
    public Metric<UnexpectedRowsResult> unexpectedRows(SampleSpec samples) {
        return new UnexpectedRows(
                new RowPredicate.LengthBetween(column, min, max, strictMin, strictMax), options.rowFilter(), samples);
    }

    @Override
    public String unexpectedPhrase() {
        return "have a length outside "
                + new Range(min.map(v -> (Object) v), max.map(v -> (Object) v), strictMin, strictMax).describe();
    }

    @Override
    public void writeKwargs(KwargWriter kwargs) {
        kwargs.put("column", column);
        kwargs.put("min_value", min);
        kwargs.put("max_value", max);
        if (strictMin) {
            kwargs.put("strict_min", true);
        }
        if (strictMax) {
            kwargs.put("strict_max", true);
        }
    }
}
