package dev.assay.engine.arrow;

import dev.assay.error.AssayException;
import dev.assay.error.ErrorCode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DateMilliVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeMilliVector;
import org.apache.arrow.vector.TimeNanoVector;
import org.apache.arrow.vector.TimeSecVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.UInt8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * Typed, allocation-free access to one Arrow vector for the engine's loops. One instance per vector
 * per record batch; not thread-safe.
 */
abstract class ArrowColumn {
    final FieldVector vector;
    final ValueKind kind;

    ArrowColumn(FieldVector vector, ValueKind kind) {
        this.vector = vector;
        this.kind = kind;
    }

    /** Wraps {@code vector} according to its Arrow type. */
    static ArrowColumn of(FieldVector vector) {
        if (vector instanceof UInt8Vector u) {
            return new IntegerColumn(u);
        }
        if (vector instanceof BaseIntVector && vector instanceof BaseFixedWidthVector) {
            return new IntegerColumn(vector);
        }
        if (vector instanceof Float8Vector f) {
            return new Float8Column(f);
        }
        if (vector instanceof Float4Vector f) {
            return new Float4Column(f);
        }
        if (vector instanceof DecimalVector d) {
            return new DecimalColumn(d);
        }
        if (vector instanceof VarCharVector v) {
            return new StringColumn(v);
        }
        if (vector instanceof BitVector b) {
            return new BooleanColumn(b);
        }
        if (vector instanceof DateDayVector d) {
            return new DateDayColumn(d);
        }
        if (vector instanceof DateMilliVector d) {
            return new DateMilliColumn(d);
        }
        if (vector instanceof TimeStampVector t) {
            return new TimestampColumn(t);
        }
        if (vector instanceof TimeSecVector
                || vector instanceof TimeMilliVector
                || vector instanceof TimeMicroVector
                || vector instanceof TimeNanoVector) {
            return new TimeColumn(vector);
        }
        return new OtherColumn(vector);
    }

    /** The kind a vector of this Arrow type is handled as. */
    static ValueKind kindOf(ArrowType type) {
        switch (type.getTypeID()) {
            case Int:
                return ValueKind.INTEGER;
            case FloatingPoint:
                return ValueKind.FLOAT;
            case Decimal:
                return ValueKind.DECIMAL;
            case Utf8:
                return ValueKind.STRING;
            case Bool:
                return ValueKind.BOOLEAN;
            case Date:
                return ValueKind.DATE;
            case Timestamp:
                return ValueKind.TIMESTAMP;
            case Time:
                return ValueKind.TIME;
            default:
                return ValueKind.OTHER;
        }
    }

    final boolean isNull(int row) {
        return vector.isNull(row);
    }

    String name() {
        return vector.getName();
    }

    /** The value as a long (INTEGER, BOOLEAN, DATE, TIMESTAMP, TIME). */
    long getLong(int row) {
        throw new IllegalStateException(kind + " column '" + name() + "' has no long value");
    }

    /** The value as a double (numeric kinds). */
    double getDouble(int row) {
        throw new IllegalStateException(kind + " column '" + name() + "' has no numeric value");
    }

    /** The value as a Java object for results: Long, Double, BigDecimal, String, Boolean, java.time. */
    abstract Object getObject(int row);

    /** Converts a long of this column (see {@link #getLong}) back to its Java value. */
    Object objectOfLong(long value) {
        return value;
    }

    /** Converts a double of this column back to its Java value. */
    Object objectOfDouble(double value) {
        return value;
    }

    static final class IntegerColumn extends ArrowColumn {
        private final BaseIntVector ints;

        IntegerColumn(FieldVector vector) {
            super(vector, ValueKind.INTEGER);
            this.ints = (BaseIntVector) vector;
        }

        @Override
        long getLong(int row) {
            return ints.getValueAsLong(row);
        }

        @Override
        double getDouble(int row) {
            return ints.getValueAsLong(row);
        }

        @Override
        Object getObject(int row) {
            return vector.isNull(row) ? null : ints.getValueAsLong(row);
        }
    }

    static final class Float8Column extends ArrowColumn {
        private final Float8Vector floats;

        Float8Column(Float8Vector vector) {
            super(vector, ValueKind.FLOAT);
            this.floats = vector;
        }

