package dev.assay.source;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;

/**
 * What a scan needs from a batch.
 *
 * @param columns the columns to decode, in schema order; others are skipped, not decoded
 * @param allocator where record batch vectors are allocated; each split uses a child of it
 * @param batchRows the preferred number of rows per record batch (a hint, at most 2^24)
 * @param dictionaryColumns string columns the reader may deliver dictionary-encoded (see {@link
 *     RecordBatch#dictionary}) rather than expanded, when the data is stored so; a subset of {@code columns}
 */
public record ScanRequest(
        List<String> columns, BufferAllocator allocator, int batchRows, Set<String> dictionaryColumns) {
    /** The largest number of rows one record batch may hold. */
    public static final int MAX_BATCH_ROWS = 1 << 24;

    public ScanRequest {
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        requireNonNull(allocator, "allocator is null");
        if (batchRows < 1 || batchRows > MAX_BATCH_ROWS) {
            throw new IllegalArgumentException("batchRows must be in [1, " + MAX_BATCH_ROWS + "]: " + batchRows);
        }
        dictionaryColumns = Set.copyOf(requireNonNull(dictionaryColumns, "dictionaryColumns is null"));
        if (!columns.containsAll(dictionaryColumns)) {
            throw new IllegalArgumentException("dictionary columns " + dictionaryColumns + " are not all requested");
        }
    }

    /** A request for every column expanded (no dictionary encoding). */
    public ScanRequest(List<String> columns, BufferAllocator allocator, int batchRows) {
        this(columns, allocator, batchRows, Set.of());
    }
}
