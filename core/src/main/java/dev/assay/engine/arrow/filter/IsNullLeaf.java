package dev.assay.engine.arrow.filter;

/** {@code column IS [NOT] NULL}: never unknown; works for columns of any type. */
final class IsNullLeaf implements Node {
    private final BoundColumn column;
    private final boolean negated;

    IsNullLeaf(BoundColumn column, boolean negated) {
        this.column = column;
        this.negated = negated;
    }

    @Override
    public void evaluate(Input input, long[] isTrue, long[] isFalse) {
        Validity validity = Validity.of(column.vector(input), input.rows);
        for (int w = 0; w < input.words; w++) {
            long mask = input.mask(w);
            long valid = validity.word(w) & mask;
            long isNull = ~valid & mask;
            isTrue[w] = negated ? valid : isNull;
            isFalse[w] = negated ? isNull : valid;
        }
    }
}
