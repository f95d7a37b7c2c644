package dev.assay.csv;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds bytes eight at a time in a {@code byte[]} (SIMD within a register): a 64-bit word is read at once
 * and bit tricks mark the bytes of interest in the high bit of each byte. Callers keep {@link #WORD}
 * bytes of slack after the data they scan, and a stop byte at its end.
 */
final class ByteSearch {
    /** Bytes read at once. */
    static final int WORD = 8;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;

    private ByteSearch() {}

    /** The byte {@code b} in each byte of a word. */
    static long broadcast(byte b) {
        return ONES * (b & 0xFF);
    }

    /** The eight bytes at {@code b[i]}, little-endian: byte {@code i} is the lowest. */
    static long word(byte[] b, int i) {
        return (long) LONGS.get(b, i);
    }

    /**
     * The index of the first byte at or after {@code q} that ends or interrupts an unquoted field: the
     * delimiter, the quote, a control character up to CR (so LF, CR and a tab delimiter), or a byte of
     * 0x80 or more (non-ASCII).
     */
    static int nextUnquoted(byte[] b, int q, long delimiters, long quotes) {
        while (true) {
            long x = word(b, q);
            // Bytes below 14 or from 0x80 set the high bit of (x - 14 in each byte) | x. A borrow can only
            // mark bytes above the first such byte, so the lowest mark is exact.
            long m = (((x - ONES * ('\r' + 1)) | x) & HIGHS) | zeroBytes(x ^ delimiters) | zeroBytes(x ^ quotes);
            if (m != 0) {
                return q + (Long.numberOfTrailingZeros(m) >>> 3);
            }
            q += WORD;
        }
    }

    /**
     * The index of the first byte at or after {@code q} that matters inside quotes: the quote, the escape,
     * a control character up to LF, or a non-ASCII byte.
     */
    static int nextInQuotes(byte[] b, int q, long quotes, long escapes) {
        while (true) {
            long x = word(b, q);
            long m = (((x - ONES * ('\n' + 1)) | x) & HIGHS) | zeroBytes(x ^ quotes) | zeroBytes(x ^ escapes);
            if (m != 0) {
                return q + (Long.numberOfTrailingZeros(m) >>> 3);
            }
            q += WORD;
        }
    }

    /** The high bit of each byte of the result is set where that byte of {@code x} is zero; exact. */
    static long zeroBytes(long x) {
        long t = (x & LOW7) + LOW7;
        return ~(t | x | LOW7);
    }
}
