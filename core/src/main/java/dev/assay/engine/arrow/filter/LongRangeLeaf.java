package dev.assay.engine.arrow.filter;

import java.util.List;

/**
 * {@code low <= value <= high} over values decoded to longs: every comparison of an integer, boolean, date, time or
 * timestamp column with a literal, and BETWEEN, compiles to one such range (negated for {@code <>} and NOT BETWEEN).
 */
final class LongRangeLeaf extends ValueLeaf {
    private final BoundColumn column;
    private final long low;
    /** {@code high - low}, compared unsigned, so one comparison tests both bounds. */
    private final long span;

    LongRangeLeaf(BoundColumn column, long low, long high, boolean negated) {
        super(List.of(column), negated, false);
        if (low > high) {
            throw new IllegalArgumentException("empty range [" + low + ", " + high + "]");
        }
        this.column = column;
        this.low = low;
        this.span = high - low;
    }

    @Override
    void match(Input input, long[] match) {
        LongDecoder decoder = column.type.longDecoder;
        long address = column.address(column.vector(input).getDataBuffer(), decoder.bytes(input.rows));
        long[] values = new long[Math.min(LongDecoder.CHUNK, input.rows)];
        long flippedSpan = span + Long.MIN_VALUE;
        for (int start = 0; start < input.rows; start += LongDecoder.CHUNK) {
            int count = Math.min(LongDecoder.CHUNK, input.rows - start);
            decoder.decode(address, start, count, values);
            for (int offset = 0; offset < count; offset += 64) {
                int end = Math.min(offset + 64, count);
                long bits = 0;
                for (int i = offset; i < end; i++) {
                    long inRange = (values[i] - low + Long.MIN_VALUE) <= flippedSpan ? 1L : 0L;
                    bits |= inRange << (i - offset);
                }
                match[(start + offset) >>> 6] = bits;
            }
        }
    }
}
