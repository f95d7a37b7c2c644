package dev.assay.engine.arrow;

import java.nio.charset.StandardCharsets;
import org.apache.arrow.memory.ArrowBuf;

/** Byte-level operations on UTF-8 values inside Arrow buffers, without decoding to String. */
final class Utf8 {
    private Utf8() {}

    /** Compares bytes [start, start+length) of {@code data} with {@code other}, unsigned, lexicographic. */
    static int compare(ArrowBuf data, int start, int length, byte[] other) {
        int n = Math.min(length, other.length);
        for (int i = 0; i < n; i++) {
            int a = data.getByte(start + i) & 0xFF;
            int b = other[i] & 0xFF;
            if (a != b) {
                return a - b;
            }
        }
        return length - other.length;
    }

    /** Compares two values in Arrow buffers. */
    static int compare(ArrowBuf a, int aStart, int aLength, ArrowBuf b, int bStart, int bLength) {
        int n = Math.min(aLength, bLength);
        for (int i = 0; i < n; i++) {
            int x = a.getByte(aStart + i) & 0xFF;
            int y = b.getByte(bStart + i) & 0xFF;
            if (x != y) {
                return x - y;
            }
        }
        return aLength - bLength;
    }

    static boolean equals(ArrowBuf data, int start, int length, byte[] other) {
        if (length != other.length) {
            return false;
        }
        int i = 0;
        for (; i + 8 <= length; i += 8) {
            if (data.getLong(start + i) != littleEndianLong(other, i)) {
                return false;
            }
        }
        for (; i < length; i++) {
            if (data.getByte(start + i) != other[i]) {
                return false;
            }
        }
        return true;
    }

    static byte[] copy(ArrowBuf data, int start, int length) {
        byte[] bytes = new byte[length];
        data.getBytes(start, bytes, 0, length);
        return bytes;
    }

    static String string(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** A 64-bit hash of the bytes (FNV-1a over 8-byte words, then mixed). */
    static long hash(ArrowBuf data, int start, int length) {
        long h = 0xcbf29ce484222325L ^ length;
        int i = 0;
        for (; i + 8 <= length; i += 8) {
            h = (h ^ data.getLong(start + i)) * 0x100000001b3L;
            h = Long.rotateLeft(h, 29);
        }
        for (; i < length; i++) {
            h = (h ^ data.getByte(start + i)) * 0x100000001b3L;
        }
        return mix(h);
    }

    /** The same hash over a heap array, consistent with {@link #hash(ArrowBuf, int, int)}. */
    static long hash(byte[] data, int start, int length) {
        long h = 0xcbf29ce484222325L ^ length;
        int i = 0;
        for (; i + 8 <= length; i += 8) {
            h = (h ^ littleEndianLong(data, start + i)) * 0x100000001b3L;
            h = Long.rotateLeft(h, 29);
        }
        for (; i < length; i++) {
            h = (h ^ data[start + i]) * 0x100000001b3L;
        }
        return mix(h);
    }

    private static long littleEndianLong(byte[] b, int i) {
        return (b[i] & 0xFFL)
                | (b[i + 1] & 0xFFL) << 8
                | (b[i + 2] & 0xFFL) << 16
                | (b[i + 3] & 0xFFL) << 24
                | (b[i + 4] & 0xFFL) << 32
                | (b[i + 5] & 0xFFL) << 40
                | (b[i + 6] & 0xFFL) << 48
                | (b[i + 7] & 0xFFL) << 56;
    }

    static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
