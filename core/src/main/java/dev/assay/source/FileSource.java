package dev.assay.source;

import static java.util.Objects.requireNonNull;

import dev.assay.error.SourceUnavailableException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A folder of data files, from which {@linkplain #asset assets} are declared by path patterns. The
 * folder is listed each time an asset looks for its files, so new files are seen. Immutable and
 * thread-safe.
 *
 * <pre>{@code
 * FileSource files = FileSource.folder(Path.of("data"));
 * DataAsset trips = files.asset("trips", "raw/trips/year={year}/month={month}/*.csv", CsvSource::files);
 * Batch latest = trips.latestBatch();
 * }</pre>
 *
 * <p>See {@code docs/files.md}.
 */
public final class FileSource {
    private final Path folder;

    private FileSource(Path folder) {
        this.folder = folder;
    }

    /** The files under {@code folder} (never null). Nothing is read until an asset lists its files. */
    public static FileSource folder(Path folder) {
        return new FileSource(requireNonNull(folder, "folder is null"));
    }

    /** The folder, never null. */
    public Path folder() {
        return folder;
    }

    /**
     * Declares a data asset: the files whose paths relative to the folder match {@code pattern}.
     *
     * @param name the asset's name, for messages and results; never null
     * @param pattern glob-like text with {@code {name}} groups (one path segment part, no {@code /}),
     *     {@code *} (within a segment), {@code ?} and {@code **} (any depth); or a Java regex with named
     *     groups after {@code re:}. Folders named {@code key=value} add group {@code key}. Never null
     * @param format reads the files of a batch as one dataset, e.g. {@code CsvSource::files}; never null
     * @throws dev.assay.error.AssayException with {@code INVALID_CONFIGURATION} for a malformed pattern
     */
    public DataAsset asset(String name, String pattern, FileFormat format) {
        requireNonNull(name, "name is null");
        requireNonNull(pattern, "pattern is null");
        requireNonNull(format, "format is null");
        return new DataAsset(this, name, FilePattern.compile(pattern), format);
    }

    /** Every regular file under the folder, relative and with {@code /} separators, sorted. */
    List<String> list() {
        if (!Files.isDirectory(folder)) {
            throw new SourceUnavailableException("folder not found: " + folder);
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile)
                    .map(p -> relative(folder.relativize(p)))
                    .sorted()
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            throw new SourceUnavailableException("cannot list folder " + folder + ": " + e.getMessage(), e);
        }
    }

    private static String relative(Path path) {
        StringBuilder out = new StringBuilder();
        for (Path part : path) {
            if (out.length() > 0) {
                out.append('/');
            }
            out.append(part);
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return "FileSource[" + folder + "]";
    }
}
