package dev.assay.source;

import java.util.List;
import java.util.Locale;
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
}
