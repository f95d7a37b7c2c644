package dev.assay.csv;

import java.math.BigInteger;

/**
 * Correctly rounded conversion of {@code w × 10^q} to a double for a decimal mantissa {@code w} of up to
 * 19 digits, by the Eisel-Lemire algorithm (Lemire, "Number Parsing at a Gigabyte per Second", 2021):
 * one or two 64×64-bit multiplications by a 128-bit approximation of {@code 5^q}. In the rare cases it
 * cannot decide, it says so and the caller falls back to {@link Double#parseDouble}. Thread-safe.
 */
final class EiselLemire {
    static final int MIN_EXPONENT = -342;
    static final int MAX_EXPONENT = 308;

    /** High and low 64 bits of the normalized 128-bit approximation of 5^q, for q in [-342, 308]. */
    private static final long[] POW5_HIGH = new long[MAX_EXPONENT - MIN_EXPONENT + 1];

    private static final long[] POW5_LOW = new long[MAX_EXPONENT - MIN_EXPONENT + 1];

    static {
        BigInteger two128 = BigInteger.ONE.shiftLeft(128);
        BigInteger two127 = BigInteger.ONE.shiftLeft(127);
        BigInteger five = BigInteger.valueOf(5);
        for (int q = MIN_EXPONENT; q <= MAX_EXPONENT; q++) {
            BigInteger c;
            if (q < 0) {
                // A slight overestimate of 2^b / 5^-q: truncated quotient plus one, then truncated to 128 bits.
                BigInteger power = five.pow(-q);
                int z = power.bitLength(); // the smallest z with 2^z >= power, power not being a power of two
                int b = q >= -27 ? z + 127 : 2 * z + 128;
                c = BigInteger.ONE.shiftLeft(b).divide(power).add(BigInteger.ONE);
                while (c.compareTo(two128) >= 0) {
                    c = c.shiftRight(1);
                }
            } else {
                c = five.pow(q);
                while (c.compareTo(two127) < 0) {
                    c = c.shiftLeft(1);
                }
                while (c.compareTo(two128) >= 0) {
                    c = c.shiftRight(1);
                }
            }
            POW5_HIGH[q - MIN_EXPONENT] = c.shiftRight(64).longValue();
            POW5_LOW[q - MIN_EXPONENT] = c.longValue();
        }
    }

    private EiselLemire() {}

    /**
     * The bits of the double nearest to {@code w × 10^q}, or -1 when this algorithm cannot decide.
     *
     * @param w the decimal mantissa, unsigned, not zero
     * @param q the decimal exponent, in [{@link #MIN_EXPONENT}, {@link #MAX_EXPONENT}]
     */
    static long toDoubleBits(long w, int q, boolean negative) {
        long exponent = (((152170 + 65536) * q) >> 16) + 1024 + 63;
        int lz = Long.numberOfLeadingZeros(w);
        w <<= lz;
        long factorHigh = POW5_HIGH[q - MIN_EXPONENT];
        long lower = w * factorHigh;
        long upper = unsignedMultiplyHigh(w, factorHigh);
        if ((upper & 0x1FF) == 0x1FF && Long.compareUnsigned(lower + w, lower) < 0) {
            long factorLow = POW5_LOW[q - MIN_EXPONENT];
            long productLow = w * factorLow;
            long productMiddle2 = unsignedMultiplyHigh(w, factorLow);
            long productMiddle = lower + productMiddle2;
            long productHigh = upper;
            if (Long.compareUnsigned(productMiddle, lower) < 0) {
                productHigh++;
            }
            if (productMiddle + 1 == 0
                    && (productHigh & 0x1FF) == 0x1FF
                    && Long.compareUnsigned(productLow + w, productLow) < 0) {
                return -1;
            }
            upper = productHigh;
            lower = productMiddle;
        }
        long upperBit = upper >>> 63;
        long mantissa = upper >>> (upperBit + 9);
        lz += (int) (1 ^ upperBit);
        if (lower == 0 && (upper & 0x1FF) == 0 && (mantissa & 3) == 1) {
            return -1; // exactly halfway between two doubles: needs the full decimal to break the tie
        }
        mantissa += mantissa & 1;
        mantissa >>>= 1;
        if (mantissa >= 1L << 53) {
            mantissa = 1L << 52;
            lz--;
        }
        mantissa &= ~(1L << 52);
        long realExponent = exponent - lz;
        if (realExponent < 1 || realExponent > 2046) {
            return -1; // subnormal or infinite: rare, left to the JDK
        }
        return mantissa | realExponent << 52 | (negative ? 1L << 63 : 0);
    }

    private static long unsignedMultiplyHigh(long a, long b) {
        return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
    }
}
