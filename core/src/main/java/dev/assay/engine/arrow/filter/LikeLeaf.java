package dev.assay.engine.arrow.filter;

import java.util.List;

/** {@code column [NOT] LIKE 'pattern'} over a string column. */
final class LikeLeaf extends ValueLeaf {
    private final BoundColumn column;
    private final LikeMatcher matcher;

    LikeLeaf(BoundColumn column, LikeMatcher matcher, boolean negated) {
        super(List.of(column), negated, false);
        this.column = column;
        this.matcher = matcher;
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
                if (matcher.matches(values.address(row, start, next), (int) (next - start))) {
                    bits |= 1L << (row - first);
                }
                start = next;
            }
            match[w] = bits;
        }
    }
}
