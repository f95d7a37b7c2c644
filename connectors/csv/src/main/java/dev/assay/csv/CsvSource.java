package dev.assay.csv;

import static java.util.Objects.requireNonNull;

import dev.assay.source.Batch;
import dev.assay.source.DatasetSchema;
import dev.assay.source.FileLocation;
import dev.assay.source.ScanRequest;
import dev.assay.source.Split;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * CSV files (plain or gzip, UTF-8) as a {@link Batch} of Arrow record batches. Immutable and
 * thread-safe: every option method returns a new source.
 *
 * <pre>{@code
 * CsvSource trips = CsvSource.file(Path.of("trips.csv"))
 *     .schema(CsvSchema.of(
 *         CsvColumn.int64("trip_id"),
 *         CsvColumn.timestamp("pickup_ts", "yyyy-MM-dd HH:mm:ss")))
 *     .zone(ZoneId.of("UTC"))
 *     .badRows(BadRowPolicy.REPORT);
 * }</pre>
 *
 * <p>Defaults: comma-delimited, {@code "} quotes doubled inside quoted fields (RFC 4180), a header
 * line, only the empty unquoted field is null, column types inferred from the first 10,000 rows, bad
 * values fail the scan. Files are first read when the {@link #schema()} or {@link #splits splits} are
 * asked for; the headers, the inferred types and the file list of a glob are then kept for the life of
 * this instance. A large plain file is read in parallel: one split per 16 MB. See {@code docs/csv.md}
 * for the formats each type accepts and every error.
 */
public final class CsvSource implements Batch {
    private final CsvSettings settings;
    private final Object lock = new Object();
    private volatile CsvLayout layout;

    private CsvSource(CsvSettings settings) {
        this.settings = settings;
    }

    /** A source reading one file, {@code path} (never null). Nothing is read until it is scanned. */
    public static CsvSource file(Path path) {
        return files(List.of(requireNonNull(path, "path is null")));
    }

    /**
     * A source reading several files as one batch, in the given order. All must have the same header.
     *
     * @param paths the files, never null or empty
     */
    public static CsvSource files(List<Path> paths) {
        requireNonNull(paths, "paths is null");
        if (paths.isEmpty()) {
            throw CsvSettings.invalid("CsvSource.files needs at least one file");
        }
        return locations(paths.stream().map(FileLocation::local).toList());
    }

    /**
     * A source reading several files of any {@link dev.assay.source.FileStore} (local, S3) as one batch,
     * in the given order; a {@link dev.assay.source.FileFormat} for data assets: {@code
     * CsvSource::locations}. Local files are split into byte ranges read in parallel; remote files are
     * streamed, one reader per file.
     *
     * @param files the files, never null or empty
     */
    public static CsvSource locations(List<FileLocation> files) {
        requireNonNull(files, "files is null");
        if (files.isEmpty()) {
            throw CsvSettings.invalid("CsvSource needs at least one file");
        }
        CsvSettings s = new CsvSettings();
        s.files = List.copyOf(files);
        return new CsvSource(s);
    }

    /**
     * A source reading the regular files of {@code directory} whose names match {@code glob} (as in
     * {@link java.nio.file.FileSystem#getPathMatcher}, e.g. {@code trips-*.csv}), in name order, as one
     * batch. The directory is listed when the source is first scanned; no match is an error then.
     */
    public static CsvSource glob(Path directory, String glob) {
        requireNonNull(directory, "directory is null");
        requireNonNull(glob, "glob is null");
        CsvSettings s = new CsvSettings();
        s.globDirectory = directory;
        s.globPattern = glob;
        return new CsvSource(s);
    }

    /**
     * A source for a file path or a glob over file names, as a command line gives it: {@code
     * data/trips.csv} or {@code data/trips-*.csv}. A last path element holding {@code * ? [ {} is a glob
     * over the files of its directory.
     */
    public static CsvSource of(String fileOrGlob) {
        requireNonNull(fileOrGlob, "fileOrGlob is null");
        Path path = Path.of(fileOrGlob.isEmpty() ? "." : fileOrGlob);
        Path name = path.getFileName();
        if (name != null && name.toString().chars().anyMatch(c -> "*?[{".indexOf(c) >= 0)) {
            Path parent = path.getParent();
            return glob(parent == null ? Path.of("") : parent, name.toString());
        }
        return file(path);
    }

    private CsvSource with(Consumer<CsvSettings> change) {
        CsvSettings copy = settings.copy();
        change.accept(copy);
        return new CsvSource(copy);
    }

    /** Fields are separated by {@code delimiter}, an ASCII character; {@code ','} by default, {@code '\t'} for TSV. */
    public CsvSource delimiter(char delimiter) {
        return with(s -> s.delimiter = delimiter);
    }

    /** Fields holding delimiters, quotes or line breaks are enclosed in {@code quote}; {@code '"'} by default. */
    public CsvSource quote(char quote) {
        return with(s -> s.quote = quote);
    }

    /**
     * Inside a quoted field, {@code escape} makes the next character literal. By default it is the quote
     * character itself, so a quote is written twice ({@code ""}, RFC 4180). With any other escape, such as
     * {@code '\\'}, a file is read as one split (sequentially), since quote parity no longer tells where
     * records start. Outside quotes the escape character has no special meaning.
     */
    public CsvSource escape(char escape) {
        return with(s -> s.escape = escape);
    }

    /**
     * Whether the first line names the columns ({@code true} by default). Without a header, columns are
     * named by the explicit schema, or {@code column_1} to {@code column_n}.
     */
    public CsvSource header(boolean header) {
        return with(s -> s.header = header);
    }

    /**
     * The texts that mean null, replacing the default (only the empty field). A quoted field is never null
     * in a string column ({@code ""} is the empty string there), but is null in any other column when its
     * content is a token.
     *
     * @param tokens the tokens, never null; none means no value is null
     */
    public CsvSource nullTokens(String... tokens) {
        requireNonNull(tokens, "tokens is null");
        List<String> list = List.copyOf(Arrays.asList(tokens));
        return with(s -> s.nullTokens = list);
    }

    /**
     * Declares column types. With a header the schema may name only some columns, the others are
     * inferred; without a header it lists all columns in order. Declared types are not inferred and
     * their values are checked on every row.
     *
     * @param schema the types, never null
     */
    public CsvSource schema(CsvSchema schema) {
        requireNonNull(schema, "schema is null");
        return with(s -> s.schema = schema);
    }

    /**
     * Infers the types of undeclared columns from the first {@code sampleRows} rows (10,000 by default);
     * 0 reads them all as strings. A later value that does not fit the inferred type is a bad value, and
     * its message suggests an explicit schema or a larger sample.
     */
    public CsvSource inferSchema(int sampleRows) {
        if (sampleRows < 0) {
            throw CsvSettings.invalid("inferSchema needs a sample of 0 or more rows: " + sampleRows);
        }
        return with(s -> s.inferRows = sampleRows);
    }

    /**
     * Reads timestamps as instants: values without an offset are taken in {@code zone}, values with one
     * are converted, and the Arrow type carries the zone id. Without a zone, timestamp columns hold local
     * date-times unless their values carry offsets.
     */
    public CsvSource zone(ZoneId zone) {
        requireNonNull(zone, "zone is null");
        return with(s -> s.zone = zone);
    }

    /** What to do with values and rows that cannot be read; {@link BadRowPolicy#FAIL} by default. */
    public CsvSource badRows(BadRowPolicy policy) {
        requireNonNull(policy, "policy is null");
        return with(s -> s.badRows = policy);
    }

    /** Gives the batch a name for messages and results, instead of the file name. */
    public CsvSource named(String name) {
        requireNonNull(name, "name is null");
        return with(s -> s.name = name);
    }

    /** The chunk size of parallel splits; for tests, which force many small splits. */
    CsvSource chunkSize(long bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("chunk size must be positive: " + bytes);
        }
        return with(s -> s.chunkSize = bytes);
    }

    /** The initial read buffer of a split; for tests, which force records across buffer refills. */
    CsvSource bufferSize(int bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("buffer size must be positive: " + bytes);
        }
        return with(s -> s.bufferSize = bytes);
    }

    /**
     * The name given by {@link #named}, else the file name, the glob, or the first file's name and how many
     * more there are.
     */
    @Override
    public String name() {
        if (settings.name != null) {
            return settings.name;
        }
        if (settings.globDirectory != null) {
            return settings.globDirectory.resolve(settings.globPattern).toString();
        }
        String first = settings.files.get(0).uri();
        String name = first.endsWith("/") ? first : first.substring(first.lastIndexOf('/') + 1);
        int more = settings.files.size() - 1;
        return more == 0 ? name : name + " (+" + more + " more file" + (more == 1 ? "" : "s") + ")";
    }

    /**
     * The files of this batch, in reading order (for a glob, as listed on first use).
     *
     * @throws dev.assay.error.SourceUnavailableException if a file is missing or a glob matches none
     */
    public List<String> files() {
        return layout().files.stream().map(CsvLayout.FileEntry::displayName).toList();
    }

    /**
     * The columns: names from the header (or the schema, or {@code column_n}), types declared or inferred.
     * Reads each file's header and the inference sample on first use.
     *
     * @throws dev.assay.error.SourceUnavailableException if a file is missing or unreadable
     * @throws dev.assay.error.MalformedDataException if a file is empty, a header is malformed or headers
     *     differ, or the sample is not valid CSV
     * @throws dev.assay.error.AssayException with {@code INVALID_CONFIGURATION} for conflicting options
     */
    @Override
    public DatasetSchema schema() {
        return layout().schema;
    }

    /**
     * One split per 16 MB chunk of each plain file with RFC 4180 quoting, and one per gzip file or file
     * with another escape character. Batches of a split have ordinals that increase with the position of
     * their rows in the data; each holds at most {@code request.batchRows()} rows of the requested
     * columns, in the requested order.
     *
     * @throws dev.assay.error.ColumnNotFoundException if a requested column is not in the schema
     */
    @Override
    public List<Split> splits(ScanRequest request) {
        requireNonNull(request, "request is null");
        return layout().splits(request, name());
    }

    private CsvLayout layout() {
        CsvLayout l = layout;
        if (l == null) {
            synchronized (lock) {
                l = layout;
                if (l == null) {
                    l = CsvLayout.resolve(settings);
                    layout = l;
                }
            }
        }
        return l;
    }

    @Override
    public String toString() {
        return "CsvSource[" + name() + "]";
    }
}
