package dev.assay.source;

import java.util.List;

/**
 * One named set of data in a {@link DataSource} that splits into batches: a set of files matched by a
 * path pattern ({@link FileAsset}), or a table or query of a database ({@code JdbcSource}, module
 * {@code assay-jdbc}). A {@link BatchRequest} says which slice to validate: for files, the values of the
 * pattern's groups; for a table, conditions on its columns.
 *
 * <pre>{@code
 * DataAsset orders = jdbc.table("public.orders");
 * Batch day = orders.batch(BatchRequest.partition("created_at", LocalDate.of(2024, 1, 31)));
 * DataAsset trips = files.asset("trips", "trips/day={day}/*.parquet");
 * Batch latest = trips.latestBatch();
 * }</pre>
 *
 * <p>Implementations are immutable and thread-safe; each call looks at the data anew (lists the files,
 * asks the database), so new data is seen.
 */
public interface DataAsset {
    /** The asset's name, for messages and results; never null. */
    String name();

    /**
     * The rows or files {@code request} selects, as one batch, whose {@link Batch#identity() identity}
     * (where the asset gives one) records the asset and the request.
     *
     * @param request the request, never null; {@link BatchRequest#all()} for all of the asset
     * @return the batch, never null
     * @throws dev.assay.error.AssayException with {@code INVALID_CONFIGURATION} when the request names a
     *     group or column the asset does not have; with {@code SOURCE_UNAVAILABLE} when nothing matches
     *     the request or the source cannot be reached
     */
    Batch batch(BatchRequest request);

    /**
     * All of the asset as one batch: {@code batch(BatchRequest.all())}.
     *
     * @throws dev.assay.error.AssayException as {@link #batch(BatchRequest)} does
     */
    default Batch batch() {
        return batch(BatchRequest.all());
    }

    /**
     * The last of the {@linkplain #availableBatches() available batches}, the one with the greatest
     * values; a file asset compares its groups in pattern order, numbers by value ({@code 10 > 9}).
     *
     * @return the batch, never null
     * @throws dev.assay.error.AssayException with {@code SOURCE_UNAVAILABLE} when the asset holds no data
     *     or the source cannot be reached
     */
    Batch latestBatch();

    /**
     * The batches the asset splits into, as requests for one value per group or column, sorted by their
     * values (numbers by value). For a file asset, every distinct combination of group values; an asset
     * without groups or partitions has the single request {@link BatchRequest#all()} when it holds data.
     *
     * @return the requests, never null; empty when the asset holds no data
     * @throws dev.assay.error.AssayException with {@code SOURCE_UNAVAILABLE} when the source cannot be
     *     reached
     */
    List<BatchRequest> availableBatches();
}
