package dev.assay.model.filter;

import java.util.Set;

/**
 * {@code column IS NULL}, or with {@code negated} {@code column IS NOT NULL}. Never unknown: it is true or false for
 * every row. Applies to columns of any type.
 *
 * @param column the column name, never null
 * @param negated true for {@code IS NOT NULL}
 */
public record IsNull(String column, boolean negated) implements Condition {
    public IsNull {
        SqlText.requireColumn(column);
    }

    @Override
    public Set<String> columns() {
        return Set.of(column);
    }

    @Override
    public String text() {
        return SqlText.identifier(column) + (negated ? " IS NOT NULL" : " IS NULL");
    }

    @Override
    public String toString() {
        return text();
    }
}
