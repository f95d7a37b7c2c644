package dev.assay.model.filter;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;

/**
 * An exact numeric literal such as {@code 5}, {@code -2.50} or {@code 1e3}. It compares with integer, floating-point
 * and decimal columns by numeric value.
 *
 * @param value the value, never null; a negative scale (as {@code 1e3} parses to) is normalized to scale 0 so that
 *     the rendered text parses back to an equal literal
 */
public record NumberLiteral(BigDecimal value) implements Literal {
    public NumberLiteral {
        requireNonNull(value, "value is null");
        if (value.scale() < 0) {
            value = value.setScale(0);
        }
    }

    /** The literal for {@code value}. */
    public static NumberLiteral of(long value) {
        return new NumberLiteral(BigDecimal.valueOf(value));
    }

    @Override
    public String text() {
        return value.toPlainString();
    }

    @Override
    public String describe() {
        return "the number " + text();
    }

    @Override
    public String toString() {
        return text();
    }
}
