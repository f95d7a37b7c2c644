package dev.assay.engine.arrow.filter;

import java.util.Arrays;
import java.util.List;

/**
 * A comparison that no value of the column's type can satisfy ({@code tiny_int > 1000}), or with {@code negated} that
 * every value satisfies: false (true) for non-null values, and still unknown for nulls.
 */
final class ConstantMatchLeaf extends ValueLeaf {
    ConstantMatchLeaf(BoundColumn column, boolean negated) {
        super(List.of(column), negated, false);
    }

    @Override
    void match(Input input, long[] match) {
        Arrays.fill(match, 0, input.words, 0L);
    }
}
