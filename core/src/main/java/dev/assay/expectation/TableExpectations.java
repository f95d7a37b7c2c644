package dev.assay.expectation;

import java.util.List;

/** Expectations on the table as a whole: volume and schema. Not thread-safe. */
public final class TableExpectations extends ExpectationGroup<TableExpectations> {
    TableExpectations() {}

    /** The row count lies within [min, max] ({@code expect_table_row_count_to_be_between}). */
    public TableExpectations rowCountBetween(long min, long max) {
        return add(new TableRowCountBetween(Range.between(min, max)));
    }

    /** The row count is exactly {@code value}. */
    public TableExpectations rowCountEquals(long value) {
        return add(new TableRowCountEqual(value));
    }

    /** The columns are exactly these, in order. */
    public TableExpectations columnsMatchOrderedList(String... columns) {
        return add(new TableColumnsMatchOrderedList(List.of(columns)));
    }

    /** The columns are exactly this set, in any order. */
    public TableExpectations columnsMatchSet(String... columns) {
        return add(new TableColumnsMatchSet(List.of(columns), true));
    }

    /** The columns include at least this set. */
    public TableExpectations columnsInclude(String... columns) {
        return add(new TableColumnsMatchSet(List.of(columns), false));
    }

    /** The column count lies within [min, max]. */
    public TableExpectations columnCountBetween(long min, long max) {
        return add(new TableColumnCountBetween(Range.between(min, max)));
    }

    /** The column count is exactly {@code value}. */
    public TableExpectations columnCountEquals(long value) {
        return add(new TableColumnCountEqual(value));
    }
}
