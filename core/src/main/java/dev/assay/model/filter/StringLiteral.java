package dev.assay.model.filter;

import static java.util.Objects.requireNonNull;

/**
 * A string literal, written {@code 'it''s'} in SQL syntax. Compares with string columns by Unicode code point order,
 * and with date, time and timestamp columns when it holds an ISO-8601 value.
 *
 * @param value the value, never null
 */
public record StringLiteral(String value) implements Literal {
    public StringLiteral {
        requireNonNull(value, "value is null");
    }

    @Override
    public String text() {
        return SqlText.string(value);
    }

    @Override
    public String describe() {
        return "the string " + text();
    }

    @Override
    public String toString() {
        return text();
    }
}
