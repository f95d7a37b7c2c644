package dev.assay.jdbc;

import dev.assay.error.MalformedDataException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * Copies one result set column into its Arrow vector, row by row. One per column per scan; not
 * thread-safe.
 */
abstract class ColumnReader {
    final FieldVector vector;
    final int column;
    private final String relation;

    private ColumnReader(FieldVector vector, int column, String relation) {
        this.vector = vector;
        this.column = column;
        this.relation = relation;
    }

    /**
     * A reader of result set column {@code column} (1-based) into {@code vector}, chosen by its Arrow type.
     *
     * @param text whether the driver may hold dates and times as text (SQLite), to be parsed as ISO text
     */
    static ColumnReader of(FieldVector vector, int column, String relation, boolean text) {
        if (vector instanceof BigIntVector v) {
            return new Longs(v, column, relation);
        }
        if (vector instanceof Float8Vector v) {
            return new Doubles(v, column, relation);
        }
        if (vector instanceof DecimalVector v) {
            return new Decimals(v, column, relation);
        }
        if (vector instanceof VarCharVector v) {
            return new Strings(v, column, relation);
        }
        if (vector instanceof BitVector v) {
            return new Booleans(v, column, relation);
        }
        if (vector instanceof DateDayVector v) {
            return new Dates(v, column, relation, text);
        }
        if (vector instanceof TimeMicroVector v) {
            return new Times(v, column, relation, text);
        }
        if (vector instanceof TimeStampMicroTZVector v) {
            return new ZonedTimestamps(v, column, relation, text);
        }
        if (vector instanceof TimeStampMicroVector v) {
            return new Timestamps(v, column, relation, text);
        }
        if (vector instanceof VarBinaryVector v) {
            return new Bytes(v, column, relation);
        }
        throw new IllegalStateException("no reader for " + vector.getField());
    }

    /** Reads the current row's value into row {@code row} of the vector (growing it as needed). */
    abstract void read(ResultSet rows, int row) throws SQLException;

    /** The error for a value the driver returned that is not of the column's type. */
    final MalformedDataException malformed(Object value, String expected, Exception cause) {
        MalformedDataException e = new MalformedDataException("Column '" + vector.getName() + "' (SQL type "
                + vector.getField().getMetadata().get(JdbcTypes.SQL_TYPE) + ") of '" + relation + "' holds '"
                + value + "' (" + value.getClass().getSimpleName() + "), which is not a " + expected);
        if (cause != null) {
            e.initCause(cause);
        }
        return e;
    }

