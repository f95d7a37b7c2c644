package dev.assay.engine.arrow;

/** Counts the selected rows. */
final class CountAccumulator implements Accumulator {
    long count;

    @Override
    public void add(BatchView batch, Selection rows) {
        count += rows.size();
    }

    @Override
    public void merge(Accumulator other) {
        count += ((CountAccumulator) other).count;
    }
}
