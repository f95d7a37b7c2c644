package dev.assay.engine.arrow.filter;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.ArrowType;

/** Reads a vector's validity bitmap 64 rows at a time; its bit layout is the one the nodes use. */
final class Validity {
    private final long address;
    private final long capacity;
    /** 0 for no validity buffer (all valid), -1 for all null, 1 for a bitmap, 2 to ask the vector row by row. */
    private final int state;
    /** The vector, for state 2. */
    private final FieldVector vector;

    private final int rows;

    private Validity(long address, long capacity, int state) {
        this(address, capacity, state, null, 0);
    }

    private Validity(long address, long capacity, int state, FieldVector vector, int rows) {
        this.address = address;
        this.capacity = capacity;
        this.state = state;
        this.vector = vector;
        this.rows = rows;
    }

    static Validity of(FieldVector vector, int rows) {
        ArrowType.ArrowTypeID type = vector.getField().getType().getTypeID();
        if (type == ArrowType.ArrowTypeID.Null) {
            return new Validity(0, 0, -1);
        }
        if (type == ArrowType.ArrowTypeID.Union || type == ArrowType.ArrowTypeID.RunEndEncoded) {
            // These layouts have no validity bitmap of their own.
            return new Validity(0, 0, 2, vector, rows);
        }
        ArrowBuf buffer = vector.getValidityBuffer();
        // The Arrow format lets a vector without nulls omit its validity buffer.
        if (buffer == null || buffer.capacity() == 0) {
            return new Validity(0, 0, 0);
        }
        if (buffer.capacity() < (rows + 7L) / 8) {
            throw new IllegalArgumentException("the validity buffer of column '" + vector.getName() + "' holds "
                    + buffer.capacity() + " bytes, fewer than " + rows + " rows need");
        }
        return new Validity(buffer.memoryAddress(), buffer.capacity(), 1);
    }

    /** Reads a boolean vector's data bitmap, which has the validity bitmap's layout. */
    static Validity ofBits(ArrowBuf buffer, int rows, String column) {
        if (buffer.capacity() < (rows + 7L) / 8) {
            throw new IllegalArgumentException("the data buffer of column '" + column + "' holds " + buffer.capacity()
                    + " bytes, fewer than " + rows + " rows need");
        }
        return new Validity(buffer.memoryAddress(), buffer.capacity(), rows == 0 ? 0 : 1);
    }

    /** The validity bits of rows {@code 64 * w} to {@code 64 * w + 63}; bits beyond the buffer are clear. */
    long word(int w) {
        if (state == 2) {
            long word = 0;
            int first = w << 6;
            for (int row = first; row < Math.min(first + 64, rows); row++) {
                if (!vector.isNull(row)) {
                    word |= 1L << (row - first);
                }
            }
            return word;
        }
        if (state != 1) {
            return state == 0 ? -1L : 0L;
        }
        long offset = (long) w << 3;
        if (offset + 8 <= capacity) {
            return MemoryUtil.getLong(address + offset);
        }
        long word = 0;
        for (long i = offset; i < capacity; i++) {
            word |= (MemoryUtil.getByte(address + i) & 0xFFL) << ((i - offset) << 3);
        }
        return word;
    }
}
