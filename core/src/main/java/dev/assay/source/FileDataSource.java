package dev.assay.source;

/**
 * A {@link DataSource} of files, in which {@link FileAsset file assets} are declared by path patterns.
 * {@link FileSource} serves every {@link FileStore}; {@code S3Source} (module {@code assay-s3}) is one
 * for a bucket. Implementations are immutable and thread-safe.
 *
 * <pre>{@code
 * FileDataSource files = FileSource.folder(Path.of("data"));
 * FileAsset trips = files.asset("trips", "raw/trips/year={year}/month={month}/*.parquet");
 * }</pre>
 */
public interface FileDataSource extends DataSource {
    /**
     * Declares a data asset over the files whose paths relative to the root match {@code pattern}, read
     * in the format their extension names (see {@link FileFormats}); files of no known format are not
     * part of the asset.
     *
     * @param name the asset's name, for messages and results; never null
     * @param pattern the path pattern, never null; see {@link FileSource#asset(String, String, FileFormat)}
     * @return the asset, never null
     * @throws dev.assay.error.AssayException with {@code INVALID_CONFIGURATION} for a malformed pattern
     */
    FileAsset asset(String name, String pattern);

    /**
     * Declares a data asset whose files are read with {@code format}, whatever their names.
     *
     * @param name the asset's name, for messages and results; never null
     * @param pattern the path pattern, never null; see {@link FileSource#asset(String, String, FileFormat)}
     * @param format reads the files of a batch as one dataset; never null
     * @return the asset, never null
     * @throws dev.assay.error.AssayException with {@code INVALID_CONFIGURATION} for a malformed pattern
     */
    FileAsset asset(String name, String pattern, FileFormat format);
}
