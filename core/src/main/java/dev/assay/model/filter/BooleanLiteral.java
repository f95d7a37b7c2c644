package dev.assay.model.filter;

/**
 * {@code TRUE} or {@code FALSE}; compares with boolean columns.
 *
 * @param value the value
 */
public record BooleanLiteral(boolean value) implements Literal {
    @Override
    public String text() {
        return value ? "TRUE" : "FALSE";
    }

    @Override
    public String describe() {
        return "the boolean " + text();
    }

    @Override
    public String toString() {
        return text();
    }
}
