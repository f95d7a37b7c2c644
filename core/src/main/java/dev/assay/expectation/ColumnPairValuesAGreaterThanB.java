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
 * In every row, column A is greater than (or, with {@code or_equal}, at least) column B.
 *
 * <p>Passes: {@code dropoff > pickup} on {@code [(10, 5)]}<br>
 * Fails: the same on {@code [(5, 10)]} (1 unexpected)
 */
public record ColumnPairValuesAGreaterThanB(
        String columnA, String columnB, boolean orEqual, IgnoreRowIf ignoreRowIf, ExpectationOptions options)
        implements RowExpectation {
    /** expect_column_pair_values_a_to_be_greater_than_b. */
    public static final ExpectationType TYPE = ExpectationType.of(
            "expect_column_pair_values_a_to_be_greater_than_b",
            Kind.COLUMN_PAIR_MAP,
            Dimension.CONSISTENCY,
            ColumnPairValuesAGreaterThanB::read);

    public ColumnPairValuesAGreaterThanB {
        requireNonNull(columnA, "columnA is null");
        requireNonNull(columnB, "columnB is null");
        requireNonNull(ignoreRowIf, "ignoreRowIf is null");
        requireNonNull(options, "options is null");
    }

    /** With default options. */
    public ColumnPairValuesAGreaterThanB(String columnA, String columnB, boolean orEqual, IgnoreRowIf ignoreRowIf) {
        this(columnA, columnB, orEqual, ignoreRowIf, ExpectationOptions.DEFAULT);
    }

    static ColumnPairValuesAGreaterThanB read(KwargReader kwargs, ExpectationOptions options) {
        return new ColumnPairValuesAGreaterThanB(
                kwargs.string("column_A"),
                kwargs.string("column_B"),
                kwargs.flag("or_equal", false),
                IgnoreRows.read(kwargs, IgnoreRowIf.BOTH_VALUES_ARE_MISSING),
                options);
    }

    @Override
    public ExpectationType type() {
        return TYPE;
    }

    @Override
    public ColumnPairValuesAGreaterThanB withOptions(ExpectationOptions options) {
        return new ColumnPairValuesAGreaterThanB(columnA, columnB, orEqual, ignoreRowIf, options);
    }

    @Override
    public List<String> columns() {
        return List.of(columnA, columnB);
    }

    @Override
    public Metric<UnexpectedRowsResult> unexpectedRows(SampleSpec samples) {
        return new UnexpectedRows(
                new RowPredicate.PairCompare(
                        columnA,
                        columnB,
                        orEqual
                                ? RowPredicate.Comparison.A_GREATER_THAN_OR_EQUAL_TO_B
                                : RowPredicate.Comparison.A_GREATER_THAN_B,
                        ignoreRowIf),
                options.rowFilter(),
                samples);
    }

    @Override
    public String unexpectedPhrase() {
        return "have '" + columnA + "' " + (orEqual ? "<" : "<=") + " '" + columnB + "'";
    }

    @Override
    public void writeKwargs(KwargWriter kwargs) {
        kwargs.put("column_A", columnA);
        kwargs.put("column_B", columnB);
        if (orEqual) {
            kwargs.put("or_equal", true);
        }
        IgnoreRows.write(kwargs, ignoreRowIf, IgnoreRowIf.BOTH_VALUES_ARE_MISSING);
    }
}
