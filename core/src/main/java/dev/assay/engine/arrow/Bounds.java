package dev.assay.engine.arrow;

import dev.assay.error.AssayException;
import dev.assay.error.ErrorCode;
import dev.assay.internal.IsoTimes;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.concurrent.TimeUnit;

/**
 * Converts expectation arguments (numbers, strings, java.time values) to a column's representation,
 * once per scan, so that the per-row loops compare primitives. A value that cannot be converted is an
 * error naming the argument, the column and its type.
 */
final class Bounds {
    private Bounds() {}

    /** The value as a long in the representation of a long-ordered column. */
    static long toLong(Object value, ArrowColumn column, String what) {
        switch (column.kind) {
            case INTEGER:
                if (value instanceof Long
                        || value instanceof Integer
                        || value instanceof Short
                        || value instanceof Byte) {
                    return ((Number) value).longValue();
                }
                if (value instanceof BigDecimal d) {
                    return d.longValueExact();
                }
                if (value instanceof String s) {
                    try {
                        return Long.parseLong(s.trim());
                    } catch (NumberFormatException e) {
                        throw mismatch(value, column, what);
                    }
                }
                throw mismatch(value, column, what);
            case BOOLEAN:
                if (value instanceof Boolean b) {
                    return b ? 1 : 0;
                }
                if (value instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
                    return Boolean.parseBoolean(s) ? 1 : 0;
                }
                throw mismatch(value, column, what);
            case DATE:
                return toDate(value, column, what).toEpochDay();
            case TIMESTAMP: {
                ArrowColumn.TimestampColumn ts = (ArrowColumn.TimestampColumn) column;
                return Temporals.fromInstant(toInstant(value, column, what), ts.unit);
            }
            case TIME:
                LocalTime time;
                if (value instanceof LocalTime t) {
                    time = t;
                } else if (value instanceof String s) {
                    try {
                        time = LocalTime.parse(s.trim());
                    } catch (DateTimeParseException e) {
                        throw mismatch(value, column, what);
                    }
                } else {
                    throw mismatch(value, column, what);
                }
                TimeUnit unit = Temporals.unit(((org.apache.arrow.vector.types.pojo.ArrowType.Time)
                                column.vector.getField().getType())
                        .getUnit());
                return unit.convert(time.toNanoOfDay(), TimeUnit.NANOSECONDS);
            default:
                throw mismatch(value, column, what);
        }
    }

    /** The value as a double, for numeric columns. */
    static double toDouble(Object value, ArrowColumn column, String what) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                throw mismatch(value, column, what);
            }
        }
        throw mismatch(value, column, what);
    }

    /** True when {@code value} is a whole number that fits a long exactly. */
    static boolean isWhole(Object value) {
        return value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte;
    }

    /** The value as UTF-8 bytes, for string columns. */
    static byte[] toBytes(Object value, ArrowColumn column, String what) {
        if (value instanceof String s) {
            return s.getBytes(StandardCharsets.UTF_8);
        }
        throw mismatch(value, column, what);
    }

    static LocalDate toDate(Object value, ArrowColumn column, String what) {
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof LocalDateTime dt) {
            return dt.toLocalDate();
        }
        if (value instanceof String s) {
            String t = s.trim();
            try {
                return LocalDate.parse(t.length() > 10 ? t.substring(0, 10) : t);
            } catch (DateTimeParseException e) {
                throw mismatch(value, column, what);
            }
        }
        throw mismatch(value, column, what);
    }

    /**
     * The value as an instant. A value without an offset is read as UTC, which is also how a
     * timestamp column without a zone stores its local date-times.
     */
    static Instant toInstant(Object value, ArrowColumn column, String what) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof ZonedDateTime z) {
            return z.toInstant();
        }
        if (value instanceof LocalDateTime l) {
            return l.toInstant(ZoneOffset.UTC);
        }
        if (value instanceof LocalDate d) {
            return d.atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        if (value instanceof String s) {
            return IsoTimes.parseInstant(s.trim()).orElseThrow(() -> mismatch(value, column, what));
        }
        throw mismatch(value, column, what);
    }

    static AssayException mismatch(Object value, ArrowColumn column, String what) {
        String shown = value instanceof String ? "'" + value + "'" : String.valueOf(value);
        return new AssayException(
                ErrorCode.METRIC_UNAVAILABLE,
                what + " " + shown + " cannot be compared with column '" + column.name() + "' of type "
                        + TypeNames.of(column.vector.getField().getType()));
    }
}