        @Override
        double getDouble(int row) {
            return floats.get(row);
        }

        @Override
        Object getObject(int row) {
            return vector.isNull(row) ? null : floats.get(row);
        }
    }

    static final class Float4Column extends ArrowColumn {
        private final Float4Vector floats;

        Float4Column(Float4Vector vector) {
            super(vector, ValueKind.FLOAT);
            this.floats = vector;
        }

        @Override
        double getDouble(int row) {
            return floats.get(row);
        }

        @Override
        Object getObject(int row) {
            return vector.isNull(row) ? null : (double) floats.get(row);
        }
    }

    static final class DecimalColumn extends ArrowColumn {
        private final DecimalVector decimals;

        DecimalColumn(DecimalVector vector) {
            super(vector, ValueKind.DECIMAL);
            this.decimals = vector;
        }

        @Override
        double getDouble(int row) {
            return decimals.getObject(row).doubleValue();
        }

        BigDecimal getDecimal(int row) {
            return decimals.getObject(row);
        }

        @Override
        Object getObject(int row) {
            return vector.isNull(row) ? null : decimals.getObject(row);
        }
    }

    /**
     * UTF-8 text. Readers take a value's bytes from {@link #strings}'s data buffer at {@link #start} for
     * {@link #byteLength} bytes, which also serves dictionary-encoded columns.
     */
    static class StringColumn extends ArrowColumn {
        /** Holds the bytes: the column's own vector, or for a dictionary-encoded column its dictionary. */
        final VarCharVector strings;

        StringColumn(VarCharVector vector) {
            super(vector, ValueKind.STRING);
            this.strings = vector;
        }

        StringColumn(FieldVector ids, VarCharVector dictionary) {
            super(ids, ValueKind.STRING);
            this.strings = dictionary;
        }

        int start(int row) {
            return strings.getStartOffset(row);
        }

        int byteLength(int row) {
            return strings.getEndOffset(row) - strings.getStartOffset(row);
        }

        /** Copies the UTF-8 bytes of the value into {@code out} (grown when too small); returns it. */
        byte[] bytes(int row, byte[] out) {
            int start = start(row);
            int length = byteLength(row);
            byte[] target = out.length >= length ? out : new byte[Math.max(length, out.length * 2)];
            strings.getDataBuffer().getBytes(start, target, 0, length);
            return target;
        }

        /** The length in Unicode code points, counted on the bytes without decoding. */
        long codePoints(int row) {
            int start = start(row);
            int end = start + byteLength(row);
            long count = 0;
            var data = strings.getDataBuffer();
            for (int i = start; i < end; i++) {
                // Count every byte that does not continue a multi-byte sequence.
                if ((data.getByte(i) & 0xC0) != 0x80) {
                    count++;
                }
            }
            return count;
        }

        String getString(int row) {
            int start = start(row);
            int length = byteLength(row);
            byte[] bytes = new byte[length];
            strings.getDataBuffer().getBytes(start, bytes, 0, length);
            return new String(bytes, StandardCharsets.UTF_8);
        }

        @Override
        Object getObject(int row) {
            return vector.isNull(row) ? null : getString(row);
        }
    }

    /**
     * Text stored as int32 ids into a dictionary of distinct values (a Parquet dictionary page). Every
     * reader of {@link StringColumn} reads it unchanged; set checks and distinct counts look at each
     * dictionary entry once instead of at every row.
     */
    static final class DictionaryStringColumn extends StringColumn {
        private final IntVector ids;

        DictionaryStringColumn(IntVector ids, VarCharVector dictionary) {
            super(ids, dictionary);
            this.ids = ids;
        }

        /** The dictionary id of a non-null row. */
        int id(int row) {
            return ids.get(row);
        }

        /** The number of dictionary entries. */
        int dictionarySize() {
            return strings.getValueCount();
        }

        @Override
        int start(int row) {
            return strings.getStartOffset(ids.get(row));
        }

        @Override
        int byteLength(int row) {
            int id = ids.get(row);
            return strings.getEndOffset(id) - strings.getStartOffset(id);
        }

        /** The start of dictionary entry {@code id}'s bytes in {@link #strings}'s data buffer. */
        int entryStart(int id) {
            return strings.getStartOffset(id);
        }

