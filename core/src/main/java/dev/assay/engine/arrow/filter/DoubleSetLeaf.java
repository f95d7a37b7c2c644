package dev.assay.engine.arrow.filter;

import java.util.List;

/** A floating-point column {@code [NOT] IN} a list of numbers; NaN matches nothing in such a list. */
final class DoubleSetLeaf extends ValueLeaf {
    private final BoundColumn column;
    private final double[] values;

    DoubleSetLeaf(BoundColumn column, double[] values, boolean negated, boolean listHasNull) {
        super(List.of(column), negated, listHasNull);
        this.column = column;
        this.values = values.clone();
    }

    @Override
    void match(Input input, long[] match) {
        DoubleDecoder decoder = column.type.doubleDecoder;
        long address = column.address(column.vector(input).getDataBuffer(), decoder.bytes(input.rows));
        double[] chunk = new double[Math.min(LongDecoder.CHUNK, input.rows)];
        for (int start = 0; start < input.rows; start += LongDecoder.CHUNK) {
            int count = Math.min(LongDecoder.CHUNK, input.rows - start);
            decoder.decode(address, start, count, chunk);
            for (int offset = 0; offset < count; offset += 64) {
                int end = Math.min(offset + 64, count);
                long bits = 0;
                for (int i = offset; i < end; i++) {
                    for (double candidate : values) {
                        if (chunk[i] == candidate) {
                            bits |= 1L << (i - offset);
                            break;
                        }
                    }
                }
                match[(start + offset) >>> 6] = bits;
            }
        }
    }
}
