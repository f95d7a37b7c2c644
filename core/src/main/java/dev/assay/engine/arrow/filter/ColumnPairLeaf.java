package dev.assay.engine.arrow.filter;

import dev.assay.model.filter.ComparisonOperator;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.apache.arrow.memory.util.MemoryUtil;

/** Two columns of one row compared with each other ({@code shipped_at >= ordered_at}). */
final class ColumnPairLeaf extends ValueLeaf {
    /** How the two columns' values are compared. */
    enum Mode {
        /** Both decode to longs (integers, booleans, or temporal values in possibly different units). */
        LONGS,
        /** Floating point against floating point or an integer, exactly (NaN greatest). */
        DOUBLES,
        /** Any numbers, through BigDecimal: decimals, and unsigned 64-bit against signed. Allocates per row. */
        EXACT,
        /** Strings by code point. */
        STRINGS
    }

    private final Mode mode;
    private final BoundColumn left;
    private final BoundColumn right;
    private final int accepted;

    ColumnPairLeaf(Mode mode, BoundColumn left, ComparisonOperator operator, BoundColumn right) {
        super(List.of(left, right), false, false);
        this.mode = mode;
        this.left = left;
        this.right = right;
        this.accepted = DoubleCompareLeaf.acceptedMask(operator);
    }

    @Override
    void match(Input input, long[] match) {
        Side a = new Side(left, input);
        Side b = new Side(right, input);
        Utf8Values strings = mode == Mode.STRINGS ? Utf8Values.of(left, input) : null;
        Utf8Values otherStrings = mode == Mode.STRINGS ? Utf8Values.of(right, input) : null;
        for (int start = 0; start < input.rows; start += LongDecoder.CHUNK) {
            int count = Math.min(LongDecoder.CHUNK, input.rows - start);
            a.decode(start, count);
            b.decode(start, count);
            for (int offset = 0; offset < count; offset += 64) {
                int end = Math.min(offset + 64, count);
                long bits = 0;
                for (int i = offset; i < end; i++) {
                    int comparison = compare(a, b, strings, otherStrings, start + i, i);
                    bits |= (long) ((accepted >>> (Integer.signum(comparison) + 1)) & 1) << (i - offset);
                }
                match[(start + offset) >>> 6] = bits;
            }
        }
    }

    private int compare(Side a, Side b, Utf8Values strings, Utf8Values otherStrings, int row, int index) {
        switch (mode) {
            case LONGS:
                return compareScaled(a.longs[index], a.unitNanos(), b.longs[index], b.unitNanos());
            case DOUBLES:
                if (!b.isDouble()) {
                    return -compare(b.longs[index], a.doubles[index]);
                }
                return a.isDouble()
                        ? compare(a.doubles[index], b.doubles[index])
                        : compare(a.longs[index], b.doubles[index]);
            case EXACT:
                return compareExact(a, b, row, index);
            case STRINGS:
                return compareStrings(strings, otherStrings, row);
        }
        throw new AssertionError(mode);
    }

    /** Compares values in units of {@code unitA} and {@code unitB} nanoseconds, exactly (no overflow). */
    static int compareScaled(long a, long unitA, long b, long unitB) {
        if (unitA == unitB) {
            return Long.compare(a, b);
        }
        if (unitA > unitB) {
            long factor = unitA / unitB;
            long quotient = Math.floorDiv(b, factor);
            return a != quotient ? Long.compare(a, quotient) : (Math.floorMod(b, factor) == 0 ? 0 : -1);
        }
        return -compareScaled(b, unitB, a, unitA);
    }

    /** NaN is greater than everything and equal to itself; -0.0 equals 0.0. */
    static int compare(double a, double b) {
        if (a < b) {
            return -1;
        }
        if (a > b) {
            return 1;
        }
        if (a == b) {
            return 0;
        }
        return Boolean.compare(Double.isNaN(a), Double.isNaN(b));
    }

    /** A long compared with a double exactly, even beyond 2^53. */
    static int compare(long a, double b) {
        if (Double.isNaN(b) || b >= 0x1p63) {
            return -1;
        }
        if (b < -0x1p63) {
            return 1;
        }
        long whole = (long) b;
        if (a != whole) {
            return Long.compare(a, whole);
        }
        double fraction = b - whole;
        return fraction > 0 ? -1 : fraction < 0 ? 1 : 0;
    }

    private static int compareExact(Side a, Side b, int row, int index) {
        double specialA = a.special(index);
        double specialB = b.special(index);
        if (specialA != 0 || specialB != 0) {
            // Infinities and NaN order around every finite value; 0 stands for finite here.
            return compare(specialA, specialB);
        }
        return a.exact(row, index).compareTo(b.exact(row, index));
    }

    private static int compareStrings(Utf8Values a, Utf8Values b, int row) {
        long startA = a.start(row);
        long endA = a.start(row + 1);
        long startB = b.start(row);
        long endB = b.start(row + 1);
        return Utf8Values.compare(
                a.address(row, startA, endA), (int) (endA - startA), b.address(row, startB, endB), (int)
                        (endB - startB));
    }

    /** One column's values for the current chunk. */
    private static final class Side {
        private final ColumnType type;
        private final long address;
        final long[] longs;
        final double[] doubles;

        Side(BoundColumn column, Input input) {
            this.type = column.type;
            int chunk = Math.min(LongDecoder.CHUNK, input.rows);
            if (type.longDecoder != null) {
                address = column.address(column.vector(input).getDataBuffer(), type.longDecoder.bytes(input.rows));
                longs = new long[chunk];
                doubles = null;
            } else if (type.doubleDecoder != null) {
                address = column.address(column.vector(input).getDataBuffer(), type.doubleDecoder.bytes(input.rows));
                longs = null;
                doubles = new double[chunk];
            } else if (type.family == ColumnType.Family.DECIMAL) {
                address = column.address(column.vector(input).getDataBuffer(), 16L * input.rows);
                longs = null;
                doubles = null;
            } else {
                address = 0;
                longs = null;
                doubles = null;
            }
        }

        void decode(int start, int count) {
            if (longs != null) {
                type.longDecoder.decode(address, start, count, longs);
            } else if (doubles != null) {
                type.doubleDecoder.decode(address, start, count, doubles);
            }
        }

        long unitNanos() {
            return type.unitNanos;
        }

        boolean isDouble() {
            return doubles != null;
        }

        /** For a floating-point value that is not finite, the value; else 0. */
        double special(int index) {
            return doubles != null && !Double.isFinite(doubles[index]) ? doubles[index] : 0;
        }

        BigDecimal exact(int row, int index) {
            if (longs != null) {
                long value = longs[index];
                return type.flipped()
                        ? new BigDecimal(new BigInteger(Long.toUnsignedString(value ^ Long.MIN_VALUE)))
                        : BigDecimal.valueOf(value);
            }
            if (doubles != null) {
                return new BigDecimal(doubles[index]);
            }
            long at = address + 16L * row;
            return new BigDecimal(Int128.toBigInteger(MemoryUtil.getLong(at + 8), MemoryUtil.getLong(at)), type.scale);
        }
    }
}
