package dev.assay.engine.arrow.filter;

import org.apache.arrow.memory.util.MemoryUtil;

/**
 * Decodes a run of fixed-width values into longs: integers, booleans (0 or 1), and dates, times and timestamps in
 * their stored unit. Unsigned 64-bit values are stored with the sign bit flipped, so that signed comparison of the
 * decoded values orders them as unsigned.
 */
enum LongDecoder {
    INT8(1) {
        @Override
        void decode(long address, int from, int count, long[] out) {
            long base = address + from;
            for (int i = 0; i < count; i++) {
                out[i] = MemoryUtil.getByte(base + i);
            }
        }
    },
    INT16(2) {
        @Override
        void decode(long address, int from, int count, long[] out) {
            long base = address + 2L * from;
            for (int i = 0; i < count; i++) {
                out[i] = MemoryUtil.getShort(base + 2L * i);
            }
        }
    },
    INT32(4) {
        @Override
        void decode(long address, int from, int count, long[] out) {
            long base = address + 4L * from;
            for (int i = 0; i < count; i++) {
                out[i] = MemoryUtil.getInt(base + 4L * i);
            }
        }
    },
    INT64(8) {
        @Override
        void decode(long address, int from, int count, long[] out) {
            long base = address + 8L * from;
            for (int i = 0; i < count; i++) {
                out[i] = MemoryUtil.getLong(base + 8L * i);
            }
        }
    },
    UINT8(1) {
        @Override
        void decode(long address, int from, int count, long[] out) {
            long base = address + from;
            for (int i = 0; i < count; i++) {
                out[i] = MemoryUtil.getByte(base + i) & 0xFFL;
            }
        }
    },
    UINT16(2) {
        @Override
        void decode(long address, int from, int count, long[] out) {
            long base = address + 2L * from;
            for (int i = 0; i < count; i++) {
                out[i] = MemoryUtil.getShort(base + 2L * i) & 0xFFFFL;
            }
        }
    },
    UINT32(4) {
        @Override
        void decode(long address, int from, int count, long[] out) {
            long base = address + 4L * from;
            for (int i = 0; i < count; i++) {
                out[i] = MemoryUtil.getInt(base + 4L * i) & 0xFFFF_FFFFL;
            }
        }
    },
    UINT64_FLIPPED(8) {
        @Override
        void decode(long address, int from, int count, long[] out) {
            long base = address + 8L * from;
            for (int i = 0; i < count; i++) {
                out[i] = MemoryUtil.getLong(base + 8L * i) ^ Long.MIN_VALUE;
            }
        }
    },
    BIT(0) {
        @Override
        void decode(long address, int from, int count, long[] out) {
            for (int i = 0; i < count; i++) {
                int row = from + i;
                out[i] = (MemoryUtil.getByte(address + (row >>> 3)) >>> (row & 7)) & 1;
            }
        }
    };

    /** The largest number of rows decoded at once; a multiple of 64. */
    static final int CHUNK = 1024;

    private final int width;

    LongDecoder(int width) {
        this.width = width;
    }

    /** Decodes rows {@code from} to {@code from + count - 1} of the data buffer at {@code address} into {@code out}. */
    abstract void decode(long address, int from, int count, long[] out);

    /** The bytes the data buffer needs for {@code rows} rows. */
    long bytes(int rows) {
        return width == 0 ? (rows + 7L) / 8 : (long) width * rows;
    }
}
