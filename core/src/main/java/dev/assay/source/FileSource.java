package dev.assay.source;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Map;

/**
 * The files of a {@link FileStore} (a local folder, an S3 prefix), from which {@linkplain #asset assets}
 * are declared by path patterns. The store is listed each time an asset looks for its files, so new
 * files are seen. Immutable and thread-safe.
 *
 * <pre>{@code
 * FileDataSource files = FileSource.folder(Path.of("data"));
 * FileAsset trips = files.asset("trips", "raw/trips/year={year}/month={month}/*.parquet");
 * Batch latest = trips.latestBatch();
 * }</pre>
 *
 * <p>See {@code docs/files.md}.
 */
public final class FileSource implements FileDataSource {
    private final FileStore store;

    private FileSource(FileStore store) {
        this.store = store;
    }

    /** The files under {@code folder} (never null). Nothing is read until an asset lists its files. */
    public static FileSource folder(Path folder) {
        return new FileSource(FileStore.local(requireNonNull(folder, "folder is null")));
    }

    /** The files of {@code store}, never null. */
    public static FileSource of(FileStore store) {
        return new FileSource(requireNonNull(store, "store is null"));
    }

    /**
     * The files under {@code root}, a local folder or a URI such as {@code s3://bucket/prefix/} whose
     * scheme a connector on the class path serves; see {@link FileStores#open}.
     */
    public static FileSource at(String root, Map<String, String> options) {
        return new FileSource(FileStores.open(root, options));
    }

    /** The store, never null. */
    public FileStore store() {
        return store;
    }

    @Override
    public String root() {
        return store.root();
    }

    /**
     * Declares a data asset read in the format its files' extensions name.
     *
     * @see #asset(String, String, FileFormat)
     */
    @Override
    public FileAsset asset(String name, String pattern) {
        requireNonNull(name, "name is null");
        requireNonNull(pattern, "pattern is null");
        return new FileAsset(store, name, FilePattern.compile(pattern), FileFormats.byExtension());
    }

    /**
     * Declares a data asset: the files whose paths relative to the root match {@code pattern}.
     *
     * @param name the asset's name, for messages and results; never null
     * @param pattern glob-like text with {@code {name}} groups (one path segment part, no {@code /}),
     *     {@code *} (within a segment), {@code ?} and {@code **} (any depth); or a Java regex with named
     *     groups after {@code re:}. Folders named {@code key=value} add group {@code key}. Files and
     *     folders whose names start with {@code .} or {@code _} ({@code _SUCCESS}, {@code .crc}) are
     *     never matched. Never null
     * @param format reads the files of a batch as one dataset, e.g. {@code CsvSource::locations}, or {@link
     *     FileFormats#byExtension()} (then only files of a known format match); never null
     * @throws dev.assay.error.AssayException with {@code INVALID_CONFIGURATION} for a malformed pattern
     */
    @Override
    public FileAsset asset(String name, String pattern, FileFormat format) {
        requireNonNull(name, "name is null");
        requireNonNull(pattern, "pattern is null");
        requireNonNull(format, "format is null");
        return new FileAsset(store, name, FilePattern.compile(pattern), format);
    }

    @Override
    public String toString() {
        return "FileSource[" + store.root() + "]";
    }
}
