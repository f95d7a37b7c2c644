package dev.assay.csv;

/**
 * The type of a CSV column, and the Arrow type it is read into. See {@code docs/csv.md} for the exact
 * text each type accepts.
 */
public enum CsvType {
    /** {@code true} or {@code false} in any case; Arrow {@code Bool} (a bit vector). */
    BOOLEAN("a boolean"),
    /** A signed 64-bit integer: an optional sign and decimal digits; Arrow {@code Int(64, signed)}. */
    INT64("an int64"),
    /** A decimal or scientific number, {@code NaN} or {@code Infinity}; Arrow {@code FloatingPoint(DOUBLE)}. */
    FLOAT64("a float64"),
    /** A date, ISO {@code yyyy-MM-dd} unless a pattern is given; Arrow {@code Date(DAY)}. */
    DATE("a date"),
    /**
     * A date and time without zone; Arrow {@code Timestamp(MICROSECOND)} with no zone. If the source has
     * a {@linkplain CsvSource#zone zone}, values are read as instants in that zone instead and the Arrow
     * type carries the zone id.
     */
    TIMESTAMP("a timestamp"),
    /**
     * An instant: a date and time with a UTC offset ({@code Z}, {@code +02:00}); values without an offset
     * need the source's {@linkplain CsvSource#zone zone}. Arrow {@code Timestamp(MICROSECOND, zone)} with
     * the source's zone id, or {@code UTC}.
     */
    TIMESTAMP_TZ("a timestamp with offset"),
    /** Any text; Arrow {@code Utf8}. */
    STRING("a string");

    private final String article;

    CsvType(String article) {
        this.article = article;
    }

    /** The type with its article for messages, e.g. {@code an int64}. Never null. */
    public String withArticle() {
        return article;
    }

    /** Whether the type takes a date-time pattern. */
    boolean temporal() {
        return this == DATE || this == TIMESTAMP || this == TIMESTAMP_TZ;
    }
}
