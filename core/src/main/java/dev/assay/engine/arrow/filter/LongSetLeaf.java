package dev.assay.engine.arrow.filter;

import java.util.Arrays;
import java.util.List;

/** {@code column [NOT] IN (...)} over values decoded to longs. */
final class LongSetLeaf extends ValueLeaf {
    private static final int LINEAR_SEARCH_MAX = 8;

    private final BoundColumn column;
    private final long[] values;

    LongSetLeaf(BoundColumn column, long[] values, boolean negated, boolean listHasNull) {
        super(List.of(column), negated, listHasNull);
        this.column = column;
        this.values = Arrays.stream(values).sorted().distinct().toArray();
    }

    @Override
    void match(Input input, long[] match) {
        LongDecoder decoder = column.type.longDecoder;
        long address = column.address(column.vector(input).getDataBuffer(), decoder.bytes(input.rows));
        long[] chunk = new long[Math.min(LongDecoder.CHUNK, input.rows)];
        for (int start = 0; start < input.rows; start += LongDecoder.CHUNK) {
            int count = Math.min(LongDecoder.CHUNK, input.rows - start);
            decoder.decode(address, start, count, chunk);
            for (int offset = 0; offset < count; offset += 64) {
                int end = Math.min(offset + 64, count);
                long bits = 0;
                for (int i = offset; i < end; i++) {
                    if (contains(chunk[i])) {
                        bits |= 1L << (i - offset);
                    }
                }
                match[(start + offset) >>> 6] = bits;
            }
        }
    }

    private boolean contains(long value) {
        if (values.length <= LINEAR_SEARCH_MAX) {
            for (long candidate : values) {
                if (candidate == value) {
                    return true;
                }
            }
            return false;
        }
        return Arrays.binarySearch(values, value) >= 0;
    }
}
