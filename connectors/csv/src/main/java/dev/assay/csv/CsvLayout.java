package dev.assay.csv;

import dev.assay.error.MalformedDataException;
import dev.assay.error.SourceUnavailableException;
import dev.assay.source.DatasetSchema;
import dev.assay.source.FileLocation;
import dev.assay.source.ScanRequest;
import dev.assay.source.Split;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * A {@link CsvSource} resolved against the files: which files, where their data starts, the columns and
 * their types (declared or inferred from a sample), and how each file splits. Made once per source and
 * kept; immutable apart from the chunk counts it caches. Thread-safe.
 */
final class CsvLayout {
    private static final int HEADER_BUFFER = 1 << 16;

    /**
     * One file of the batch.
     *
     * @param dataStart the offset of the first byte after the byte order mark and header
     * @param dataLine the line number of that byte
     * @param chunks how the file splits, or null when it is read as one split (gzip, backslash escapes)
     */
    record FileEntry(
            FileLocation location,
            String displayName,
            long size,
            boolean gzip,
            long dataStart,
            long dataLine,
            ChunkIndex chunks) {}

    final CsvSettings settings;
    final CsvDialect dialect;
    final NullTokens nulls;
    final List<FileEntry> files;
    final List<ColumnSpec> columns;
    final DatasetSchema schema;

    private CsvLayout(
            CsvSettings settings,
            CsvDialect dialect,
            NullTokens nulls,
            List<FileEntry> files,
            List<ColumnSpec> columns) {
        this.settings = settings;
        this.dialect = dialect;
        this.nulls = nulls;
        this.files = List.copyOf(files);
        this.columns = List.copyOf(columns);
        Optional<java.time.ZoneId> zone = Optional.ofNullable(settings.zone);
        List<Field> fields = new ArrayList<>();
        for (ColumnSpec c : columns) {
            fields.add(c.arrowField(zone));
        }
        this.schema = new DatasetSchema(fields);
    }

    /** Reads the headers of all files and the inference sample. */
    static CsvLayout resolve(CsvSettings s) {
        CsvDialect dialect = s.dialect();
        NullTokens nulls = new NullTokens(s.nullTokens);
        List<FileLocation> paths = paths(s);
        List<FileEntry> entries = new ArrayList<>();
        List<String> names = null;
        String firstFile = null;
        SchemaInference inference = null;
        int sampled = 0;
        for (FileLocation path : paths) {
            String display = path.uri();
            long size = regularFileSize(path, display);
            boolean gzip = isGzip(path, display, size);
            try (ByteInput in = gzip ? ByteInput.gzip(path) : ByteInput.file(path, 0)) {
                Tokenizer t = new Tokenizer(in, 0, () -> 1, dialect, display, HEADER_BUFFER);
                t.skipByteOrderMark();
                if (t.atEnd()) {
                    throw new MalformedDataException(
                            display + ": the file is empty" + (s.header ? "; expected a header line" : ""));
                }
                List<String> header = List.of();
                if (s.header) {
                    t.columnNames(List.of(), true);
                    t.next(Long.MAX_VALUE);
                    header = headerNames(t, dialect, display);
                }
                long dataStart = t.offset();
                long dataLine = t.line();
                boolean firstRecordRead = false;
                if (names == null) {
                    firstFile = display;
                    if (s.header) {
                        names = header;
                    } else if (s.schema != null) {
                        names = s.schema.columns().stream().map(CsvColumn::name).toList();
                    } else {
                        t.skipBlankLines(true);
                        if (!t.next(Long.MAX_VALUE)) {
                            throw new MalformedDataException(display + ": the file has no rows");
                        }
                        names = generatedNames(t.fieldCount);
                        firstRecordRead = true;
                    }
                    checkSchemaColumns(s, names, display);
                    if (s.inferRows > 0 && !allDeclared(s, names)) {
                        inference = new SchemaInference(names.size(), nulls, dialect);
                    }
                } else if (s.header && !header.equals(names)) {
                    throw new MalformedDataException(display + ":1: the header " + header
                            + " differs from the header of " + firstFile + ": " + names
                            + "; all files of a batch must have the same columns in the same order");
                }
                t.columnNames(names, false);
                t.skipBlankLines(names.size() > 1);
                if (inference != null) {
                    if (firstRecordRead) {
                        inference.accept(t);
                        sampled++;
                    }
                    while (sampled < s.inferRows && t.next(Long.MAX_VALUE)) {
                        inference.accept(t);
                        sampled++;
                    }
                }
                ChunkIndex chunks =
                        !gzip && dialect.splittable() && path.localPath().isPresent()
                                ? new ChunkIndex(path.localPath().get(), dataStart, size, s.chunkSize, dialect.quote())
                                : null;
                entries.add(new FileEntry(path, display, size, gzip, dataStart, dataLine, chunks));
            } catch (IOException e) {
                throw unavailable(display, e);
            }
        }
        return new CsvLayout(s, dialect, nulls, entries, columns(s, names, inference, sampled));
    }

    private static List<ColumnSpec> columns(CsvSettings s, List<String> names, SchemaInference inference, int sampled) {
        List<ColumnSpec> columns = new ArrayList<>();
        for (int k = 0; k < names.size(); k++) {
            String name = names.get(k);
            Optional<CsvColumn> declared = s.schema == null
                    ? Optional.empty()
                    : s.header
                            ? s.schema.find(name)
                            : Optional.of(s.schema.columns().get(k));
            if (declared.isPresent()) {
                columns.add(ColumnSpec.declared(declared.get(), k));
            } else if (inference != null) {
                columns.add(ColumnSpec.inferred(name, k, inference.type(k, s.zone != null), sampled));
            } else {
                columns.add(ColumnSpec.inferred(name, k, CsvType.STRING, 0));
            }
        }
        return columns;
    }

