package dev.assay.expectation;

import dev.assay.metric.RowPredicate.IgnoreRowIf;

/** Expectations on two columns of each row. Not thread-safe. */
public final class ColumnPairExpectations extends ExpectationGroup<ColumnPairExpectations> {
    private final String columnA;
    private final String columnB;

    ColumnPairExpectations(String columnA, String columnB) {
        this.columnA = columnA;
        this.columnB = columnB;
    }

    /** Column A is greater than column B in every row ({@code expect_column_pair_values_a_to_be_greater_than_b}). */
    public ColumnPairExpectations aGreaterThanB() {
        return add(new ColumnPairValuesAGreaterThanB(
                columnA,
                columnB,
                false,
                IgnoreRowIf.BOTH_VALUES_ARE_MISSING,
                dev.assay.model.ExpectationOptions.DEFAULT));
    }

    /** Column A is at least column B in every row. */
    public ColumnPairExpectations aGreaterThanOrEqualToB() {
        return add(new ColumnPairValuesAGreaterThanB(
                columnA,
                columnB,
                true,
                IgnoreRowIf.BOTH_VALUES_ARE_MISSING,
                dev.assay.model.ExpectationOptions.DEFAULT));
    }

    /** The columns are equal in every row ({@code expect_column_pair_values_to_be_equal}). */
    public ColumnPairExpectations equal() {
        return add(new ColumnPairValuesEqual(columnA, columnB, IgnoreRowIf.BOTH_VALUES_ARE_MISSING));
    }
}
