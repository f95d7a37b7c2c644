package dev.assay.model.filter;

import static java.util.Objects.requireNonNull;
import static java.util.stream.Collectors.joining;

import java.util.List;
import java.util.Set;

/**
 * {@code column IN (v1, v2, ...)}, or with {@code negated} {@code column NOT IN (...)}. As in SQL, a null column value
 * is unknown, and a {@code NULL} in the list makes a value that matches nothing unknown rather than false (so {@code
 * NOT IN} with a {@code NULL} keeps no row).
 *
 * @param column the column name, never null
 * @param values the values, never null or empty; copied
 * @param negated true for {@code NOT IN}
 */
public record InList(String column, List<Literal> values, boolean negated) implements Condition {
    public InList {
        SqlText.requireColumn(column);
        values = List.copyOf(requireNonNull(values, "values is null"));
        if (values.isEmpty()) {
            throw new IllegalArgumentException("IN list of column '" + column + "' is empty");
        }
    }

    @Override
    public Set<String> columns() {
        return Set.of(column);
    }

    @Override
    public String text() {
        return SqlText.identifier(column)
                + (negated ? " NOT IN (" : " IN (")
                + values.stream().map(Literal::text).collect(joining(", "))
                + ')';
    }

    @Override
    public String toString() {
        return text();
    }
}
