package dev.assay.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads ISO-8601 text in the forms expectation arguments use. Not API. */
public final class IsoTimes {
    private IsoTimes() {}

    /**
     * Parses a date-time with an offset, a local date-time ('T' or a space between date and time) or a
     * date; a value without an offset is read as UTC, and a date as its midnight.
     */
    public static Optional<Instant> parseInstant(String text) {
        String t =
                text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11) : text;
        try {
            return Optional.of(OffsetDateTime.parse(t).toInstant());
        } catch (DateTimeParseException ignored) {
            // not with an offset; try without
        }
        try {
            return Optional.of(LocalDateTime.parse(t).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException ignored) {
            // not a local date-time; try a date
        }
        try {
            return Optional.of(LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * A date or timestamp value (or ISO text) as an instant: values without an offset are read as UTC, a
     * date as its midnight; empty for anything else.
     */
    public static Optional<Instant> instant(Object value) {
        if (value instanceof Instant i) {
            return Optional.of(i);
        }
        if (value instanceof LocalDateTime l) {
            return Optional.of(l.toInstant(ZoneOffset.UTC));
        }
        if (value instanceof LocalDate d) {
            return Optional.of(d.atStartOfDay().toInstant(ZoneOffset.UTC));
        }
        if (value instanceof OffsetDateTime o) {
            return Optional.of(o.toInstant());
        }
        if (value instanceof ZonedDateTime z) {
            return Optional.of(z.toInstant());
        }
        if (value instanceof String s) {
            return parseInstant(s.trim());
        }
        return Optional.empty();
    }
}
