package dev.assay.model.filter;

import static java.util.Objects.requireNonNull;
import static java.util.stream.Collectors.joining;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code a AND b AND ...}: true when every operand is true, false when any is false, else unknown.
 *
 * @param operands at least two conditions, never null; nested {@code And}s are flattened, so {@code a AND (b AND c)}
 *     equals {@code (a AND b) AND c}
 */
public record And(List<Condition> operands) implements Condition {
    public And {
        List<Condition> flat = new ArrayList<>();
        for (Condition operand : requireNonNull(operands, "operands is null")) {
            if (requireNonNull(operand, "operand is null") instanceof And and) {
                flat.addAll(and.operands());
            } else {
                flat.add(operand);
            }
        }
        if (flat.size() < 2) {
            throw new IllegalArgumentException("AND needs at least two operands: " + flat);
        }
        operands = List.copyOf(flat);
    }

    /** {@code first AND second AND ...}. */
    public static And of(Condition first, Condition second, Condition... more) {
        List<Condition> operands = new ArrayList<>(List.of(first, second));
        operands.addAll(List.of(more));
        return new And(operands);
    }

    @Override
    public Set<String> columns() {
        Set<String> columns = new LinkedHashSet<>();
        operands.forEach(operand -> columns.addAll(operand.columns()));
        return Collections.unmodifiableSet(columns);
    }

    @Override
    public String text() {
        return operands.stream()
                .map(operand -> operand instanceof Or ? "(" + operand.text() + ")" : operand.text())
                .collect(joining(" AND "));
    }

    @Override
    public String toString() {
        return text();
    }
}
