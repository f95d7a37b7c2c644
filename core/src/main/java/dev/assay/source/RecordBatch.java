package dev.assay.source;

import static java.util.Objects.requireNonNull;

import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * One Arrow record batch of a scan, with its place in the data and the cells that could not be read.
 *
 * <p>The ordinal orders batches across all splits of a scan: a batch with a smaller ordinal holds rows
 * that come earlier in the data. Ordinals need not be contiguous, but are unique within a scan and
 * below 2^39. Not thread-safe; owned by the split that produced it.
 */
public final class RecordBatch {
    /** The largest ordinal a batch may have. */
    public static final long MAX_ORDINAL = (1L << 39) - 1;

    private final VectorSchemaRoot root;
    private final long ordinal;
    private final BadCells badCells;

    public RecordBatch(VectorSchemaRoot root, long ordinal, BadCells badCells) {
        this.root = requireNonNull(root, "root is null");
        this.badCells = requireNonNull(badCells, "badCells is null");
        if (ordinal < 0 || ordinal > MAX_ORDINAL) {
            throw new IllegalArgumentException("ordinal out of range: " + ordinal);
        }
        if (root.getRowCount() > ScanRequest.MAX_BATCH_ROWS) {
            throw new IllegalArgumentException("too many rows in one batch: " + root.getRowCount());
        }
        this.ordinal = ordinal;
    }

    public RecordBatch(VectorSchemaRoot root, long ordinal) {
        this(root, ordinal, BadCells.none());
    }

    /** The vectors, one per requested column, never null. */
    public VectorSchemaRoot root() {
        return root;
    }

    /** The position of this batch in the data. */
    public long ordinal() {
        return ordinal;
    }

    /** The number of rows. */
    public int rowCount() {
        return root.getRowCount();
    }

    /** Cells that could not be read and were kept as bad values (null in the vectors). */
    public BadCells badCells() {
        return badCells;
    }
}
