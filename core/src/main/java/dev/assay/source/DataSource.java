package dev.assay.source;

/**
 * Where data lives: a folder, a bucket prefix. Data assets are declared in it by path patterns. {@link
 * FileSource} serves every {@link FileStore}; {@code S3Source} (module {@code assay-s3}) is one for a
 * bucket. Implementations are immutable and thread-safe.
 */
public interface DataSource {
    /** Where the source is, for messages: a folder or a URI prefix. */
    String root();

    /**
     * Declares a data asset over the files whose paths relative to the root match {@code pattern}, read
     * in the format their extension names (see {@link FileFormats}); files of no known format are not
     * part of the asset.
     *
     * @see FileSource#asset(String, String, FileFormat)
     */
    DataAsset asset(String name, String pattern);

    /** Declares a data asset whose files are read with {@code format}, whatever their names. */
    DataAsset asset(String name, String pattern, FileFormat format);
}
