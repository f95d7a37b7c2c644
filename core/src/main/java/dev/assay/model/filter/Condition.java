package dev.assay.model.filter;

import dev.assay.model.RowFilter;

/**
 * A parsed {@code row_condition}: a boolean expression over the columns of a row, evaluated with SQL's three-valued
 * logic (a comparison with a null value is unknown, and a row is kept only when the condition is true).
 *
 * <p>Conditions are immutable records and thread-safe. Equality is structural, so conditions that differ only in
 * whitespace, keyword case, quoting, parentheses, the spelling of an operator ({@code !=} or {@code <>}), the
 * associativity of AND and OR, the side the literal is on ({@code 5 < a} is {@code a > 5}), or the syntax they were
 * parsed from are equal. {@link #text()} renders the canonical SQL-like form, which parses back to an equal condition
 * for every tree. Logically equivalent but differently written conditions ({@code NOT a IS NULL} and {@code a IS NOT
 * NULL}) are not equal; they are merely evaluated separately.
 *
 * <p>Build one with {@link RowFilter#parse(String)} or {@link ConditionSyntax#parse(String)}, or from the records
 * directly.
 */
public sealed interface Condition extends RowFilter
        permits And, Or, Not, Comparison, IsNull, InList, Between, Like, BooleanColumn {

    /** The condition in canonical SQL-like syntax, never null or empty. */
    @Override
    String text();
}
