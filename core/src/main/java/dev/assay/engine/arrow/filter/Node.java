package dev.assay.engine.arrow.filter;

/**
 * A compiled condition: sets, for each row of a batch, whether the condition is true, false or unknown. Immutable and
 * thread-safe; scratch space is per call.
 */
interface Node {
    /**
     * Evaluates the condition for every row of {@code input}.
     *
     * @param isTrue receives one bit per row (bit {@code i % 64} of word {@code i / 64}): set where the condition is
     *     true; bits beyond the last row are clear
     * @param isFalse likewise, set where the condition is false; a row set in neither is unknown
     */
    void evaluate(Input input, long[] isTrue, long[] isFalse);
}
