package dev.assay.model.filter;

import static java.time.temporal.ChronoField.HOUR_OF_DAY;
import static java.time.temporal.ChronoField.MINUTE_OF_HOUR;
import static java.time.temporal.ChronoField.NANO_OF_SECOND;
import static java.time.temporal.ChronoField.SECOND_OF_MINUTE;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The lexical rules of the canonical SQL-like syntax: how names, strings and temporal values are written. */
final class SqlText {
    /** Words that cannot be bare column names. DATE, TIME, TIMESTAMP and ESCAPE are not reserved. */
    static final Set<String> RESERVED =
            Set.of("AND", "OR", "NOT", "IS", "NULL", "IN", "BETWEEN", "LIKE", "TRUE", "FALSE");

    private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder()
            .appendValue(HOUR_OF_DAY, 2)
            .appendLiteral(':')
            .appendValue(MINUTE_OF_HOUR, 2)
            .optionalStart()
            .appendLiteral(':')
            .appendValue(SECOND_OF_MINUTE, 2)
            .optionalStart()
            .appendFraction(NANO_OF_SECOND, 1, 9, true)
            .optionalEnd()
            .optionalEnd()
            .toFormatter(Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT)
            .withChronology(IsoChronology.INSTANCE);

    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart()
            .appendLiteral(' ')
            .append(TIME)
            .optionalEnd()
            .optionalStart()
            .appendOffset("+HH:mm", "Z")
            .optionalEnd()
            .toFormatter(Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT)
            .withChronology(IsoChronology.INSTANCE);

    private SqlText() {}

    /** Checks a column name of a condition node: not null, not empty. */
    static String requireColumn(String column) {
        if (column == null) {
            throw new NullPointerException("column is null");
        }
        if (column.isEmpty()) {
            throw new IllegalArgumentException("column name is empty");
        }
        return column;
    }

    /** A column name, bare when it is a plain identifier and not a reserved word, else double-quoted. */
    static String identifier(String name) {
        return isBareIdentifier(name) ? name : '"' + name.replace("\"", "\"\"") + '"';
    }

    static boolean isBareIdentifier(String name) {
        if (name.isEmpty() || !isIdentifierStart(name.charAt(0))) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            if (!isIdentifierPart(name.charAt(i))) {
                return false;
            }
        }
        return !RESERVED.contains(name.toUpperCase(Locale.ROOT));
    }

    static boolean isIdentifierStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /** A single-quoted string literal, doubling embedded quotes. */
    static String string(String value) {
        return '\'' + value.replace("'", "''") + '\'';
    }

    static String date(LocalDate value) {
        return value.toString();
    }

    /** {@code HH:mm:ss} with a fraction only when there is one, without trailing zeros. */
    static String time(LocalTime value) {
        String text =
                String.format(Locale.ROOT, "%02d:%02d:%02d", value.getHour(), value.getMinute(), value.getSecond());
        if (value.getNano() == 0) {
            return text;
        }
        String fraction = String.format(Locale.ROOT, "%09d", value.getNano());
        int end = fraction.length();
        while (fraction.charAt(end - 1) == '0') {
            end--;
        }
        return text + '.' + fraction.substring(0, end);
    }

    /** Parses {@code yyyy-MM-dd}; throws {@link DateTimeParseException} with the reason. */
    static LocalDate parseDate(String text) {
        return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
    }

    /** Parses {@code HH:mm[:ss[.fffffffff]]}; throws {@link DateTimeParseException} with the reason. */
    static LocalTime parseTime(String text) {
        return LocalTime.from(TIME.parse(text));
    }

    /**
     * Parses {@code yyyy-MM-dd[( |T)HH:mm[:ss[.fffffffff]]][Z|+HH[:mm]]}; throws {@link DateTimeParseException} with
     * the reason.
     */
    static TimestampLiteral parseTimestamp(String text) {
        String normalized =
                text.length() > 10 && text.charAt(10) == 'T' ? text.substring(0, 10) + ' ' + text.substring(11) : text;
        TemporalAccessor parsed = TIMESTAMP.parse(normalized);
        LocalDate date = parsed.query(TemporalQueries.localDate());
        LocalTime time =
                Optional.ofNullable(parsed.query(TemporalQueries.localTime())).orElse(LocalTime.MIDNIGHT);
        Optional<ZoneOffset> offset = Optional.ofNullable(parsed.query(TemporalQueries.offset()));
        return new TimestampLiteral(LocalDateTime.of(date, time), offset);
    }
}
