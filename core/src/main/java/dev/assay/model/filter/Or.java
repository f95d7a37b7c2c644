package dev.assay.model.filter;

import static java.util.Objects.requireNonNull;
import static java.util.stream.Collectors.joining;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code a OR b OR ...}: true when any operand is true, false when every one is false, else unknown.
 *
 * @param operands at least two conditions, never null; nested {@code Or}s are flattened, so {@code a OR (b OR c)}
 *     equals {@code (a OR b) OR c}
 */
public record Or(List<Condition> operands) implements Condition {
    public Or {
        List<Condition> flat = new ArrayList<>();
        for (Condition operand : requireNonNull(operands, "operands is null")) {
            if (requireNonNull(operand, "operand is null") instanceof Or or) {
                flat.addAll(or.operands());
            } else {
                flat.add(operand);
            }
        }
        if (flat.size() < 2) {
            throw new IllegalArgumentException("OR needs at least two operands: " + flat);
        }
        operands = List.copyOf(flat);
    }

    /** {@code first OR second OR ...}. */
    public static Or of(Condition first, Condition second, Condition... more) {
        List<Condition> operands = new ArrayList<>(List.of(first, second));
        operands.addAll(List.of(more));
        return new Or(operands);
    }

    @Override
    public Set<String> columns() {
        Set<String> columns = new LinkedHashSet<>();
        operands.forEach(operand -> columns.addAll(operand.columns()));
        return Collections.unmodifiableSet(columns);
    }

    @Override
    public String text() {
        return operands.stream().map(Condition::text).collect(joining(" OR "));
    }

    @Override
    public String toString() {
        return text();
    }
}
