package dev.assay.model.filter;

import static java.util.Objects.requireNonNull;

/**
 * A reference to a column by its exact, case-sensitive name.
 *
 * @param name the column name, never null; any characters (names that are not plain identifiers are rendered
 *     double-quoted)
 */
public record ColumnRef(String name) implements Operand {
    public ColumnRef {
        requireNonNull(name, "name is null");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("column name is empty");
        }
    }

    @Override
    public String text() {
        return SqlText.identifier(name);
    }

    @Override
    public String toString() {
        return text();
    }
}
