package dev.assay.engine.arrow.filter;

import java.math.BigInteger;
import org.apache.arrow.vector.types.pojo.ArrowType;

/** What a condition can do with a column of one Arrow type, and how its values are read. */
final class ColumnType {
    enum Family {
        INTEGER,
        BOOLEAN,
        FLOAT,
        DECIMAL,
        STRING,
        DATE,
        TIMESTAMP,
        TIME,
        /** Only IS [NOT] NULL applies. */
        OTHER
    }

    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    static final long NANOS_PER_DAY = 86_400_000_000_000L;

    final ArrowType arrowType;
    final Family family;
    /** How values decode to longs, for the families compared as longs; else null. */
    final LongDecoder longDecoder;
    /** How values decode to doubles, for {@link Family#FLOAT}; else null. */
    final DoubleDecoder doubleDecoder;
    /** Nanoseconds per stored unit, for dates, times and timestamps; 1 otherwise. */
    final long unitNanos;
    /** The decimal scale, for {@link Family#DECIMAL}. */
    final int scale;
    /** Offsets are 64-bit (LargeUtf8). */
    final boolean largeOffsets;
    /** The smallest and largest stored value, for the families compared as longs (unsigned 64-bit: before flipping). */
    final BigInteger min;

    final BigInteger max;

    private final String description;

    private ColumnType(
            ArrowType arrowType,
            Family family,
            LongDecoder longDecoder,
            DoubleDecoder doubleDecoder,
            long unitNanos,
            int scale,
            boolean largeOffsets,
            BigInteger min,
            BigInteger max) {
        this.arrowType = arrowType;
        this.family = family;
        this.longDecoder = longDecoder;
        this.doubleDecoder = doubleDecoder;
        this.unitNanos = unitNanos;
        this.scale = scale;
        this.largeOffsets = largeOffsets;
        this.min = min;
        this.max = max;
        this.description = arrowType.toString();
    }

    private ColumnType(ArrowType arrowType, String description) {
        this.arrowType = arrowType;
        this.family = Family.OTHER;
        this.longDecoder = null;
        this.doubleDecoder = null;
        this.unitNanos = 1;
        this.scale = 0;
        this.largeOffsets = false;
        this.min = BigInteger.ZERO;
        this.max = BigInteger.ZERO;
        this.description = description;
    }

    /** A dictionary-encoded column, whose vector holds indexes of type {@code type}: only IS NULL applies. */
    static ColumnType dictionaryEncoded(ArrowType type) {
        return new ColumnType(type, type + " (dictionary-encoded)");
    }

    private static ColumnType longs(ArrowType type, Family family, LongDecoder decoder, long unitNanos) {
        return new ColumnType(type, family, decoder, null, unitNanos, 0, false, LONG_MIN, LONG_MAX);
    }

    private static ColumnType simple(ArrowType type, Family family) {
        return new ColumnType(type, family, null, null, 1, 0, false, BigInteger.ZERO, BigInteger.ZERO);
    }

    static ColumnType of(ArrowType type) {
        if (type instanceof ArrowType.Int) {
            return integer((ArrowType.Int) type);
        }
        if (type instanceof ArrowType.Bool) {
            return new ColumnType(
                    type, Family.BOOLEAN, LongDecoder.BIT, null, 1, 0, false, BigInteger.ZERO, BigInteger.ONE);
        }
        if (type instanceof ArrowType.FloatingPoint) {
            switch (((ArrowType.FloatingPoint) type).getPrecision()) {
                case HALF:
                    return new ColumnType(type, Family.FLOAT, null, DoubleDecoder.FLOAT16, 1, 0, false, null, null);
                case SINGLE:
                    return new ColumnType(type, Family.FLOAT, null, DoubleDecoder.FLOAT32, 1, 0, false, null, null);
                case DOUBLE:
                    return new ColumnType(type, Family.FLOAT, null, DoubleDecoder.FLOAT64, 1, 0, false, null, null);
            }
        }
        if (type instanceof ArrowType.Decimal) {
            ArrowType.Decimal decimal = (ArrowType.Decimal) type;
            if (decimal.getBitWidth() != 128) {
                return simple(type, Family.OTHER);
            }
            return new ColumnType(
                    type, Family.DECIMAL, null, null, 1, decimal.getScale(), false, Int128.MIN, Int128.MAX);
        }
        if (type instanceof ArrowType.Utf8) {
            return simple(type, Family.STRING);
        }
        if (type instanceof ArrowType.LargeUtf8) {
            return new ColumnType(type, Family.STRING, null, null, 1, 0, true, BigInteger.ZERO, BigInteger.ZERO);
        }
        if (type instanceof ArrowType.Date) {
            switch (((ArrowType.Date) type).getUnit()) {
                case DAY:
                    return longs(type, Family.DATE, LongDecoder.INT32, NANOS_PER_DAY);
                case MILLISECOND:
                    return longs(type, Family.DATE, LongDecoder.INT64, 1_000_000L);
            }
        }
        if (type instanceof ArrowType.Timestamp) {
            return longs(type, Family.TIMESTAMP, LongDecoder.INT64, nanos(((ArrowType.Timestamp) type).getUnit()));
        }
        if (type instanceof ArrowType.Time) {
            ArrowType.Time time = (ArrowType.Time) type;
            LongDecoder decoder = time.getBitWidth() == 32 ? LongDecoder.INT32 : LongDecoder.INT64;
            return longs(type, Family.TIME, decoder, nanos(time.getUnit()));
        }
        return simple(type, Family.OTHER);
    }

    private static ColumnType integer(ArrowType.Int type) {
        int bits = type.getBitWidth();
        BigInteger min = type.getIsSigned() ? BigInteger.ONE.shiftLeft(bits - 1).negate() : BigInteger.ZERO;
        BigInteger max = type.getIsSigned()
                ? BigInteger.ONE.shiftLeft(bits - 1).subtract(BigInteger.ONE)
                : BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
        LongDecoder decoder;
        switch (bits) {
            case 8:
                decoder = type.getIsSigned() ? LongDecoder.INT8 : LongDecoder.UINT8;
                break;
            case 16:
                decoder = type.getIsSigned() ? LongDecoder.INT16 : LongDecoder.UINT16;
                break;
            case 32:
                decoder = type.getIsSigned() ? LongDecoder.INT32 : LongDecoder.UINT32;
                break;
            case 64:
                decoder = type.getIsSigned() ? LongDecoder.INT64 : LongDecoder.UINT64_FLIPPED;
                break;
            default:
                return simple(type, Family.OTHER);
        }
        return new ColumnType(type, Family.INTEGER, decoder, null, 1, 0, false, min, max);
    }

    private static long nanos(org.apache.arrow.vector.types.TimeUnit unit) {
        switch (unit) {
            case SECOND:
                return 1_000_000_000L;
            case MILLISECOND:
                return 1_000_000L;
            case MICROSECOND:
                return 1_000L;
            case NANOSECOND:
                return 1L;
        }
        throw new AssertionError(unit);
    }

    /** Decoded values are the stored ones with the sign bit flipped (unsigned 64-bit). */
    boolean flipped() {
        return longDecoder == LongDecoder.UINT64_FLIPPED;
    }

    @Override
    public String toString() {
        return description;
    }
}
