package dev.assay.source;

/**
 * Where data lives: a folder, a bucket prefix, a database. {@link DataAsset Data assets} are declared in
 * it: sets of files by path pattern in a {@link FileDataSource} ({@link FileSource}, {@code S3Source} of
 * module {@code assay-s3}), tables and queries in a database ({@code JdbcSource} of module {@code
 * assay-jdbc}). Implementations are immutable and thread-safe.
 */
public interface DataSource {
    /**
     * Where the source is, for messages: a folder, a URI prefix or a database URL; never null, never
     * holding a password.
     */
    String root();
}
