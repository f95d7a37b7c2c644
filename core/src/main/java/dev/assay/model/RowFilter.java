package dev.assay.model;

import java.util.Set;

/**
 * Restricts the rows an expectation or metric sees ({@code row_condition}).
 *
 * <p>Immutable and thread-safe; equal filters select equal rows, so metrics with equal filters are
 * computed together.
 */
public interface RowFilter {
    /** The filter that keeps every row. */
    static RowFilter none() {
        return NoRowFilter.INSTANCE;
    }

    /** Parses a SQL-like condition (scaffold until the row-condition parser lands). */
    static RowFilter parse(String condition) {
        return parse(condition, "sql");
    }

    /** Parses a condition in the given syntax (scaffold until the row-condition parser lands). */
    static RowFilter parse(String condition, String conditionParser) {
        throw new dev.assay.error.AssayException(
                dev.assay.error.ErrorCode.INVALID_ROW_CONDITION, "row_condition is not available in this build");
    }

    /** True for the filter that keeps every row. */
    default boolean isNone() {
        return false;
    }

    /** The columns the filter reads, never null. */
    Set<String> columns();

    /** The condition as text, as a user would write it; empty for {@link #none()}. */
    String text();
}
