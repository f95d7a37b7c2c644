package dev.assay.parquet;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.util.Float16;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.Decimal256Vector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeMilliVector;
import org.apache.arrow.vector.TimeNanoVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.UInt1Vector;
import org.apache.arrow.vector.UInt2Vector;
import org.apache.arrow.vector.UInt4Vector;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;

/**
 * Writes the values of one Parquet column straight into an Arrow vector: the column reader hands each
 * value to the matching {@code add} method, which sets it at the next row. Nulls leave the row's validity
 * bit cleared. Dictionary-encoded text is converted once per dictionary entry. Not thread-safe: one per
 * column per split.
 */
abstract class ColumnDecoder extends PrimitiveConverter {
    /** The Julian day of 1970-01-01, for INT96 timestamps. */
    private static final long JULIAN_EPOCH_DAY = 2_440_588L;

    private static final long NANOS_PER_DAY = 86_400_000_000_000L;

    FieldVector vector;
    int row;

    /** Starts filling {@code target} (allocated for the rows to come) at row 0. */
    final void start(FieldVector target) {
        this.vector = target;
        this.row = 0;
        bind(target);
    }

    /** Keeps a typed reference to the vector. */
    abstract void bind(FieldVector target);

    /** The current row holds null. */
    final void addNull() {
        row++;
    }

    /** The decoder for a primitive column of the given Arrow type (as {@link ParquetTypes#arrowType} maps it). */
    static ColumnDecoder of(PrimitiveType type) {
        LogicalTypeAnnotation a = type.getLogicalTypeAnnotation();
        switch (type.getPrimitiveTypeName()) {
            case BOOLEAN:
                return new Booleans();
            case INT32:
                if (a instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation) {
                    return new LongDecimals();
                }
                if (a instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation i) {
                    if (i.getBitWidth() == 8) {
                        return i.isSigned() ? new Int8s() : new UInt8s();
                    }
                    if (i.getBitWidth() == 16) {
                        return i.isSigned() ? new Int16s() : new UInt16s();
                    }
                    return i.isSigned() ? new Int32s() : new UInt32s();
                }
                if (a instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
                    return new Dates();
                }
                if (a instanceof LogicalTypeAnnotation.TimeLogicalTypeAnnotation) {
                    return new TimeMillis();
                }
                return new Int32s();
            case INT64:
                if (a instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation) {
                    return new LongDecimals();
                }
                if (a instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation i && !i.isSigned()) {
                    return new UInt64s();
                }
                if (a instanceof LogicalTypeAnnotation.TimeLogicalTypeAnnotation t) {
                    return t.getUnit() == LogicalTypeAnnotation.TimeUnit.MICROS ? new TimeMicros() : new TimeNanos();
                }
                if (a instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation) {
                    return new Timestamps();
                }
                return new Int64s();
            case INT96:
                return new Int96s();
            case FLOAT:
                return new Floats();
            case DOUBLE:
                return new Doubles();
            case BINARY:
            case FIXED_LEN_BYTE_ARRAY:
                if (a instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation d) {
                    return d.getPrecision() > 38 ? new WideDecimals() : new BinaryDecimals();
                }
                if (a instanceof LogicalTypeAnnotation.UUIDLogicalTypeAnnotation) {
                    return new Uuids();
                }
                if (a instanceof LogicalTypeAnnotation.Float16LogicalTypeAnnotation) {
                    return new Float16s();
                }
                if (type.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY) {
                    return new FixedBytes();
                }
                return new VariableBytes();
        }
        throw new IllegalStateException("unknown Parquet type " + type.getPrimitiveTypeName());
    }

    /** Nanoseconds since the epoch of a legacy INT96 timestamp (nanos of day, then Julian day, little-endian). */
    static long int96Nanos(Binary value) {
        ByteBuffer b = value.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        int p = b.position();
        long nanosOfDay = b.getLong(p);
        long julianDay = Integer.toUnsignedLong(b.getInt(p + 8));
        return Math.addExact(Math.multiplyExact(julianDay - JULIAN_EPOCH_DAY, NANOS_PER_DAY), nanosOfDay);
    }

    /** The canonical text form of a 16-byte UUID, as UTF-8 bytes. */
    static byte[] uuidText(Binary value) {
        ByteBuffer b = value.toByteBuffer();
        int p = b.position();
        byte[] out = new byte[36];
        int o = 0;
        for (int i = 0; i < 16; i++) {
            if (i == 4 || i == 6 || i == 8 || i == 10) {
                out[o++] = '-';
            }
            int v = b.get(p + i) & 0xFF;
            out[o++] = (byte) Character.forDigit(v >>> 4, 16);
            out[o++] = (byte) Character.forDigit(v & 0xF, 16);
        }
        return out;
    }

