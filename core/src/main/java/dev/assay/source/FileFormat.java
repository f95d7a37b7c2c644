package dev.assay.source;

import java.util.List;

/**
 * Reads a list of files as one {@link Batch}: how a {@link FileAsset} turns the files of a batch request
 * into data. Connectors provide it, e.g. {@code CsvSource::locations} or {@code ParquetSource::locations};
 * an asset declared without one picks it by file extension from the {@link FileFormatProvider}s on the
 * class path. Implementations are thread-safe.
 */
@FunctionalInterface
public interface FileFormat {
    /**
     * The files as one batch, rows in file order.
     *
     * @param files the files, never null or empty, in a stable sorted order
     * @return the batch, never null
     */
    Batch open(List<FileLocation> files);
}
