package dev.assay.source;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/**
 * What a scan needs from a batch.
 *
 * @param columns the columns to decode, in schema order; others are skipped, not decoded
 * @param allocator where record batch vectors are allocated; each split uses a child of it
 * @param batchRows the preferred number of rows per record batch (a hint, at most 2^24)
 */
public record ScanRequest(List<String> columns, BufferAllocator allocator, int batchRows) {
    /** The largest number of rows one record batch may hold. */
    public static final int MAX_BATCH_ROWS = 1 << 24;

    public ScanRequest {
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        requireNonNull(allocator, "allocator is null");
        if (batchRows < 1 || batchRows > MAX_BATCH_ROWS) {
            throw new IllegalArgumentException("batchRows must be in [1, " + MAX_BATCH_ROWS + "]: " + batchRows);
        }
    }
}
