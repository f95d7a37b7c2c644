package dev.assay.csv;

import static java.util.Objects.requireNonNull;

import dev.assay.error.AssayException;
import dev.assay.error.ErrorCode;
import dev.assay.error.SourceUnavailableException;
import dev.assay.source.Batch;
import dev.assay.source.BatchRequest;
import dev.assay.source.FileFormat;
import dev.assay.source.FileFormatProvider;
import dev.assay.source.FileFormats;
import dev.assay.source.FileSource;
import dev.assay.source.FileStores;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Data named as a user writes it on a command line or in a build file — a file, a glob ({@code
 * data/trips-*.csv}), a folder or a URI such as {@code s3://bucket/prefix/} — read as one batch: CSV and
 * Parquet (and any other format on the class path) by extension, a file of an unknown extension as CSV.
 * One reading for {@code assay validate} and the Maven plugin's {@code validate} goal. Stateless.
 */
public final class DataLocations {
    private DataLocations() {}

    /**
     * How to read the data.
     *
     * @param format a format's name ({@code csv}, {@code parquet}) that overrides the extensions, or null
     * @param formatSetting how the user sets {@code format} ({@code --input-format}, {@code <inputFormat>}), for
     *     the message about an unknown one
     * @param storeOptions settings of a remote store, such as {@code s3.endpoint}
     * @param csv the CSV settings (delimiter, null tokens, bad rows), applied to every CSV source
     */
    public record Options(
            String format, String formatSetting, Map<String, String> storeOptions, UnaryOperator<CsvSource> csv) {
        public Options {
            requireNonNull(formatSetting, "formatSetting is null");
            storeOptions = Map.copyOf(requireNonNull(storeOptions, "storeOptions is null"));
            requireNonNull(csv, "csv is null");
            format = format == null ? null : format.toLowerCase(Locale.ROOT);
        }

        /** Every format by extension, CSV with its defaults, no store settings. */
        public static Options defaults(String formatSetting) {
            return new Options(null, formatSetting, Map.of(), UnaryOperator.identity());
        }
    }

    /**
     * The whole of the data at {@code location} as one batch.
     *
     * @param given the data as the user gave it, which names a glob's batch and appears in messages
     * @param location where it is: {@code given}, or {@code given} resolved against a folder
     * @throws SourceUnavailableException when a single local file does not exist
     * @throws AssayException with {@code INVALID_CONFIGURATION} for an unknown format
     */
    public static Batch batch(String given, String location, Options options) {
        requireNonNull(given, "given is null");
        requireNonNull(location, "location is null");
        requireNonNull(options, "options is null");
        boolean remote = FileStores.scheme(location) != null;
        FileStores.Location split = FileStores.split(location);
        boolean single = split.pattern().chars().noneMatch(c -> "*?[{".indexOf(c) >= 0);
        String byName = FileFormats.forFile(split.pattern())
                .map(FileFormatProvider::name)
                .orElse(null);
        String format = options.format();
        if (format == null && single && !split.pattern().equals("**") && byName == null) {
            format = "csv"; // one file of another name (trips.txt): CSV
        }
        if (!remote && single && !Files.exists(Path.of(location))) {
            throw new SourceUnavailableException(
                    "file not found: " + given + (given.equals(location) ? "" : " (" + location + ")"));
        }
        String csvOrNot = format != null ? format : byName;
        if (!remote && "csv".equals(csvOrNot) && !split.pattern().contains("/")) {
            // A local CSV file or a glob over one folder: the CSV reader's own, more specific messages.
            CsvSource csv = CsvSource.of(location);
            return options.csv().apply(single || given.equals(location) ? csv : csv.named(given));
        }
        String name = split.pattern().equals("**") ? lastSegment(split.root()) : split.pattern();
        return FileSource.at(split.root(), options.storeOptions())
                .asset(name, split.pattern(), format(format, options.csv(), options.formatSetting()))
                .batch(BatchRequest.all());
    }

    /**
     * The format {@code options} name ({@link Options#format()}), or every format by extension; CSV read with
     * the options' CSV settings either way. For a file asset over the data.
     */
    public static FileFormat format(Options options) {
        return format(options.format(), options.csv(), options.formatSetting());
    }

    private static FileFormat format(String name, UnaryOperator<CsvSource> settings, String formatSetting) {
        FileFormat csv = files -> settings.apply(CsvSource.locations(files));
        if (name == null) {
            return FileFormats.byExtension().with("csv", csv);
        }
        if (name.equals("csv")) {
            return csv;
        }
        return FileFormats.providers().stream()
                .filter(p -> p.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssayException(
                        ErrorCode.INVALID_CONFIGURATION,
                        formatSetting + " must be one of "
                                + FileFormats.providers().stream()
                                        .map(FileFormatProvider::name)
                                        .toList()
                                + ", got '" + name + "'"))
                .format();
    }

    /**
     * A folder's name, for the asset of a whole folder: {@code trips} for {@code data/trips/} or {@code
     * s3://bucket/trips/}; {@code files} when it has none.
     */
    public static String lastSegment(String root) {
        String trimmed =
                root.endsWith("/") || root.endsWith(File.separator) ? root.substring(0, root.length() - 1) : root;
        String name =
                trimmed.substring(Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf(File.separatorChar)) + 1);
        return name.isEmpty() || name.equals(".") ? "files" : name;
    }
}
