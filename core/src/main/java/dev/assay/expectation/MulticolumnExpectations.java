package dev.assay.expectation;

import java.util.List;

/** Expectations on several columns of each row together. Not thread-safe. */
public final class MulticolumnExpectations extends ExpectationGroup<MulticolumnExpectations> {
    private final List<String> columns;

    MulticolumnExpectations(List<String> columns) {
        this.columns = List.copyOf(columns);
    }

    /** Each combination of the columns' values occurs once ({@code expect_compound_columns_to_be_unique}). */
    public MulticolumnExpectations unique() {
        return add(new CompoundColumnsUnique(columns));
    }
}
