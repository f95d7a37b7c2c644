package dev.assay.source;

import java.util.List;
import java.util.Optional;

/**
 * The resolved data of one validation: a schema and a way to scan its rows as Arrow record batches.
 *
 * <p>A batch may be scanned more than once (a validation scans it once per row filter group at most).
 * Implementations are thread-safe: {@link #splits} may be called from any thread and the returned
 * splits are read concurrently, each by one thread.
 */
public interface Batch {
    /** A short human name for messages and results, such as a file name. Never null. */
    String name();

    /**
     * The schema of the batch. Sources that infer types may read a sample to answer.
     *
     * @throws dev.assay.error.AssayException if the data cannot be reached or its header is malformed
     */
    DatasetSchema schema();

    /**
     * Independent parts of the data that can be read in parallel. Reading all of them, each once,
     * yields every row exactly once; record batch ordinals order the rows across splits.
     *
     * @param request the columns to decode and where to allocate, never null
     * @return the splits, never null; empty for an empty dataset
     */
    List<Split> splits(ScanRequest request);

    /**
     * What this batch is, for the validation result: for a {@link FileAsset} batch, the asset, the
     * request, the files and their group values.
     *
     * @return the identity, never null; empty by default
     */
    default Optional<BatchIdentity> identity() {
        return Optional.empty();
    }

    /**
     * Exact statistics the source holds without reading rows (Parquet footers), so that metrics they
     * answer need no scan.
     *
     * @return the statistics, or empty (the default) when the source has none
     * @throws dev.assay.error.AssayException if the data cannot be reached
     */
    default Optional<BatchStatistics> statistics() {
        return Optional.empty();
    }

    /**
     * The columns that identify a row, such as a table's primary key: the {@code
     * unexpected_index_column_names} of SUMMARY and COMPLETE results that name none, so that their
     * unexpected rows are listed by key rather than by position.
     *
     * @return the columns, never null; empty (the default) when the batch has none
     */
    default List<String> rowIdColumns() {
        return List.of();
    }

    /**
     * The engine that validates this batch, given the engine the validator is configured with. A batch
     * whose data can compute metrics where it lives (a database table) returns an engine that pushes
     * them there and hands {@code configured} what it cannot; by default {@code configured} itself.
     *
     * @param configured the validator's engine, never null
     * @return the engine to use, never null
     */
    default dev.assay.engine.Engine engine(dev.assay.engine.Engine configured) {
        return configured;
    }
}
