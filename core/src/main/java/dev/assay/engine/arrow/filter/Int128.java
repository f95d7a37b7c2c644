package dev.assay.engine.arrow.filter;

import java.math.BigInteger;

/** A 128-bit two's-complement integer as two longs: the unscaled value of an Arrow decimal. */
record Int128(long high, long low) implements Comparable<Int128> {
    static final BigInteger MIN = BigInteger.ONE.shiftLeft(127).negate();
    static final BigInteger MAX = BigInteger.ONE.shiftLeft(127).subtract(BigInteger.ONE);
    private static final BigInteger LOW_MASK = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    /** {@code value}, which must lie in [{@link #MIN}, {@link #MAX}]. */
    static Int128 of(BigInteger value) {
        if (value.compareTo(MIN) < 0 || value.compareTo(MAX) > 0) {
            throw new IllegalArgumentException("out of the 128-bit range: " + value);
        }
        return new Int128(value.shiftRight(64).longValue(), value.and(LOW_MASK).longValue());
    }

    static BigInteger toBigInteger(long high, long low) {
        return BigInteger.valueOf(high).shiftLeft(64).or(BigInteger.valueOf(low).and(LOW_MASK));
    }

    static int compare(long high, long low, long otherHigh, long otherLow) {
        return high != otherHigh ? Long.compare(high, otherHigh) : Long.compareUnsigned(low, otherLow);
    }

    @Override
    public int compareTo(Int128 other) {
        return compare(high, low, other.high, other.low);
    }
}
