package dev.assay.engine.arrow.filter;

import java.util.Arrays;
import java.util.List;

/** A string column {@code [NOT] IN} a list of strings, through an open-addressing hash table of the UTF-8 bytes. */
final class Utf8SetLeaf extends ValueLeaf {
    private final BoundColumn column;
    private final byte[][] table;
    private final long[][] tableWords;
    private final int mask;

    Utf8SetLeaf(BoundColumn column, List<byte[]> values, boolean negated, boolean listHasNull) {
        super(List.of(column), negated, listHasNull);
        this.column = column;
        int size = Integer.highestOneBit(Math.max(4, values.size() * 2) - 1) << 1;
        this.table = new byte[size][];
        this.tableWords = new long[size][];
        this.mask = size - 1;
        for (byte[] value : values) {
            int slot = Utf8Values.hash(value) & mask;
            while (table[slot] != null && !Arrays.equals(table[slot], value)) {
                slot = (slot + 1) & mask;
            }
            table[slot] = value.clone();
            tableWords[slot] = Utf8Values.words(value);
        }
    }

    @Override
    void match(Input input, long[] match) {
        Utf8Values values = Utf8Values.of(column, input);
        for (int w = 0; w < input.words; w++) {
            int first = w << 6;
            int end = Math.min(first + 64, input.rows);
            long bits = 0;
            long start = values.start(first);
            for (int row = first; row < end; row++) {
                long next = values.start(row + 1);
                if (contains(values.address(row, start, next), (int) (next - start))) {
                    bits |= 1L << (row - first);
                }
                start = next;
            }
            match[w] = bits;
        }
    }

    private boolean contains(long address, int length) {
        int slot = Utf8Values.hash(address, length) & mask;
        while (table[slot] != null) {
            if (Utf8Values.equal(address, length, table[slot], tableWords[slot])) {
                return true;
            }
            slot = (slot + 1) & mask;
        }
        return false;
    }
}
