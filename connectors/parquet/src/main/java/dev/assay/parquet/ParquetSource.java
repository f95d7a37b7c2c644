package dev.assay.parquet;

import static java.util.Objects.requireNonNull;

import dev.assay.error.AssayException;
import dev.assay.error.ErrorCode;
import dev.assay.source.Batch;
import dev.assay.source.BatchStatistics;
import dev.assay.source.DatasetSchema;
import dev.assay.source.FileLocation;
import dev.assay.source.ScanRequest;
import dev.assay.source.Split;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Parquet files as a {@link Batch} of Arrow record batches, read through {@link FileLocation}s, so local
 * files and objects in any store (such as S3) are read the same way. Immutable and thread-safe.
 *
 * <pre>{@code
 * ParquetSource trips = ParquetSource.files(List.of(Path.of("trips-1.parquet"), Path.of("trips-2.parquet")));
 * ValidationResult result = Validator.create().validate(trips, suite);
 * }</pre>
 *
 * <p>Each file's footer is read once, when the {@link #schema()}, {@link #splits splits} or {@link
 * #statistics()} are first asked for, with one read of the file's last 64 KiB (and one more when the
 * footer is larger). A scan has one split per row group, read in parallel; a split fetches only the
 * requested column chunks of its row group, nearby chunks in one read. Only primitive columns can be
 * scanned; nested ones (lists, maps, structs) appear in the schema. See {@code docs/parquet.md} for the
 * type mapping, the statistics that are trusted, and every error.
 */
public final class ParquetSource implements Batch {
    private final List<FileLocation> files;
    private final String name;
    private final Object lock = new Object();
    private volatile ParquetLayout layout;
    private volatile ParquetStatistics statistics;

    private ParquetSource(List<FileLocation> files, String name) {
        this.files = files;
        this.name = name;
    }

    /** A source reading one local file, {@code path} (never null). Nothing is read until it is scanned. */
    public static ParquetSource file(Path path) {
        return files(List.of(requireNonNull(path, "path is null")));
    }

    /**
     * A source reading several local files as one batch, in the given order. All must have the same
     * columns with the same types.
     *
     * @param paths the files, never null or empty
     */
    public static ParquetSource files(List<Path> paths) {
        requireNonNull(paths, "paths is null");
        return locations(paths.stream().map(FileLocation::local).toList());
    }

    /**
     * A source reading files of any {@link dev.assay.source.FileStore} (local, S3) as one batch, in the
     * given order; a {@link dev.assay.source.FileFormat} for data assets: {@code ParquetSource::locations}.
     *
     * @param files the files, never null or empty
     */
    public static ParquetSource locations(List<FileLocation> files) {
        requireNonNull(files, "files is null");
        if (files.isEmpty()) {
            throw new AssayException(ErrorCode.INVALID_CONFIGURATION, "ParquetSource needs at least one file");
        }
        return new ParquetSource(List.copyOf(files), null);
    }

    /** This source with the name {@code name} (never null) for messages and results. */
    public ParquetSource named(String name) {
        return new ParquetSource(files, requireNonNull(name, "name is null"));
    }

    /** The name given by {@link #named}, else the first file's name and how many more files there are. */
    @Override
    public String name() {
        if (name != null) {
            return name;
        }
        String first = files.get(0).uri();
        String base = first.endsWith("/") ? first : first.substring(first.lastIndexOf('/') + 1);
        int more = files.size() - 1;
        return more == 0 ? base : base + " (+" + more + " more file" + (more == 1 ? "" : "s") + ")";
    }

    /** The files of this batch, in reading order, as their URIs. */
    public List<String> files() {
        return files.stream().map(FileLocation::uri).toList();
    }

    /**
     * The columns of the files, as Arrow fields (see {@code docs/parquet.md} for the mapping). A column is
     * nullable when it is optional in any file.
     *
     * @throws dev.assay.error.SourceUnavailableException if a file cannot be read
     * @throws dev.assay.error.MalformedDataException if a file is not Parquet, its footer is corrupt, or the
     *     files have different columns
     */
    @Override
    public DatasetSchema schema() {
        return layout().schema;
    }

    /**
     * One split per non-empty row group, files in order. Each batch holds at most {@code
     * request.batchRows()} rows of the requested columns, in the requested order.
     *
     * @throws dev.assay.error.ColumnNotFoundException if a requested column is not in the schema
     * @throws AssayException with {@code METRIC_UNAVAILABLE} if a requested column is nested or repeated
     */
    @Override
    public List<Split> splits(ScanRequest request) {
        requireNonNull(request, "request is null");
        return layout().splits(request, name());
    }

    /** Row count, null counts and min/max from the footers, where every row group states them exactly. */
    @Override
    public Optional<BatchStatistics> statistics() {
        ParquetStatistics s = statistics;
        if (s == null) {
            s = ParquetStatistics.of(layout());
            statistics = s;
        }
        return Optional.of(s);
    }

    private ParquetLayout layout() {
        ParquetLayout l = layout;
        if (l == null) {
            synchronized (lock) {
                l = layout;
                if (l == null) {
                    l = ParquetLayout.resolve(files);
                    layout = l;
                }
            }
        }
        return l;
    }

    @Override
    public String toString() {
        return "ParquetSource[" + name() + "]";
    }
}