    static final class Booleans extends ColumnDecoder {
        private BitVector v;

        @Override
        void bind(FieldVector target) {
            v = (BitVector) target;
        }

        @Override
        public void addBoolean(boolean value) {
            v.set(row++, value ? 1 : 0);
        }
    }

    static final class Int8s extends ColumnDecoder {
        private TinyIntVector v;

        @Override
        void bind(FieldVector target) {
            v = (TinyIntVector) target;
        }

        @Override
        public void addInt(int value) {
            v.set(row++, (byte) value);
        }
    }

    static final class UInt8s extends ColumnDecoder {
        private UInt1Vector v;

        @Override
        void bind(FieldVector target) {
            v = (UInt1Vector) target;
        }

        @Override
        public void addInt(int value) {
            v.set(row++, value);
        }
    }

    static final class Int16s extends ColumnDecoder {
        private SmallIntVector v;

        @Override
        void bind(FieldVector target) {
            v = (SmallIntVector) target;
        }

        @Override
        public void addInt(int value) {
            v.set(row++, value);
        }
    }

    static final class UInt16s extends ColumnDecoder {
        private UInt2Vector v;

        @Override
        void bind(FieldVector target) {
            v = (UInt2Vector) target;
        }

        @Override
        public void addInt(int value) {
            v.set(row++, value);
        }
    }

    static final class Int32s extends ColumnDecoder {
        private IntVector v;

        @Override
        void bind(FieldVector target) {
            v = (IntVector) target;
        }

        @Override
        public void addInt(int value) {
            v.set(row++, value);
        }
    }

    static final class UInt32s extends ColumnDecoder {
        private UInt4Vector v;

        @Override
        void bind(FieldVector target) {
            v = (UInt4Vector) target;
        }

        @Override
        public void addInt(int value) {
            v.set(row++, value);
        }
    }

    static final class Int64s extends ColumnDecoder {
        private BigIntVector v;

        @Override
        void bind(FieldVector target) {
            v = (BigIntVector) target;
        }

        @Override
        public void addLong(long value) {
            v.set(row++, value);
        }
    }

    /** Unsigned 64-bit values as decimal(20,0): the 128-bit little-endian value with a zero high word. */
    static final class UInt64s extends ColumnDecoder {
        private DecimalVector v;

        @Override
        void bind(FieldVector target) {
            v = (DecimalVector) target;
        }

        @Override
        public void addLong(long value) {
            ArrowBuf data = v.getDataBuffer();
            long offset = (long) row * DecimalVector.TYPE_WIDTH;
            data.setLong(offset, value);
            data.setLong(offset + 8, 0L);
            v.setIndexDefined(row++);
        }
    }

    /** Decimals stored as INT32 or INT64 unscaled values. */
    static final class LongDecimals extends ColumnDecoder {
        private DecimalVector v;

        @Override
        void bind(FieldVector target) {
            v = (DecimalVector) target;
        }

        @Override
        public void addInt(int value) {
            v.set(row++, value);
        }

        @Override
        public void addLong(long value) {
            v.set(row++, value);
        }
    }

    /** Decimals stored as big-endian two's complement bytes. */
    static final class BinaryDecimals extends ColumnDecoder {
        private DecimalVector v;

        @Override
        void bind(FieldVector target) {
            v = (DecimalVector) target;
        }

        @Override
        public void addBinary(Binary value) {
            v.setBigEndian(row++, value.getBytesUnsafe());
        }
    }

    static final class WideDecimals extends ColumnDecoder {
        private Decimal256Vector v;

        @Override
        void bind(FieldVector target) {
            v = (Decimal256Vector) target;
        }

        @Override
        public void addBinary(Binary value) {
            v.setBigEndian(row++, value.getBytesUnsafe());
        }
    }

    static final class Floats extends ColumnDecoder {
        private Float4Vector v;

        @Override
        void bind(FieldVector target) {
            v = (Float4Vector) target;
        }

        @Override
        public void addFloat(float value) {
            v.set(row++, value);
        }
    }

    static final class Float16s extends ColumnDecoder {
        private Float4Vector v;

        @Override
        void bind(FieldVector target) {
            v = (Float4Vector) target;
        }