    private static boolean allDeclared(CsvSettings s, List<String> names) {
        return s.schema != null && names.stream().allMatch(n -> s.schema.find(n).isPresent());
    }

    private static void checkSchemaColumns(CsvSettings s, List<String> names, String display) {
        if (s.schema == null || !s.header) {
            return;
        }
        for (CsvColumn column : s.schema.columns()) {
            if (!names.contains(column.name())) {
                throw CsvSettings.invalid("CSV schema column '" + column.name() + "' is not in the header of " + display
                        + "; header columns: " + names);
            }
        }
    }

    private static List<String> generatedNames(int n) {
        List<String> names = new ArrayList<>(n);
        for (int k = 1; k <= n; k++) {
            names.add("column_" + k);
        }
        return names;
    }

    private static List<String> headerNames(Tokenizer t, CsvDialect dialect, String display) {
        List<String> names = new ArrayList<>(t.fieldCount);
        Map<String, Integer> seen = new HashMap<>();
        for (int k = 0; k < t.fieldCount; k++) {
            byte[] b = t.buf;
            int start = t.starts[k];
            int end = t.ends[k];
            if ((t.flags[k] & Tokenizer.ESCAPED) != 0) {
                byte[] out = new byte[end - start];
                end = dialect.unescape(b, start, end, out);
                start = 0;
                b = out;
            }
            String name = new String(b, start, end - start, StandardCharsets.UTF_8);
            if (name.isEmpty()) {
                throw new MalformedDataException(display + ":" + t.absoluteLine(t.recordLine) + ": header field "
                        + (k + 1) + " is empty; every column needs a name");
            }
            Integer before = seen.putIfAbsent(name, k);
            if (before != null) {
                throw new MalformedDataException(
                        display + ":" + t.absoluteLine(t.recordLine) + ": duplicate column name '" + name
                                + "' in the header (fields " + (before + 1) + " and " + (k + 1) + ")");
            }
            names.add(name);
        }
        return names;
    }

    /** The files of the source: the list as given, or the glob's matches sorted by name. */
    private static List<FileLocation> paths(CsvSettings s) {
        if (s.globDirectory == null) {
            return s.files;
        }
        List<Path> matches = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(s.globDirectory, s.globPattern)) {
            for (Path p : stream) {
                if (Files.isRegularFile(p)) {
                    matches.add(p);
                }
            }
        } catch (NoSuchFileException e) {
            throw new SourceUnavailableException("CSV directory not found: " + s.globDirectory, e);
        } catch (IOException e) {
            throw unavailable(s.globDirectory.toString(), e);
        }
        if (matches.isEmpty()) {
            throw new SourceUnavailableException(
                    "No CSV files match '" + s.globPattern + "' in directory " + s.globDirectory);
        }
        matches.sort(null);
        return matches.stream().map(FileLocation::local).toList();
    }

    private static long regularFileSize(FileLocation location, String display) {
        if (location.localPath().isEmpty()) {
            return location.length();
        }
        Path path = location.localPath().get();
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                throw new SourceUnavailableException("CSV path is not a regular file: " + display);
            }
            return attributes.size();
        } catch (NoSuchFileException e) {
            throw new SourceUnavailableException("CSV file not found: " + display, e);
        } catch (IOException e) {
            throw unavailable(display, e);
        }
    }

    private static boolean isGzip(FileLocation location, String display, long size) {
        if (location.localPath().isEmpty()) {
            if (size < 2) {
                return false;
            }
            java.nio.ByteBuffer magic = location.read(0, 2);
            return (magic.get(0) & 0xFF) == 0x1F && (magic.get(1) & 0xFF) == 0x8B;
        }
        try (InputStream in = Files.newInputStream(location.localPath().get())) {
            return in.read() == 0x1F && in.read() == 0x8B;
        } catch (IOException e) {
            throw unavailable(display, e);
        }
    }

    static SourceUnavailableException unavailable(String display, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new SourceUnavailableException("CSV file not found: " + display, e);
        }
        return new SourceUnavailableException("Cannot read CSV file " + display + ": " + e, e);
    }

    /** The splits of a scan: one per chunk of each plain file, one per other file. */
    List<Split> splits(ScanRequest request, String batchName) {
        List<ColumnSpec> requested = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String name : request.columns()) {
            schema.require(name, batchName);
            if (!seen.add(name)) {
                throw new IllegalArgumentException("column '" + name + "' is requested twice");
            }
            requested.add(columns.stream()
                    .filter(c -> c.name().equals(name))
                    .findFirst()
                    .orElseThrow());
        }
        long total = 0;
        for (FileEntry file : files) {
            total += file.chunks() == null ? 1 : file.chunks().chunkCount();
        }
        int splitBits = total <= 1 ? 0 : 64 - Long.numberOfLeadingZeros(total - 1);
        int batchBits = 39 - splitBits;
        if (batchBits < 20) {
            throw new IllegalStateException("too many splits: " + total);
        }
        List<Split> splits = new ArrayList<>();
        int index = 0;
        for (FileEntry file : files) {
            int chunks = file.chunks() == null ? 1 : file.chunks().chunkCount();
            for (int k = 0; k < chunks; k++) {
                splits.add(new CsvSplit(this, file, k, (long) index++ << batchBits, batchBits, requested, request));
            }
        }
        return splits;
    }
}