    private static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }

    private static final class Longs extends ColumnReader {
        private final BigIntVector longs;

        Longs(BigIntVector vector, int column, String relation) {
            super(vector, column, relation);
            this.longs = vector;
        }

        @Override
        void read(ResultSet rows, int row) throws SQLException {
            long value = rows.getLong(column);
            if (rows.wasNull()) {
                longs.setNull(row);
            } else {
                longs.setSafe(row, value);
            }
        }
    }

    private static final class Doubles extends ColumnReader {
        private final Float8Vector doubles;

        Doubles(Float8Vector vector, int column, String relation) {
            super(vector, column, relation);
            this.doubles = vector;
        }

        @Override
        void read(ResultSet rows, int row) throws SQLException {
            double value = rows.getDouble(column);
            if (rows.wasNull()) {
                doubles.setNull(row);
            } else {
                doubles.setSafe(row, value);
            }
        }
    }

    private static final class Decimals extends ColumnReader {
        private final DecimalVector decimals;
        private final int scale;

        Decimals(DecimalVector vector, int column, String relation) {
            super(vector, column, relation);
            this.decimals = vector;
            this.scale = ((ArrowType.Decimal) vector.getField().getType()).getScale();
        }

        @Override
        void read(ResultSet rows, int row) throws SQLException {
            BigDecimal value = rows.getBigDecimal(column);
            if (value == null) {
                decimals.setNull(row);
                return;
            }
            try {
                decimals.setSafe(row, value.setScale(scale, RoundingMode.UNNECESSARY));
            } catch (ArithmeticException | UnsupportedOperationException e) {
                throw malformed(value, decimals.getField().getType().toString(), e);
            }
        }
    }

    private static final class Strings extends ColumnReader {
        private final VarCharVector strings;

        Strings(VarCharVector vector, int column, String relation) {
            super(vector, column, relation);
            this.strings = vector;
        }

        @Override
        void read(ResultSet rows, int row) throws SQLException {
            String value = rows.getString(column);
            if (value == null) {
                strings.setNull(row);
            } else {
                strings.setSafe(row, value.getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static final class Booleans extends ColumnReader {
        private final BitVector bits;

        Booleans(BitVector vector, int column, String relation) {
            super(vector, column, relation);
            this.bits = vector;
        }

        @Override
        void read(ResultSet rows, int row) throws SQLException {
            boolean value = rows.getBoolean(column);
            if (rows.wasNull()) {
                bits.setNull(row);
            } else {
                bits.setSafe(row, value ? 1 : 0);
            }
        }
    }

    private static final class Bytes extends ColumnReader {
        private final VarBinaryVector bytes;

        Bytes(VarBinaryVector vector, int column, String relation) {
            super(vector, column, relation);
            this.bytes = vector;
        }

        @Override
        void read(ResultSet rows, int row) throws SQLException {
            byte[] value = rows.getBytes(column);
            if (value == null) {
                bytes.setNull(row);
            } else {
                bytes.setSafe(row, value);
            }
        }
    }

    /**
     * A date or time column. Asks the driver for the java.time class (JDBC 4.2); a driver that cannot
     * answer so (SQLite keeps dates as text) is asked for its own object once, for the rest of the scan.
     */
    private abstract static class Temporal<T> extends ColumnReader {
        private final Class<T> type;
        private final boolean text;
        private boolean typed = true;

        Temporal(FieldVector vector, int column, String relation, Class<T> type, boolean text) {
            super(vector, column, relation);
            this.type = type;
            this.text = text;
        }

        @Override
        final void read(ResultSet rows, int row) throws SQLException {
            T value = value(rows);
            if (value == null) {
                vector.setNull(row);
            } else {
                set(row, value);
            }
        }

        private T value(ResultSet rows) throws SQLException {
            if (text) {
                // SQLite keeps dates as text, and sqlite-jdbc's own parsing reads microseconds as
                // milliseconds: ISO text is parsed here.
                Object raw = rows.getObject(column);
                if (raw == null || raw instanceof String) {
                    return raw == null ? null : convert(raw);
                }
            }
            if (typed) {
                try {
                    return rows.getObject(column, type);
                } catch (SQLException e) {
                    if (JdbcErrors.isConnectionLost(e)) {
                        throw e;
                    }
                } catch (DateTimeException | IllegalArgumentException | ClassCastException e) {
                    // The driver cannot convert its value itself: convert its own object below.
                }
                typed = false;
            }
            Object raw = rows.getObject(column);
            return raw == null ? null : convert(raw);
        }

        private T convert(Object raw) {
            try {
                return convertObject(raw instanceof String s ? s.strip().replace(' ', 'T') : raw);
            } catch (DateTimeException | ClassCastException e) {
                throw malformed(raw, type.getSimpleName(), e);
            }
        }

        /** The driver's own object (a java.sql type or ISO text with 'T') as {@code T}. */
        abstract T convertObject(Object value);

        abstract void set(int row, T value);
    }

    private static final class Dates extends Temporal<LocalDate> {
        private final DateDayVector days;

        Dates(DateDayVector vector, int column, String relation, boolean text) {
            super(vector, column, relation, LocalDate.class, text);
            this.days = vector;
        }

        @Override
        LocalDate convertObject(Object value) {
            if (value instanceof java.sql.Date d) {
                return d.toLocalDate();
            }
            if (value instanceof String s) {
                return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
            }
            return (LocalDate) value;
        }

        @Override
        void set(int row, LocalDate value) {
            days.setSafe(row, Math.toIntExact(value.toEpochDay()));
        }
    }

    private static final class Times extends Temporal<LocalTime> {
        private final TimeMicroVector times;

        Times(TimeMicroVector vector, int column, String relation, boolean text) {
            super(vector, column, relation, LocalTime.class, text);
            this.times = vector;
        }

        @Override
        LocalTime convertObject(Object value) {
            if (value instanceof java.sql.Time t) {
                return t.toLocalTime();
            }
            if (value instanceof String s) {
                return LocalTime.parse(s);
            }
            return (LocalTime) value;
        }

        @Override
        void set(int row, LocalTime value) {
            times.setSafe(row, value.toNanoOfDay() / 1_000);
        }
    }

    private static final class Timestamps extends Temporal<LocalDateTime> {
        private final TimeStampMicroVector stamps;

        Timestamps(TimeStampMicroVector vector, int column, String relation, boolean text) {
            super(vector, column, relation, LocalDateTime.class, text);
            this.stamps = vector;
        }

        @Override
        LocalDateTime convertObject(Object value) {
            if (value instanceof java.sql.Timestamp t) {
                return t.toLocalDateTime();
            }
            if (value instanceof String s) {
                return s.length() == 10 ? LocalDate.parse(s).atStartOfDay() : LocalDateTime.parse(s);
            }
            return (LocalDateTime) value;
        }

        @Override
        void set(int row, LocalDateTime value) {
            stamps.setSafe(row, micros(value.toInstant(ZoneOffset.UTC)));
        }
    }

    private static final class ZonedTimestamps extends Temporal<OffsetDateTime> {
        private final TimeStampMicroTZVector stamps;

        ZonedTimestamps(TimeStampMicroTZVector vector, int column, String relation, boolean text) {
            super(vector, column, relation, OffsetDateTime.class, text);
            this.stamps = vector;
        }

        @Override
        OffsetDateTime convertObject(Object value) {
            if (value instanceof java.sql.Timestamp t) {
                return t.toInstant().atOffset(ZoneOffset.UTC);
            }
            if (value instanceof ZonedDateTime z) {
                return z.toOffsetDateTime();
            }
            if (value instanceof Instant i) {
                return i.atOffset(ZoneOffset.UTC);
            }
            if (value instanceof String s) {
                return OffsetDateTime.parse(s);
            }
            return (OffsetDateTime) value;
        }

        @Override
        void set(int row, OffsetDateTime value) {
            stamps.setSafe(row, micros(value.toInstant().truncatedTo(ChronoUnit.MICROS)));
        }
    }
}
