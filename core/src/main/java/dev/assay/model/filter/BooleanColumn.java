package dev.assay.model.filter;

import java.util.Set;

/**
 * A boolean column used as a condition: {@code is_active} keeps the rows where the column is true. Write {@code NOT
 * is_active} for the rows where it is false; rows where it is null are kept by neither.
 *
 * @param column the column name, never null
 */
public record BooleanColumn(String column) implements Condition {
    public BooleanColumn {
        SqlText.requireColumn(column);
    }

    @Override
    public Set<String> columns() {
        return Set.of(column);
    }

    @Override
    public String text() {
        return SqlText.identifier(column);
    }

    @Override
    public String toString() {
        return text();
    }
}
