package dev.assay.engine.arrow.filter;

import java.util.Arrays;

/** A condition that is unknown for every row, such as a comparison with NULL. */
final class ConstantNode implements Node {
    static final ConstantNode UNKNOWN = new ConstantNode();

    private ConstantNode() {}

    @Override
    public void evaluate(Input input, long[] isTrue, long[] isFalse) {
        Arrays.fill(isTrue, 0, input.words, 0L);
        Arrays.fill(isFalse, 0, input.words, 0L);
    }
}
