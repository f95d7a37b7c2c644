package dev.assay.csv;

import static java.util.Objects.requireNonNull;

import dev.assay.error.AssayException;
import dev.assay.error.ErrorCode;
import java.util.Optional;

/**
 * One column of an explicit {@link CsvSchema}: a name, a type and, for dates and timestamps, an
 * optional {@link java.time.format.DateTimeFormatter} pattern. Immutable and thread-safe.
 *
 * <pre>{@code
 * CsvSchema.of(
 *     CsvColumn.int64("trip_id"),
 *     CsvColumn.timestamp("pickup_ts", "yyyy-MM-dd HH:mm:ss"),
 *     CsvColumn.float64("fare"))
 * }</pre>
 *
 * @param name the column name as in the header (or the name to give it when there is none), never empty
 * @param type the type, never null
 * @param pattern the date-time pattern; present only for {@link CsvType#DATE}, {@link
 *     CsvType#TIMESTAMP} and {@link CsvType#TIMESTAMP_TZ}; empty for the ISO 8601 formats
 */
public record CsvColumn(String name, CsvType type, Optional<String> pattern) {
    /**
     * @throws AssayException with {@link ErrorCode#INVALID_CONFIGURATION} if the name is empty, a pattern
     *     is given for a type that takes none, or the pattern is not a valid date-time pattern
     */
    public CsvColumn {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(pattern, "pattern is null");
        if (name.isEmpty()) {
            throw new AssayException(ErrorCode.INVALID_CONFIGURATION, "CSV column name is empty");
        }
        if (pattern.isPresent()) {
            if (!type.temporal()) {
                throw new AssayException(
                        ErrorCode.INVALID_CONFIGURATION,
                        "CSV column '" + name + "' of type " + type + " takes no pattern: " + pattern.get());
            }
            TemporalFormat.check(name, pattern.get());
        }
    }

    /** A {@link CsvType#BOOLEAN} column named {@code name} (never null). */
    public static CsvColumn bool(String name) {
        return new CsvColumn(name, CsvType.BOOLEAN, Optional.empty());
    }

    /** An {@link CsvType#INT64} column named {@code name} (never null). */
    public static CsvColumn int64(String name) {
        return new CsvColumn(name, CsvType.INT64, Optional.empty());
    }

    /** A {@link CsvType#FLOAT64} column named {@code name} (never null). */
    public static CsvColumn float64(String name) {
        return new CsvColumn(name, CsvType.FLOAT64, Optional.empty());
    }

    /** A {@link CsvType#STRING} column named {@code name} (never null). */
    public static CsvColumn string(String name) {
        return new CsvColumn(name, CsvType.STRING, Optional.empty());
    }

    /** A {@link CsvType#DATE} column in ISO format {@code yyyy-MM-dd}. */
    public static CsvColumn date(String name) {
        return new CsvColumn(name, CsvType.DATE, Optional.empty());
    }

    /**
     * A {@link CsvType#DATE} column in the given {@link java.time.format.DateTimeFormatter} pattern, e.g.
     * {@code dd/MM/yyyy}. Parsing is strict: {@code 31/02/2024} is not a date.
     */
    public static CsvColumn date(String name, String pattern) {
        return new CsvColumn(name, CsvType.DATE, Optional.of(requireNonNull(pattern, "pattern is null")));
    }

    /** A {@link CsvType#TIMESTAMP} column in ISO 8601 format (see {@code docs/csv.md}). */
    public static CsvColumn timestamp(String name) {
        return new CsvColumn(name, CsvType.TIMESTAMP, Optional.empty());
    }

    /**
     * A {@link CsvType#TIMESTAMP} column in the given {@link java.time.format.DateTimeFormatter} pattern,
     * e.g. {@code yyyy-MM-dd HH:mm:ss}.
     */
    public static CsvColumn timestamp(String name, String pattern) {
        return new CsvColumn(name, CsvType.TIMESTAMP, Optional.of(requireNonNull(pattern, "pattern is null")));
    }

    /** A {@link CsvType#TIMESTAMP_TZ} column in ISO 8601 format with offset, e.g. {@code 2024-03-01T10:15:00Z}. */
    public static CsvColumn timestampTz(String name) {
        return new CsvColumn(name, CsvType.TIMESTAMP_TZ, Optional.empty());
    }

    /**
     * A {@link CsvType#TIMESTAMP_TZ} column in the given pattern, e.g. {@code yyyy-MM-dd HH:mm:ssXXX}; a
     * pattern without an offset or zone needs the source's {@linkplain CsvSource#zone zone}.
     */
    public static CsvColumn timestampTz(String name, String pattern) {
        return new CsvColumn(name, CsvType.TIMESTAMP_TZ, Optional.of(requireNonNull(pattern, "pattern is null")));
    }
}