        /** The byte length of dictionary entry {@code id}. */
        int entryLength(int id) {
            return strings.getEndOffset(id) - strings.getStartOffset(id);
        }
    }

    static final class BooleanColumn extends ArrowColumn {
        private final BitVector bits;

        BooleanColumn(BitVector vector) {
            super(vector, ValueKind.BOOLEAN);
            this.bits = vector;
        }

        @Override
        long getLong(int row) {
            return bits.get(row);
        }

        @Override
        Object getObject(int row) {
            return vector.isNull(row) ? null : bits.get(row) != 0;
        }

        @Override
        Object objectOfLong(long value) {
            return value != 0;
        }
    }

    static final class DateDayColumn extends ArrowColumn {
        private final DateDayVector days;

        DateDayColumn(DateDayVector vector) {
            super(vector, ValueKind.DATE);
            this.days = vector;
        }

        @Override
        long getLong(int row) {
            return days.get(row);
        }

        @Override
        Object getObject(int row) {
            return vector.isNull(row) ? null : LocalDate.ofEpochDay(days.get(row));
        }

        @Override
        Object objectOfLong(long value) {
            return LocalDate.ofEpochDay(value);
        }
    }

    static final class DateMilliColumn extends ArrowColumn {
        private final DateMilliVector millis;

        DateMilliColumn(DateMilliVector vector) {
            super(vector, ValueKind.DATE);
            this.millis = vector;
        }

        @Override
        long getLong(int row) {
            return Math.floorDiv(millis.get(row), 86_400_000L);
        }

        @Override
        Object getObject(int row) {
            return vector.isNull(row) ? null : objectOfLong(getLong(row));
        }

        @Override
        Object objectOfLong(long value) {
            return LocalDate.ofEpochDay(value);
        }
    }

    static final class TimestampColumn extends ArrowColumn {
        private final TimeStampVector stamps;
        final TimeUnit unit;
        final boolean zoned;

        TimestampColumn(TimeStampVector vector) {
            super(vector, ValueKind.TIMESTAMP);
            this.stamps = vector;
            ArrowType.Timestamp type = (ArrowType.Timestamp) vector.getField().getType();
            this.unit = Temporals.unit(type.getUnit());
            this.zoned = type.getTimezone() != null;
        }

        @Override
        long getLong(int row) {
            return stamps.get(row);
        }

        @Override
        Object getObject(int row) {
            return vector.isNull(row) ? null : objectOfLong(stamps.get(row));
        }

        @Override
        Object objectOfLong(long value) {
            Instant instant = Temporals.instant(value, unit);
            return zoned ? instant : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        }
    }

    static final class TimeColumn extends ArrowColumn {
        private final TimeUnit unit;

        TimeColumn(FieldVector vector) {
            super(vector, ValueKind.TIME);
            this.unit = Temporals.unit(((ArrowType.Time) vector.getField().getType()).getUnit());
        }

        @Override
        long getLong(int row) {
            if (vector instanceof TimeSecVector v) {
                return v.get(row);
            }
            if (vector instanceof TimeMilliVector v) {
                return v.get(row);
            }
            if (vector instanceof TimeMicroVector v) {
                return v.get(row);
            }
            return ((TimeNanoVector) vector).get(row);
        }

        @Override
        Object getObject(int row) {
            return vector.isNull(row) ? null : objectOfLong(getLong(row));
        }

        @Override
        Object objectOfLong(long value) {
            return LocalTime.ofNanoOfDay(unit.toNanos(value));
        }
    }

    static final class OtherColumn extends ArrowColumn {
        OtherColumn(FieldVector vector) {
            super(vector, ValueKind.OTHER);
        }

        @Override
        Object getObject(int row) {
            Object value = vector.getObject(row);
            if (value == null) {
                return null;
            }
            if (value instanceof byte[] bytes) {
                return java.util.HexFormat.of().formatHex(bytes);
            }
            return value.toString();
        }
    }

    /** The error for a metric that does not apply to a column's type. */
    static AssayException unsupported(String what, String column, String type) {
        return new AssayException(
                ErrorCode.METRIC_UNAVAILABLE, what + " is not defined for column '" + column + "' of type " + type);
    }
}
