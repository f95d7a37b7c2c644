package dev.assay.source;

import java.nio.file.Path;
import java.util.List;

/**
 * Reads a list of files as one {@link Batch}: how a {@link DataAsset} turns the files of a batch request
 * into data. Connectors provide it, e.g. {@code CsvSource::files}. Implementations are thread-safe.
 */
@FunctionalInterface
public interface FileFormat {
    /**
     * The files as one batch, rows in file order.
     *
     * @param files the files, never null or empty, in a stable sorted order
     * @return the batch, never null
     */
    Batch open(List<Path> files);
}
