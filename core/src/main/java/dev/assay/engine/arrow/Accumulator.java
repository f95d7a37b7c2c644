package dev.assay.engine.arrow;

/**
 * Mergeable state computing one or more metrics over a stream of record batches (a commutative
 * semigroup: batches may arrive on several threads in any order and partial states merge). Each
 * instance is used by one thread; merging happens after all batches are seen.
 */
interface Accumulator {
    /** Adds the selected rows of a batch. */
    void add(BatchView batch, Selection rows);

    /** Adds the state of {@code other}, of the same class and key, into this one. */
    void merge(Accumulator other);

    /** Called once after the last merge, before values are read (e.g. to sort collected values). */
    default void finish() {}

    /**
     * True when merging states in another order may change a result in its last bits (floating-point sums
     * and moments). The engine then keeps one state per split and merges them in split order, so the same
     * data and settings give the same result on every run, whichever thread read which split.
     */
    default boolean orderSensitive() {
        return false;
    }
}
