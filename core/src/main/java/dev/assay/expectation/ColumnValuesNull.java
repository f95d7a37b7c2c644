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
 * Every value of a column is null (a column that must stay empty).
 *
 * <p>Passes: {@code [null, null]}<br>
 * Fails: {@code [null, 7]} (1 unexpected)
 */
public record ColumnValuesNull(String column, ExpectationOptions options) implements RowExpectation {
    /** expect_column_values_to_be_null. */
    public static final ExpectationType TYPE = ExpectationType.of(
            "expect_column_values_to_be_null", Kind.COLUMN_MAP, Dimension.COMPLETENESS, ColumnValuesNull::read);

    public ColumnValuesNull {
        requireNonNull(column, "column is null");
        requireNonNull(options, "options is null");
    }

    /** With default options. */
    public ColumnValuesNull(String column) {
        this(column, ExpectationOptions.DEFAULT);
    }

    static ColumnValuesNull read(KwargReader kwargs, ExpectationOptions options) {
        return new ColumnValuesNull(kwargs.string("column"), options);
    }

    @Override
    public ExpectationType type() {
        return TYPE;
    }

    @Override
    public ColumnValuesNull withOptions(ExpectationOptions options) {
        return new ColumnValuesNull(column, options);
    }

    @Override
    public List<String> columns() {
        return List.of(column);
    }

    @Override
    public Metric<UnexpectedRowsResult> unexpectedRows(SampleSpec samples) {
        return new UnexpectedRows(new RowPredicate.IsNull(column), options.rowFilter(), samples);
    }

    @Override
    public String unexpectedPhrase() {
        return "are not null";
    }

    @Override
    public void writeKwargs(KwargWriter kwargs) {
        kwargs.put("column", column);
    }
}
