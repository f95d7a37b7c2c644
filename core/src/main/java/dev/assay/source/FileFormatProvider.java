package dev.assay.source;

import java.util.List;

/**
 * A file format known by its file extensions, found with {@link java.util.ServiceLoader}: a connector
 * module lists its provider in {@code META-INF/services/dev.assay.source.FileFormatProvider}. Assets
 * declared without a {@link FileFormat} use it for the files whose names end in one of its extensions.
 * Implementations are thread-safe.
 */
public interface FileFormatProvider {
    /** The format's name for messages, e.g. {@code csv}. */
    String name();

    /** The file name endings this format reads, lower case, with the dot, e.g. {@code .csv.gz}. */
    List<String> extensions();

    /** The format with its default settings. */
    FileFormat format();
}