        @Override
        public void addBinary(Binary value) {
            v.set(row++, Float16.toFloat(value.get2BytesLittleEndian()));
        }
    }

    static final class Doubles extends ColumnDecoder {
        private Float8Vector v;

        @Override
        void bind(FieldVector target) {
            v = (Float8Vector) target;
        }

        @Override
        public void addDouble(double value) {
            v.set(row++, value);
        }
    }

    static final class Dates extends ColumnDecoder {
        private DateDayVector v;

        @Override
        void bind(FieldVector target) {
            v = (DateDayVector) target;
        }

        @Override
        public void addInt(int value) {
            v.set(row++, value);
        }
    }

    static final class TimeMillis extends ColumnDecoder {
        private TimeMilliVector v;

        @Override
        void bind(FieldVector target) {
            v = (TimeMilliVector) target;
        }

        @Override
        public void addInt(int value) {
            v.set(row++, value);
        }
    }

    static final class TimeMicros extends ColumnDecoder {
        private TimeMicroVector v;

        @Override
        void bind(FieldVector target) {
            v = (TimeMicroVector) target;
        }

        @Override
        public void addLong(long value) {
            v.set(row++, value);
        }
    }

    static final class TimeNanos extends ColumnDecoder {
        private TimeNanoVector v;

        @Override
        void bind(FieldVector target) {
            v = (TimeNanoVector) target;
        }

        @Override
        public void addLong(long value) {
            v.set(row++, value);
        }
    }

    static final class Timestamps extends ColumnDecoder {
        private TimeStampVector v;

        @Override
        void bind(FieldVector target) {
            v = (TimeStampVector) target;
        }

        @Override
        public void addLong(long value) {
            v.set(row++, value);
        }
    }

    /** Legacy INT96 timestamps as nanoseconds; a dictionary is converted once per entry. */
    static final class Int96s extends ColumnDecoder {
        private TimeStampVector v;
        private long[] dictionary;

        @Override
        void bind(FieldVector target) {
            v = (TimeStampVector) target;
        }

        @Override
        public boolean hasDictionarySupport() {
            return true;
        }

        @Override
        public void setDictionary(Dictionary d) {
            dictionary = new long[d.getMaxId() + 1];
            for (int id = 0; id <= d.getMaxId(); id++) {
                dictionary[id] = int96Nanos(d.decodeToBinary(id));
            }
        }

        @Override
        public void addValueFromDictionary(int id) {
            v.set(row++, dictionary[id]);
        }

        @Override
        public void addBinary(Binary value) {
            v.set(row++, int96Nanos(value));
        }
    }

    /** Strings, binaries and UUIDs: variable-width bytes; a dictionary is converted once per entry. */
    abstract static class Bytes extends ColumnDecoder {
        private BaseVariableWidthVector v;
        private byte[][] dictionary;

        @Override
        void bind(FieldVector target) {
            v = (BaseVariableWidthVector) target;
        }

        @Override
        public boolean hasDictionarySupport() {
            return true;
        }

        @Override
        public void setDictionary(Dictionary d) {
            dictionary = new byte[d.getMaxId() + 1][];
            for (int id = 0; id <= d.getMaxId(); id++) {
                dictionary[id] = bytes(d.decodeToBinary(id));
            }
        }

        abstract byte[] bytes(Binary value);

        @Override
        public void addValueFromDictionary(int id) {
            byte[] b = dictionary[id];
            v.setSafe(row++, b, 0, b.length);
        }

        @Override
        public void addBinary(Binary value) {
            write(v, value);
        }

        void write(BaseVariableWidthVector target, Binary value) {
            ByteBuffer b = value.toByteBuffer();
            target.setSafe(row++, b, b.position(), b.remaining());
        }
    }

    static final class VariableBytes extends Bytes {
        @Override
        byte[] bytes(Binary value) {
            return value.getBytes();
        }
    }

    static final class Uuids extends Bytes {
        @Override
        byte[] bytes(Binary value) {
            return uuidText(value);
        }

        @Override
        void write(BaseVariableWidthVector target, Binary value) {
            byte[] text = uuidText(value);
            target.setSafe(row++, text, 0, text.length);
        }
    }

    static final class FixedBytes extends ColumnDecoder {
        private FixedSizeBinaryVector v;

        @Override
        void bind(FieldVector target) {
            v = (FixedSizeBinaryVector) target;
        }

        @Override
        public void addBinary(Binary value) {
            v.set(row++, value.getBytesUnsafe());
        }
    }
}
