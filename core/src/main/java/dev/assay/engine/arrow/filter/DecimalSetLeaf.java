package dev.assay.engine.arrow.filter;

import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.util.MemoryUtil;

/** A 128-bit decimal column {@code [NOT] IN} a list, by unscaled value at the column's scale. */
final class DecimalSetLeaf extends ValueLeaf {
    private static final int WIDTH = 16;

    private final BoundColumn column;
    private final Int128[] values;

    DecimalSetLeaf(BoundColumn column, List<Int128> values, boolean negated, boolean listHasNull) {
        super(List.of(column), negated, listHasNull);
        this.column = column;
        this.values = values.stream().sorted().distinct().toArray(Int128[]::new);
    }

    @Override
    void match(Input input, long[] match) {
        long address = column.address(column.vector(input).getDataBuffer(), (long) WIDTH * input.rows);
        for (int w = 0; w < input.words; w++) {
            int first = w << 6;
            int end = Math.min(first + 64, input.rows);
            long bits = 0;
            for (int row = first; row < end; row++) {
                long at = address + (long) WIDTH * row;
                if (contains(MemoryUtil.getLong(at + 8), MemoryUtil.getLong(at))) {
                    bits |= 1L << (row - first);
                }
            }
            match[w] = bits;
        }
    }

    private boolean contains(long high, long low) {
        int from = 0;
        int to = values.length - 1;
        while (from <= to) {
            int middle = (from + to) >>> 1;
            int comparison = Int128.compare(values[middle].high(), values[middle].low(), high, low);
            if (comparison == 0) {
                return true;
            }
            if (comparison < 0) {
                from = middle + 1;
            } else {
                to = middle - 1;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "DecimalSetLeaf" + Arrays.toString(values);
    }
}
