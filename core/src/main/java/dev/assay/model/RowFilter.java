package dev.assay.model;

import static java.util.Objects.requireNonNull;

import dev.assay.error.AssayException;
import dev.assay.error.ErrorCode;
import dev.assay.model.filter.Condition;
import dev.assay.model.filter.ConditionSyntax;
import java.util.Set;

/**
 * Restricts the rows an expectation or metric sees ({@code row_condition}).
 *
 * <p>Either {@link #none()}, which keeps every row, or a parsed {@link Condition}: a boolean expression over columns,
 * such as {@code status <> 'test' AND amount > 0}, evaluated with SQL's three-valued logic (a row is kept only when
 * the condition is true; a comparison with a null value is unknown, so such a row is not kept).
 *
 * <p>Immutable and thread-safe; equal filters select equal rows, so metrics with equal filters are computed together.
 *
 * <pre>{@code
 * RowFilter.parse("amount > 0 AND status <> 'test'")          // the default SQL-like syntax
 * RowFilter.parse("col(\"amount\") > 0", "great_expectations") // GX's syntax, the same filter
 * RowFilter.parse("amount > 0 and status != 'test'", "pandas") // pandas' query syntax
 * }</pre>
 */
public interface RowFilter {
    /** The filter that keeps every row. */
    static RowFilter none() {
        return NoRowFilter.INSTANCE;
    }

    /**
     * Parses a {@code row_condition} in the default SQL-like syntax ({@code condition_parser} absent or {@code sql}).
     *
     * @param condition the condition, never null; a blank condition is {@link #none()}
     * @return the filter, never null
     * @throws AssayException with {@link ErrorCode#INVALID_ROW_CONDITION} when the condition cannot be parsed; the
     *     message quotes it and gives the 1-based position and what was expected there: {@code Invalid row_condition
     *     "amount >> 5" at position 9: expected a value after '>'}
     * @see ConditionSyntax#SQL
     */
    static RowFilter parse(String condition) {
        return parse(condition, ConditionSyntax.SQL);
    }

    /**
     * Parses a {@code row_condition} in the syntax named by GX's {@code condition_parser}: {@code sql}, {@code
     * great_expectations} or {@code pandas}.
     *
     * @param condition the condition, never null; a blank condition is {@link #none()}
     * @param conditionParser the syntax's name, never null
     * @return the filter, never null; its {@link #text()} is in the SQL-like syntax whatever the input syntax
     * @throws AssayException with {@link ErrorCode#INVALID_ROW_CONDITION} for an unknown parser name or a condition
     *     that cannot be parsed
     */
    static RowFilter parse(String condition, String conditionParser) {
        return parse(condition, ConditionSyntax.fromParserName(conditionParser));
    }

    private static RowFilter parse(String condition, ConditionSyntax syntax) {
        requireNonNull(condition, "condition is null");
        return condition.isBlank() ? none() : syntax.parse(condition);
    }

    /** True for the filter that keeps every row. */
    default boolean isNone() {
        return false;
    }

    /** The columns the filter reads, in the order they first appear; never null, empty for {@link #none()}. */
    Set<String> columns();

    /**
     * The condition in canonical SQL-like syntax, never null; empty for {@link #none()}. Parsing it with {@link
     * #parse(String)} gives an equal filter, so it is what a suite written back stores (with no {@code
     * condition_parser}).
     */
    String text();
}
