package dev.assay.engine.arrow.filter;

import java.util.List;

/**
 * A predicate over the values of one or two columns. Subclasses only say which rows match; this class turns that
 * into true, false and unknown: a row with a null in any column read is unknown, a matching row is true (false when
 * negated), and a row that matches nothing is false (true when negated), or unknown for an IN list holding NULL.
 */
abstract class ValueLeaf implements Node {
    private final List<BoundColumn> columns;
    private final boolean negated;
    private final boolean unmatchedIsUnknown;

    ValueLeaf(List<BoundColumn> columns, boolean negated, boolean unmatchedIsUnknown) {
        this.columns = List.copyOf(columns);
        this.negated = negated;
        this.unmatchedIsUnknown = unmatchedIsUnknown;
    }

    /**
     * Sets bit {@code i % 64} of {@code match[i / 64]} for each row {@code i} whose values match; the bits of rows
     * with nulls do not matter, and every word must be written.
     */
    abstract void match(Input input, long[] match);

    @Override
    public final void evaluate(Input input, long[] isTrue, long[] isFalse) {
        match(input, isTrue);
        Validity first = Validity.of(columns.get(0).vector(input), input.rows);
        Validity second = columns.size() > 1 ? Validity.of(columns.get(1).vector(input), input.rows) : null;
        for (int w = 0; w < input.words; w++) {
            long valid = first.word(w) & input.mask(w);
            if (second != null) {
                valid &= second.word(w);
            }
            long matched = isTrue[w];
            long unmatched = unmatchedIsUnknown ? 0 : ~matched;
            isTrue[w] = valid & (negated ? unmatched : matched);
            isFalse[w] = valid & (negated ? matched : unmatched);
        }
    }
}
