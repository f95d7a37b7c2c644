package dev.assay.model.filter;

import static java.util.Objects.requireNonNull;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;

/**
 * A time of day, written {@code TIME '10:30:00'}. Compares with time columns.
 *
 * @param value the time, never null
 */
public record TimeLiteral(LocalTime value) implements Literal {
    public TimeLiteral {
        requireNonNull(value, "value is null");
    }

    /**
     * Parses {@code HH:mm[:ss[.fffffffff]]}.
     *
     * @param text the time, never null
     * @throws IllegalArgumentException if {@code text} is not such a time
     */
    public static TimeLiteral parse(String text) {
        try {
            return new TimeLiteral(SqlText.parseTime(text));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a time (HH:mm[:ss[.fffffffff]])", e);
        }
    }

    @Override
    public String text() {
        return "TIME " + SqlText.string(SqlText.time(value));
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
