package dev.assay.source;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;
import org.apache.arrow.vector.VarCharVector;
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
    private final Map<String, VarCharVector> dictionaries;

    /**
     * A batch some of whose string columns are dictionary-encoded: for each such column, the root holds an
     * {@link org.apache.arrow.vector.IntVector} of ids into its dictionary (a null id is a null value), and
     * {@code dictionaries} maps the column's name to the dictionary's distinct values. Only columns a
     * {@link ScanRequest#dictionaryColumns()} allows may be encoded so. The dictionaries belong to the split,
     * like the root.
     */
    public RecordBatch(
            VectorSchemaRoot root, long ordinal, BadCells badCells, Map<String, VarCharVector> dictionaries) {
        this.root = requireNonNull(root, "root is null");
        this.badCells = requireNonNull(badCells, "badCells is null");
        this.dictionaries = Map.copyOf(requireNonNull(dictionaries, "dictionaries is null"));
        if (ordinal < 0 || ordinal > MAX_ORDINAL) {
            throw new IllegalArgumentException("ordinal out of range: " + ordinal);
        }
        if (root.getRowCount() > ScanRequest.MAX_BATCH_ROWS) {
            throw new IllegalArgumentException("too many rows in one batch: " + root.getRowCount());
        }
        this.ordinal = ordinal;
    }

    public RecordBatch(VectorSchemaRoot root, long ordinal, BadCells badCells) {
        this(root, ordinal, badCells, Map.of());
    }

    public RecordBatch(VectorSchemaRoot root, long ordinal) {
        this(root, ordinal, BadCells.none());
    }

    /** The dictionary of {@code column} when its values are dictionary-encoded ids in this batch, or empty. */
    public Optional<VarCharVector> dictionary(String column) {
        return Optional.ofNullable(dictionaries.get(column));
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
