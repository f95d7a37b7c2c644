package dev.assay.model.filter;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * {@code column <operator> value}, where the value is a literal or another column: {@code amount > 0}, {@code status
 * <> 'test'}, {@code shipped_at >= ordered_at}. Unknown when either side is null.
 *
 * @param column the column on the left, never null
 * @param operator the comparison, never null
 * @param right the literal or column on the right, never null
 */
public record Comparison(String column, ComparisonOperator operator, Operand right) implements Condition {
    public Comparison {
        SqlText.requireColumn(column);
        requireNonNull(operator, "operator is null");
        requireNonNull(right, "right is null");
    }

    @Override
    public Set<String> columns() {
        if (right instanceof ColumnRef other && !other.name().equals(column)) {
            Set<String> columns = new LinkedHashSet<>();
            columns.add(column);
            columns.add(other.name());
            return Collections.unmodifiableSet(columns);
        }
        return Set.of(column);
    }

    @Override
    public String text() {
        return SqlText.identifier(column) + ' ' + operator.symbol() + ' ' + right.text();
    }

    @Override
    public String toString() {
        return text();
    }
}
