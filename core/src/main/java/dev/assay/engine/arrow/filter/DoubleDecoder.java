package dev.assay.engine.arrow.filter;

import org.apache.arrow.memory.util.Float16;
import org.apache.arrow.memory.util.MemoryUtil;

/** Decodes a run of floating-point values into doubles. */
enum DoubleDecoder {
    FLOAT16(2) {
        @Override
        void decode(long address, int from, int count, double[] out) {
            long base = address + 2L * from;
            for (int i = 0; i < count; i++) {
                out[i] = Float16.toFloat(MemoryUtil.getShort(base + 2L * i));
            }
        }
    },
    FLOAT32(4) {
        @Override
        void decode(long address, int from, int count, double[] out) {
            long base = address + 4L * from;
            for (int i = 0; i < count; i++) {
                out[i] = Float.intBitsToFloat(MemoryUtil.getInt(base + 4L * i));
            }
        }
    },
    FLOAT64(8) {
        @Override
        void decode(long address, int from, int count, double[] out) {
            long base = address + 8L * from;
            for (int i = 0; i < count; i++) {
                out[i] = Double.longBitsToDouble(MemoryUtil.getLong(base + 8L * i));
            }
        }
    };

    private final int width;

    DoubleDecoder(int width) {
        this.width = width;
    }

    abstract void decode(long address, int from, int count, double[] out);

    long bytes(int rows) {
        return (long) width * rows;
    }
}
