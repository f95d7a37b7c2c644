package dev.assay.model.filter;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * A date, written {@code DATE '2024-01-31'}. Compares with date columns, and with timestamp columns as midnight UTC.
 *
 * @param value the date, never null
 */
public record DateLiteral(LocalDate value) implements Literal {
    public DateLiteral {
        requireNonNull(value, "value is null");
    }

    /**
     * Parses {@code yyyy-MM-dd}.
     *
     * @param text the date, never null
     * @throws IllegalArgumentException if {@code text} is not such a date
     */
    public static DateLiteral parse(String text) {
        try {
            return new DateLiteral(SqlText.parseDate(text));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a date (yyyy-MM-dd)", e);
        }
    }

    @Override
    public String text() {
        return "DATE " + SqlText.string(SqlText.date(value));
    }

    @Override
    public String describe() {
        return text();
    }

    @Override
    public String toString() {
        return text();
    }
}
