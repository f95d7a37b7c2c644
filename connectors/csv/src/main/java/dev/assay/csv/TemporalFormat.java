package dev.assay.csv;

import dev.assay.error.AssayException;
import dev.assay.error.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Optional;

/**
 * How a date or timestamp column's text is parsed: the ISO fast path, the fast path checked against an
 * ISO-shaped pattern such as {@code yyyy-MM-dd HH:mm:ss}, or a {@link DateTimeFormatter} for any other
 * pattern (which allocates a String per value). Results are left in a {@link ValueParser}. Immutable.
 */
final class TemporalFormat {
    private enum Kind {
        ISO,
        ISO_SHAPED,
        FORMATTER
    }

    private final boolean date;
    private final Kind kind;
    private final byte separator;
    private final DateTimeFormatter formatter;
    private final String description;

    private TemporalFormat(boolean date, Kind kind, byte separator, DateTimeFormatter formatter, String description) {
        this.date = date;
        this.kind = kind;
        this.separator = separator;
        this.formatter = formatter;
        this.description = description;
    }

    /** The format of a date or timestamp column with an optional pattern. */
    static TemporalFormat of(CsvType type, Optional<String> pattern) {
        boolean date = type == CsvType.DATE;
        if (pattern.isEmpty()) {
            return new TemporalFormat(date, Kind.ISO, (byte) 0, null, date ? "yyyy-MM-dd" : "ISO 8601");
        }
        String p = pattern.get();
        String normalized = p.replace('u', 'y');
        if (date && normalized.equals("yyyy-MM-dd")) {
            return new TemporalFormat(true, Kind.ISO, (byte) 0, null, p);
        }
        if (!date && normalized.equals("yyyy-MM-dd HH:mm:ss")) {
            return new TemporalFormat(false, Kind.ISO_SHAPED, (byte) ' ', null, p);
        }
        if (!date && normalized.equals("yyyy-MM-dd'T'HH:mm:ss")) {
            return new TemporalFormat(false, Kind.ISO_SHAPED, (byte) 'T', null, p);
        }
        return new TemporalFormat(date, Kind.FORMATTER, (byte) 0, formatter(p), p);
    }

    /**
     * Checks that {@code pattern} is a valid {@link DateTimeFormatter} pattern.
     *
     * @throws AssayException with {@link ErrorCode#INVALID_CONFIGURATION} naming the column otherwise
     */
    static void check(String column, String pattern) {
        try {
            formatter(pattern);
        } catch (IllegalArgumentException e) {
            throw new AssayException(
                    ErrorCode.INVALID_CONFIGURATION,
                    "CSV column '" + column + "': invalid date-time pattern '" + pattern + "': " + e.getMessage(),
                    e);
        }
    }

    /**
     * A strict formatter. Strict resolution rejects dates such as February 30 instead of adjusting them;
     * it needs {@code u} (proleptic year) for {@code y} (year of era) unless the pattern has an era.
     */
    private static DateTimeFormatter formatter(String pattern) {
        String strict = pattern.indexOf('G') >= 0 ? pattern : yearOfEraToYear(pattern);
        return new DateTimeFormatterBuilder()
                .appendPattern(strict)
                .toFormatter(Locale.ROOT)
                .withResolverStyle(ResolverStyle.STRICT);
    }

    private static String yearOfEraToYear(String pattern) {
        StringBuilder out = new StringBuilder(pattern.length());
        boolean literal = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                literal = !literal;
            }
            out.append(!literal && c == 'y' ? 'u' : c);
        }
        return out.toString();
    }

    /** The format for messages, e.g. {@code yyyy-MM-dd HH:mm:ss} or {@code ISO 8601}. */
    String description() {
        return description;
    }

    /**
     * Parses {@code b[start, end)}. A date leaves its epoch day in {@link ValueParser#longValue}; a
     * timestamp its wall-clock microseconds and, if it had one, its offset.
     */
    boolean parse(ValueParser p, byte[] b, int start, int end) {
        switch (kind) {
            case ISO:
                return date ? p.parseIsoDate(b, start, end) : p.parseIsoTimestamp(b, start, end);
            case ISO_SHAPED:
                return p.parseIsoTimestamp(b, start, end)
                        && p.separator == separator
                        && p.hasSeconds
                        && p.fractionDigits == 0
                        && !p.hasOffset;
            case FORMATTER:
                return parseWithFormatter(p, new String(b, start, end - start, StandardCharsets.UTF_8));
        }
        throw new AssertionError(kind);
    }

    private boolean parseWithFormatter(ValueParser p, String text) {
        try {
            TemporalAccessor t = formatter.parse(text);
            if (date) {
                p.longValue = LocalDate.from(t).toEpochDay();
            } else if (t.isSupported(ChronoField.INSTANT_SECONDS)) {
                Instant instant = Instant.from(t);
                p.longValue = Math.addExact(
                        Math.multiplyExact(instant.getEpochSecond(), ValueParser.MICROS_PER_SECOND),
                        instant.getNano() / 1000);
                p.hasOffset = true;
                p.offsetSeconds = 0;
            } else {
                LocalDateTime local = LocalDateTime.from(t);
                p.longValue = Math.addExact(
                        Math.multiplyExact(local.toLocalDate().toEpochDay(), ValueParser.MICROS_PER_DAY),
                        local.toLocalTime().toNanoOfDay() / 1000);
                p.hasOffset = false;
            }
            return true;
        } catch (DateTimeException | ArithmeticException e) {
            return false;
        }
    }
}
