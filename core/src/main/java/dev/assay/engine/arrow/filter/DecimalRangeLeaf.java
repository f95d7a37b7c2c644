package dev.assay.engine.arrow.filter;

import java.util.List;
import org.apache.arrow.memory.util.MemoryUtil;

/** {@code low <= unscaled value <= high} over a 128-bit decimal column; see {@link LongRangeLeaf}. */
final class DecimalRangeLeaf extends ValueLeaf {
    private static final int WIDTH = 16;

    private final BoundColumn column;
    private final Int128 low;
    private final Int128 high;

    DecimalRangeLeaf(BoundColumn column, Int128 low, Int128 high, boolean negated) {
        super(List.of(column), negated, false);
        if (low.compareTo(high) > 0) {
            throw new IllegalArgumentException("empty range [" + low + ", " + high + "]");
        }
        this.column = column;
        this.low = low;
        this.high = high;
    }

    @Override
    void match(Input input, long[] match) {
        long address = column.address(column.vector(input).getDataBuffer(), (long) WIDTH * input.rows);
        long lowHigh = low.high();
        long lowLow = low.low();
        long highHigh = high.high();
        long highLow = high.low();
        for (int w = 0; w < input.words; w++) {
            int first = w << 6;
            int end = Math.min(first + 64, input.rows);
            long bits = 0;
            for (int row = first; row < end; row++) {
                long at = address + (long) WIDTH * row;
                long valueLow = MemoryUtil.getLong(at);
                long valueHigh = MemoryUtil.getLong(at + 8);
                if (Int128.compare(valueHigh, valueLow, lowHigh, lowLow) >= 0
                        && Int128.compare(valueHigh, valueLow, highHigh, highLow) <= 0) {
                    bits |= 1L << (row - first);
                }
            }
            match[w] = bits;
        }
    }
}
