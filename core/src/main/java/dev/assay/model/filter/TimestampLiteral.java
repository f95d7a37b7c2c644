package dev.assay.model.filter;

import static java.util.Objects.requireNonNull;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A timestamp, written {@code TIMESTAMP '2024-01-31 10:30:00'} or with an offset {@code TIMESTAMP '2024-01-31
 * 10:30:00+02:00'}. Compares with timestamp and date columns; a timestamp without offset is read as UTC when it is
 * compared with an instant (a timestamp column with a time zone).
 *
 * @param value the local date and time as written, never null
 * @param offset the offset as written, never null; empty when none was written
 */
public record TimestampLiteral(LocalDateTime value, Optional<ZoneOffset> offset) implements Literal {
    public TimestampLiteral {
        requireNonNull(value, "value is null");
        requireNonNull(offset, "offset is null");
    }

    /** A timestamp without offset. */
    public static TimestampLiteral of(LocalDateTime value) {
        return new TimestampLiteral(value, Optional.empty());
    }

    /**
     * Parses {@code yyyy-MM-dd[( |T)HH:mm[:ss[.fffffffff]]][Z|+HH[:mm]]}; a date alone is midnight.
     *
     * @param text the timestamp, never null
     * @throws IllegalArgumentException if {@code text} is not such a timestamp
     */
    public static TimestampLiteral parse(String text) {
        try {
            return SqlText.parseTimestamp(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a timestamp (yyyy-MM-dd HH:mm[:ss[.fffffffff]][+HH:mm])", e);
        }
    }

    @Override
    public String text() {
        String offsetText =
                offset.map(o -> o.equals(ZoneOffset.UTC) ? "Z" : o.getId()).orElse("");
        return "TIMESTAMP "
                + SqlText.string(
                        SqlText.date(value.toLocalDate()) + " " + SqlText.time(value.toLocalTime()) + offsetText);
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
