package dev.assay.expectation;

import static java.util.Objects.requireNonNull;

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
 * Every non-null string value contains a match of a regular expression (Java syntax, searched anywhere; anchor with ^...$).
 *
 * <p>Passes: {@code matches("^T\\d+$")} on {@code [T1, T22]}<br>
 * Fails: the same on {@code [T1, X9]} (1 unexpected)
 */
public record ColumnValuesMatchRegex(String column, String regex, ExpectationOptions options)
        implements RowExpectation {
    /** expect_column_values_to_match_regex. */
    public static final ExpectationType TYPE = ExpectationType.of(
            "expect_column_values_to_match_regex", Kind.COLUMN_MAP, Dimension.VALIDITY, ColumnValuesMatchRegex::read);

    public ColumnValuesMatchRegex {
        requireNonNull(column, "column is null");
        requireNonNull(regex, "regex is null");
        Values.checkRegex(regex);
        requireNonNull(options, "options is null");
    }

    /** With default options. */
    public ColumnValuesMatchRegex(String column, String regex) {
        this(column, regex, ExpectationOptions.DEFAULT);
    }

    static ColumnValuesMatchRegex read(KwargReader kwargs, ExpectationOptions options) {
        return new ColumnValuesMatchRegex(kwargs.string("column"), kwargs.string("regex"), options);
    }

    @Override
    public ExpectationType type() {
        return TYPE;
    }

    @Override
    public ColumnValuesMatchRegex withOptions(ExpectationOptions options) {
        return new ColumnValuesMatchRegex(column, regex, options);
    }

    @Override
    public List<String> columns() {
        return List.of(column);
    }

    @Override
    public Metric<UnexpectedRowsResult> unexpectedRows(SampleSpec samples) {
        return new UnexpectedRows(new RowPredicate.MatchesRegex(column, regex, false), options.rowFilter(), samples);
    }

    @Override
    public String unexpectedPhrase() {
        return "do not match /" + regex + "/";
    }

    @Override
    public void writeKwargs(KwargWriter kwargs) {
        kwargs.put("column", column);
        kwargs.put("regex", regex);
    }
}
