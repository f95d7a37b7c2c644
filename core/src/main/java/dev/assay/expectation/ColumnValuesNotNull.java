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
 * Every value of a column is present (not null).
 *
 * <p>Passes: {@code [1, 2, 3]}<br>
 * Fails: {@code [1, null, 3]} (1 unexpected)
 */
public record ColumnValuesNotNull(String column, ExpectationOptions options) implements RowExpectation {
    /** expect_column_values_to_not_be_null. */
    public static final ExpectationType TYPE = ExpectationType.of(
            "expect_column_values_to_not_be_null", Kind.COLUMN_MAP, Dimension.COMPLETENESS, ColumnValuesNotNull::read);

    public ColumnValuesNotNull {
        requireNonNull(column, "column is null");
        requireNonNull(options, "options is null");
    }

    /** With default options. */
    public ColumnValuesNotNull(String column) {
        this(column, ExpectationOptions.DEFAULT);
    }

    static ColumnValuesNotNull read(KwargReader kwargs, ExpectationOptions options) {
        return new ColumnValuesNotNull(kwargs.string("column"), options);
    }

    @Override
    public ExpectationType type() {
        return TYPE;
    }

    @Override
    public ColumnValuesNotNull withOptions(ExpectationOptions options) {
        return new ColumnValuesNotNull(column, options);
    }

    @Override
    public List<String> columns() {
        return List.of(column);
    }

    @Override
    public Metric<UnexpectedRowsResult> unexpectedRows(SampleSpec samples) {
        return new UnexpectedRows(new RowPredicate.NotNull(column), options.rowFilter(), samples);
    }

    @Override
    public String unexpectedPhrase() {
        return "are null";
    }

    @Override
    public void writeKwargs(KwargWriter kwargs) {
        kwargs.put("column", column);
    }
}
