package dev.assay.model.filter;

import static java.util.Objects.requireNonNull;

import java.util.Set;

/**
 * {@code NOT operand}: true where the operand is false, false where it is true, unknown where it is unknown.
 *
 * @param operand the negated condition, never null
 */
public record Not(Condition operand) implements Condition {
    public Not {
        requireNonNull(operand, "operand is null");
    }

    @Override
    public Set<String> columns() {
        return operand.columns();
    }

    @Override
    public String text() {
        return operand instanceof BooleanColumn ? "NOT " + operand.text() : "NOT (" + operand.text() + ')';
    }

    @Override
    public String toString() {
        return text();
    }
}
