package dev.assay.source;

import static java.util.Objects.requireNonNull;

import dev.assay.error.AssayException;
import dev.assay.error.ErrorCode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/** The {@link FileFormatProvider}s on the class path, looked up by file name. */
public final class FileFormats {
    private FileFormats() {}

    /** Every provider found. */
    public static List<FileFormatProvider> providers() {
        return ServiceLoader.load(FileFormatProvider.class, FileFormats.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get)
                .toList();
    }

    /** The provider whose longest extension ends {@code fileName} (case-insensitive), if any. */
    public static Optional<FileFormatProvider> forFile(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        FileFormatProvider best = null;
        int bestLength = 0;
        for (FileFormatProvider p : providers()) {
            for (String ext : p.extensions()) {
                if (name.endsWith(ext) && ext.length() > bestLength) {
                    best = p;
                    bestLength = ext.length();
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** The known formats and their extensions, for messages, e.g. {@code csv (.csv, .tsv)}. */
    public static String describe() {
        List<FileFormatProvider> all = providers();
        if (all.isEmpty()) {
            return "none (add a connector module such as assay-csv or assay-parquet to the class path)";
        }
        return all.stream()
                .map(p -> p.name() + " (" + String.join(", ", p.extensions()) + ")")
                .collect(Collectors.joining(", "));
    }

    /** A format that reads each batch in the format its files' extensions name. */
    public static ByExtension byExtension() {
        return new ByExtension(Map.of());
    }

    /**
     * Reads each batch in the format its files' extensions name, through the {@link FileFormatProvider}s
     * on the class path, with chosen formats replaced (e.g. CSV with a semicolon delimiter). A {@link
     * FileAsset} with this format matches only files of a known format. Immutable and thread-safe.
     */
    public static final class ByExtension implements FileFormat {
        private final Map<String, FileFormat> overrides;

        private ByExtension(Map<String, FileFormat> overrides) {
            this.overrides = Map.copyOf(overrides);
        }

        /** This format reading files of format {@code name} (e.g. {@code csv}) with {@code format} instead. */
        public ByExtension with(String name, FileFormat format) {
            Map<String, FileFormat> copy = new java.util.HashMap<>(overrides);
            copy.put(requireNonNull(name, "name is null"), requireNonNull(format, "format is null"));
            return new ByExtension(copy);
        }

        /** The name of the format of {@code fileName}, or empty when no provider knows its extension. */
        public Optional<String> formatName(String fileName) {
            return forFile(fileName).map(FileFormatProvider::name);
        }

        /**
         * Opens the files in their format.
         *
         * @throws AssayException with {@code INVALID_CONFIGURATION} when no format knows a file, or the
         *     files are of different formats
         */
        @Override
        public Batch open(List<FileLocation> files) {
            Map<String, String> example = new LinkedHashMap<>();
            FileFormatProvider provider = null;
            for (FileLocation f : files) {
                FileFormatProvider p = forFile(f.uri())
                        .orElseThrow(() -> new AssayException(
                                ErrorCode.INVALID_CONFIGURATION,
                                "no format reads " + f.uri() + "; known formats: " + describe()));
                example.putIfAbsent(p.name(), f.uri());
                provider = provider == null ? p : provider;
            }
            if (example.size() > 1) {
                throw new AssayException(
                        ErrorCode.INVALID_CONFIGURATION,
                        "the files of one batch are of different formats ("
                                + example.entrySet().stream()
                                        .map(e -> e.getValue() + " is " + e.getKey())
                                        .collect(Collectors.joining(", "))
                                + ")");
            }
            FileFormat chosen = overrides.get(provider.name());
            return (chosen != null ? chosen : provider.format()).open(files);
        }

        @Override
        public String toString() {
            return "ByExtension" + overrides.keySet();
        }
    }
}
