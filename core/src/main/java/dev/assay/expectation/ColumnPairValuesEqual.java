package dev.assay.expectation;

import static java.util.Objects.requireNonNull;

import dev.assay.metric.Metric;
import dev.assay.metric.RowPredicate;
import dev.assay.metric.RowPredicate.IgnoreRowIf;
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
 * In every row, columns A and B hold equal values.
 *
 * <p>Passes: {@code [(1, 1), (2, 2)]}<br>
 * Fails: {@code [(1, 2)]} (1 unexpected)
 */
public record ColumnPairValuesEqual(String columnA, String columnB, IgnoreRowIf ignoreRowIf, ExpectationOptions options)
        implements RowExpectation {
    /** expect_column_pair_values_to_be_equal. */
    public static final ExpectationType TYPE = ExpectationType.of(
            "expect_column_pair_values_to_be_equal",
            Kind.COLUMN_PAIR_MAP,
            Dimension.CONSISTENCY,
            ColumnPairValuesEqual::read);

    public ColumnPairValuesEqual {
        requireNonNull(columnA, "columnA is null");
        requireNonNull(columnB, "columnB is null");
        requireNonNull(ignoreRowIf, "ignoreRowIf is null");
        requireNonNull(options, "options is null");
    }

    /** With default options. */
    public ColumnPairValuesEqual(String columnA, String columnB, IgnoreRowIf ignoreRowIf) {
        this(columnA, columnB, ignoreRowIf, ExpectationOptions.DEFAULT);
    }

    static ColumnPairValuesEqual read(KwargReader kwargs, ExpectationOptions options) {
        return new ColumnPairValuesEqual(
                kwargs.string("column_A"),
                kwargs.string("column_B"),
                IgnoreRows.read(kwargs, IgnoreRowIf.BOTH_VALUES_ARE_MISSING),
                options);
    }

    @Override
    public ExpectationType type() {
        return TYPE;
    }

    @Override
    public ColumnPairValuesEqual withOptions(ExpectationOptions options) {
        return new ColumnPairValuesEqual(columnA, columnB, ignoreRowIf, options);
    }

    @Override
    public List<String> columns() {
        return List.of(columnA, columnB);
    }

    @Override
    public Metric<UnexpectedRowsResult> unexpectedRows(SampleSpec samples) {
        return new UnexpectedRows(
                new RowPredicate.PairCompare(columnA, columnB, RowPredicate.Comparison.EQUAL, ignoreRowIf),
                options.rowFilter(),
                samples);
    }

    @Override
    public String unexpectedPhrase() {
        return "have '" + columnA + "' != '" + columnB + "'";
    }

    @Override
    public void writeKwargs(KwargWriter kwargs) {
        kwargs.put("column_A", columnA);
        kwargs.put("column_B", columnB);
        IgnoreRows.write(kwargs, ignoreRowIf, IgnoreRowIf.BOTH_VALUES_ARE_MISSING);
    }
}
