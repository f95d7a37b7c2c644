package dev.assay.engine.arrow.filter;

import dev.assay.model.filter.ComparisonOperator;
import java.math.BigDecimal;
import java.util.List;

/**
 * A floating-point column compared with a number, exactly: the literal is kept as its nearest double plus the sign
 * of the rounding, so {@code f > 0.1} and {@code f < 1e400} hold exactly as written. As in SQL engines, NaN is
 * greater than every other value, and -0.0 equals 0.0.
 */
final class DoubleCompareLeaf extends ValueLeaf {
    private final BoundColumn column;
    private final double value;
    /** Where a value equal to {@link #value} lies against the exact literal: 0 below, 1 equal, 2 above. */
    private final int tie;
    /** Bit {@code c + 1} is set when a comparison result {@code c} (-1, 0 or 1) satisfies the operator. */
    private final int accepted;

    DoubleCompareLeaf(BoundColumn column, ComparisonOperator operator, BigDecimal literal) {
        super(List.of(column), false, false);
        this.column = column;
        this.value = nearest(literal);
        this.tie = new BigDecimal(value).compareTo(literal) + 1;
        this.accepted = acceptedMask(operator);
    }

    /** The double nearest to {@code literal}, the largest finite one when it is beyond the range of doubles. */
    static double nearest(BigDecimal literal) {
        double value = literal.doubleValue();
        return Double.isInfinite(value) ? Math.copySign(Double.MAX_VALUE, value) : value;
    }

    static int acceptedMask(ComparisonOperator operator) {
        return (operator.accepts(-1) ? 1 : 0) | (operator.accepts(0) ? 2 : 0) | (operator.accepts(1) ? 4 : 0);
    }

    @Override
    void match(Input input, long[] match) {
        DoubleDecoder decoder = column.type.doubleDecoder;
        long address = column.address(column.vector(input).getDataBuffer(), decoder.bytes(input.rows));
        double[] chunk = new double[Math.min(LongDecoder.CHUNK, input.rows)];
        double literal = value;
        int equal = tie;
        for (int start = 0; start < input.rows; start += LongDecoder.CHUNK) {
            int count = Math.min(LongDecoder.CHUNK, input.rows - start);
            decoder.decode(address, start, count, chunk);
            for (int offset = 0; offset < count; offset += 64) {
                int end = Math.min(offset + 64, count);
                long bits = 0;
                for (int i = offset; i < end; i++) {
                    double x = chunk[i];
                    // NaN fails both tests and lands on "greater".
                    int comparison = x < literal ? 0 : x == literal ? equal : 2;
                    bits |= (long) ((accepted >>> comparison) & 1) << (i - offset);
                }
                match[(start + offset) >>> 6] = bits;
            }
        }
    }
}
