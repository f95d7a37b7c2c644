package dev.assay.engine.arrow.filter;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.FieldVector;

/**
 * The bytes of a Utf8 or LargeUtf8 column, read in place: comparing UTF-8 bytes as unsigned values orders strings by
 * Unicode code point, so no String is ever made.
 */
final class Utf8Values {
    private final String column;
    private final long offsets;
    private final long data;
    private final long dataCapacity;
    private final boolean large;

    private Utf8Values(String column, long offsets, long data, long dataCapacity, boolean large) {
        this.column = column;
        this.offsets = offsets;
        this.data = data;
        this.dataCapacity = dataCapacity;
        this.large = large;
    }

    static Utf8Values of(BoundColumn column, Input input) {
        FieldVector vector = column.vector(input);
        boolean large = column.type.largeOffsets;
        if (input.rows == 0) {
            return new Utf8Values(column.name, 0, 0, 0, large);
        }
        long offsets = column.address(vector.getOffsetBuffer(), (input.rows + 1L) * (large ? 8 : 4));
        ArrowBuf data = vector.getDataBuffer();
        return new Utf8Values(column.name, offsets, data.memoryAddress(), data.capacity(), large);
    }

    /** The offset of the first byte of {@code row} in the data buffer. */
    long start(int row) {
        return large ? MemoryUtil.getLong(offsets + 8L * row) : MemoryUtil.getInt(offsets + 4L * row);
    }

    /** The address of the first byte of {@code row}, after checking that its bytes lie in the data buffer. */
    long address(int row, long start, long end) {
        if (start < 0 || end < start || end > dataCapacity) {
            throw new IllegalArgumentException("row " + row + " of column '" + column + "' has offsets [" + start + ", "
                    + end + ") outside its data buffer of " + dataCapacity + " bytes");
        }
        return data + start;
    }

    /** True when 8 bytes from data offset {@code start} lie within the data buffer. */
    boolean canRead8(long start) {
        return start + 8 <= dataCapacity;
    }

    /** 8 bytes at {@code address}, the first in the low-order byte. */
    long read8(long address) {
        long word = MemoryUtil.getLong(address);
        return MemoryUtil.LITTLE_ENDIAN ? word : Long.reverseBytes(word);
    }

    /** The first {@code min(length, 8)} bytes at {@code address}, the first in the low-order byte, zero-padded. */
    long readShort(long address, long length) {
        long word = 0;
        for (int i = 0; i < Math.min(length, 8); i++) {
            word |= (MemoryUtil.getByte(address + i) & 0xFFL) << (8 * i);
        }
        return word;
    }

    /** The first up to 8 bytes of {@code bytes}, the first in the low-order byte, zero-padded. */
    static long prefix(byte[] bytes) {
        long word = 0;
        for (int i = 0; i < Math.min(bytes.length, 8); i++) {
            word |= (bytes[i] & 0xFFL) << (8 * i);
        }
        return word;
    }

    /** The literal's bytes packed 8 to a long in memory order, for comparing 8 bytes at a time. */
    static long[] words(byte[] bytes) {
        long[] words = new long[bytes.length / 8];
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder());
        for (int i = 0; i < words.length; i++) {
            words[i] = buffer.getLong(8 * i);
        }
        return words;
    }

    /** Compares {@code length} bytes at {@code address} with {@code literal}: negative, zero or positive. */
    static int compare(long address, int length, byte[] literal, long[] literalWords) {
        int common = Math.min(length, literal.length);
        int i = 0;
        if (MemoryUtil.LITTLE_ENDIAN) {
            for (; i + 8 <= common; i += 8) {
                long value = MemoryUtil.getLong(address + i);
                long other = literalWords[i >>> 3];
                if (value != other) {
                    return Long.compareUnsigned(Long.reverseBytes(value), Long.reverseBytes(other));
                }
            }
        }
        for (; i < common; i++) {
            int value = MemoryUtil.getByte(address + i) & 0xFF;
            int other = literal[i] & 0xFF;
            if (value != other) {
                return value - other;
            }
        }
        return length - literal.length;
    }

    /** True when the {@code length} bytes at {@code address} are {@code literal}. */
    static boolean equal(long address, int length, byte[] literal, long[] literalWords) {
        if (length != literal.length) {
            return false;
        }
        int i = 0;
        for (; i + 8 <= length; i += 8) {
            if (MemoryUtil.getLong(address + i) != literalWords[i >>> 3]) {
                return false;
            }
        }
        for (; i < length; i++) {
            if (MemoryUtil.getByte(address + i) != literal[i]) {
                return false;
            }
        }
        return true;
    }

    /** Compares two byte ranges in memory as unsigned bytes. */
    static int compare(long address, int length, long otherAddress, int otherLength) {
        int common = Math.min(length, otherLength);
        for (int i = 0; i < common; i++) {
            int value = MemoryUtil.getByte(address + i) & 0xFF;
            int other = MemoryUtil.getByte(otherAddress + i) & 0xFF;
            if (value != other) {
                return value - other;
            }
        }
        return length - otherLength;
    }

    /** A hash of the bytes, the same for memory and for an equal array. */
    static int hash(long address, int length) {
        int hash = 1;
        for (int i = 0; i < length; i++) {
            hash = 31 * hash + MemoryUtil.getByte(address + i);
        }
        return hash;
    }

    static int hash(byte[] bytes) {
        int hash = 1;
        for (byte b : bytes) {
            hash = 31 * hash + b;
        }
        return hash;
    }
}
