package dev.assay.expectation;

import static java.util.Objects.requireNonNull;

import dev.assay.metric.DuplicateRows;
import dev.assay.metric.Metric;
import dev.assay.metric.RowPredicate.IgnoreRowIf;
import dev.assay.metric.SampleSpec;
import dev.assay.metric.UnexpectedRowsResult;
import dev.assay.model.Dimension;
import dev.assay.model.ExpectationOptions;
import dev.assay.model.ExpectationType;
import dev.assay.model.Kind;
import dev.assay.model.KwargReader;
import dev.assay.model.KwargWriter;
import java.util.List;

/**
 * Every non-null value of a column occurs once. Every row holding a repeated value is unexpected, its
 * first occurrence included (as in GX). Exact: memory grows with the number of distinct values.
 *
 * <p>Passes: {@code [1, 2, 3]}<br>
 * Fails: {@code [1, 2, 2]} (2 unexpected)
 */
public record ColumnValuesUnique(String column, ExpectationOptions options) implements RowExpectation {
    /** expect_column_values_to_be_unique. */
    public static final ExpectationType TYPE = ExpectationType.of(
            "expect_column_values_to_be_unique", Kind.COLUMN_MAP, Dimension.UNIQUENESS, ColumnValuesUnique::read);

    public ColumnValuesUnique {
        requireNonNull(column, "column is null");
        requireNonNull(options, "options is null");
    }

    /** With default options. */
    public ColumnValuesUnique(String column) {
        this(column, ExpectationOptions.DEFAULT);
    }

    static ColumnValuesUnique read(KwargReader kwargs, ExpectationOptions options) {
        return new ColumnValuesUnique(kwargs.string("column"), options);
    }

    @Override
    public ExpectationType type() {
        return TYPE;
    }

    @Override
    public ColumnValuesUnique withOptions(ExpectationOptions options) {
        return new ColumnValuesUnique(column, options);
    }

    @Override
    public List<String> columns() {
        return List.of(column);
    }

    @Override
    public Metric<UnexpectedRowsResult> unexpectedRows(SampleSpec samples) {
        return new DuplicateRows(List.of(column), IgnoreRowIf.ANY_VALUE_IS_MISSING, options.rowFilter(), samples);
    }

    @Override
    public String unexpectedPhrase() {
        return "are duplicates";
    }

    @Override
    public void writeKwargs(KwargWriter kwargs) {
        kwargs.put("column", column);
    }
}
