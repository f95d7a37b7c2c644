package dev.assay.model.filter;

/**
 * {@code NULL}. As in SQL, a comparison with {@code NULL} is unknown for every row, so {@code a = NULL} keeps no row:
 * test for missing values with {@link IsNull} ({@code a IS NULL}).
 */
public record NullLiteral() implements Literal {
    @Override
    public String text() {
        return "NULL";
    }

    @Override
    public String describe() {
        return "NULL";
    }

    @Override
    public String toString() {
        return text();
    }
}
