package dev.assay.source;

/** Receives the record batches of a split, one at a time, on the thread reading the split. */
@FunctionalInterface
public interface BatchSink {
    /** Consumes one record batch; must not keep references to its vectors after returning. */
    void accept(RecordBatch batch);
}
