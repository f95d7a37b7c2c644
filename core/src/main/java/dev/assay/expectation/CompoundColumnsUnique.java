package dev.assay.expectation;

import static java.util.Objects.requireNonNull;

import dev.assay.error.InvalidExpectationException;
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
import java.util.HashSet;
import java.util.List;

/**
 * Every combination of values of several columns occurs once (a composite key). Rows with missing
 * values are skipped as {@code ignore_row_if} says (default: all values missing).
 *
 * <p>Passes: {@code (a,b)} rows {@code [(1,x), (1,y)]}<br>
 * Fails: {@code [(1,x), (1,x)]} (2 unexpected)
 */
public record CompoundColumnsUnique(List<String> columnList, IgnoreRowIf ignoreRowIf, ExpectationOptions options)
        implements RowExpectation {
    /** expect_compound_columns_to_be_unique. */
    public static final ExpectationType TYPE = ExpectationType.of(
            "expect_compound_columns_to_be_unique",
            Kind.MULTICOLUMN_MAP,
            Dimension.UNIQUENESS,
            CompoundColumnsUnique::read);

    public CompoundColumnsUnique {
        columnList = List.copyOf(requireNonNull(columnList, "columnList is null"));
        if (columnList.size() < 2) {
            throw new InvalidExpectationException(
                    "expect_compound_columns_to_be_unique needs at least 2 columns in column_list, got " + columnList);
        }
        if (new HashSet<>(columnList).size() != columnList.size()) {
            throw new InvalidExpectationException("column_list has duplicate columns: " + columnList);
        }
        requireNonNull(ignoreRowIf, "ignoreRowIf is null");
        requireNonNull(options, "options is null");
    }

    /** With default options. */
    public CompoundColumnsUnique(List<String> columnList) {
        this(columnList, IgnoreRowIf.ALL_VALUES_ARE_MISSING, ExpectationOptions.DEFAULT);
    }

    static CompoundColumnsUnique read(KwargReader kwargs, ExpectationOptions options) {
        return new CompoundColumnsUnique(
                kwargs.strings("column_list"), IgnoreRows.read(kwargs, IgnoreRowIf.ALL_VALUES_ARE_MISSING), options);
    }

    @Override
    public ExpectationType type() {
        return TYPE;
    }

    @Override
    public CompoundColumnsUnique withOptions(ExpectationOptions options) {
        return new CompoundColumnsUnique(columnList, ignoreRowIf, options);
    }

    @Override
    public List<String> columns() {
        return columnList;
    }

    @Override
    public Metric<UnexpectedRowsResult> unexpectedRows(SampleSpec samples) {
        return new DuplicateRows(columnList, ignoreRowIf, options.rowFilter(), samples);
    }

    @Override
    public String unexpectedPhrase() {
        return "repeat a combination of " + columnList;
    }

    @Override
    public void writeKwargs(KwargWriter kwargs) {
        kwargs.put("column_list", columnList);
        IgnoreRows.write(kwargs, ignoreRowIf, IgnoreRowIf.ALL_VALUES_ARE_MISSING);
    }
}
