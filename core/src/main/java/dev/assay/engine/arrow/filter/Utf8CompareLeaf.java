package dev.assay.engine.arrow.filter;

import dev.assay.model.filter.ComparisonOperator;
import java.util.List;

/**
 * A string column compared with a string literal, by Unicode code point order. Equality compares lengths first, then
 * 8 bytes at a time; {@code <>} is negated equality.
 */
final class Utf8CompareLeaf extends ValueLeaf {
    private final BoundColumn column;
    private final byte[] literal;
    private final long[] literalWords;
    /** Bit {@code c + 1} is set when a comparison result {@code c} (-1, 0 or 1) satisfies the operator; 0 for equality. */
    private final int accepted;

    private Utf8CompareLeaf(BoundColumn column, byte[] literal, int accepted, boolean negated) {
        super(List.of(column), negated, false);
        this.column = column;
        this.literal = literal.clone();
        this.literalWords = Utf8Values.words(literal);
        this.accepted = accepted;
    }

    static Utf8CompareLeaf of(BoundColumn column, ComparisonOperator operator, byte[] literal) {
        switch (operator) {
            case EQUAL:
                return new Utf8CompareLeaf(column, literal, 0, false);
            case NOT_EQUAL:
                return new Utf8CompareLeaf(column, literal, 0, true);
            case LESS_THAN:
            case LESS_THAN_OR_EQUAL:
            case GREATER_THAN:
            case GREATER_THAN_OR_EQUAL:
                return new Utf8CompareLeaf(column, literal, DoubleCompareLeaf.acceptedMask(operator), false);
        }
        throw new AssertionError(operator);
    }

    @Override
    void match(Input input, long[] match) {
        Utf8Values values = Utf8Values.of(column, input);
        if (accepted == 0 && literal.length <= 8) {
            matchShort(input, values, match);
            return;
        }
        for (int w = 0; w < input.words; w++) {
            int first = w << 6;
            int end = Math.min(first + 64, input.rows);
            long bits = 0;
            long start = values.start(first);
            for (int row = first; row < end; row++) {
                long next = values.start(row + 1);
                long address = values.address(row, start, next);
                int length = (int) (next - start);
                boolean matches;
                if (accepted == 0) {
                    matches = Utf8Values.equal(address, length, literal, literalWords);
                } else {
                    int comparison = Integer.signum(Utf8Values.compare(address, length, literal, literalWords));
                    matches = ((accepted >>> (comparison + 1)) & 1) != 0;
                }
                if (matches) {
                    bits |= 1L << (row - first);
                }
                start = next;
            }
            match[w] = bits;
        }
    }

    /**
     * Equality with a literal of at most 8 bytes, without branching on the data: compare the length and the first 8
     * bytes (masked to the literal's length) at once.
     */
    private void matchShort(Input input, Utf8Values values, long[] match) {
        int length = literal.length;
        long mask = length == 8 ? -1L : (1L << (8 * length)) - 1;
        long expected = Utf8Values.prefix(literal);
        for (int w = 0; w < input.words; w++) {
            int first = w << 6;
            int end = Math.min(first + 64, input.rows);
            long bits = 0;
            long start = values.start(first);
            for (int row = first; row < end; row++) {
                long next = values.start(row + 1);
                long address = values.address(row, start, next);
                long head = values.canRead8(start) ? values.read8(address) : values.readShort(address, next - start);
                boolean matches = (next - start == length) & ((head & mask) == expected);
                bits |= (matches ? 1L : 0L) << (row - first);
                start = next;
            }
            match[w] = bits;
        }
    }
}
