package dev.assay.model.filter;

import static java.util.Objects.requireNonNull;

import java.util.Set;

/**
 * {@code column BETWEEN low AND high}, both bounds inclusive, or with {@code negated} {@code column NOT BETWEEN low
 * AND high}. The same as {@code column >= low AND column <= high} (or its negation), null handling included.
 *
 * @param column the column name, never null
 * @param low the inclusive lower bound, never null
 * @param high the inclusive upper bound, never null
 * @param negated true for {@code NOT BETWEEN}
 */
public record Between(String column, Literal low, Literal high, boolean negated) implements Condition {
    public Between {
        SqlText.requireColumn(column);
        requireNonNull(low, "low is null");
        requireNonNull(high, "high is null");
    }

    @Override
    public Set<String> columns() {
        return Set.of(column);
    }

    @Override
    public String text() {
        return SqlText.identifier(column) + (negated ? " NOT BETWEEN " : " BETWEEN ") + low.text() + " AND "
                + high.text();
    }

    @Override
    public String toString() {
        return text();
    }
}
