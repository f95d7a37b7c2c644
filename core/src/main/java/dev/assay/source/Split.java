package dev.assay.source;

/**
 * One independently readable part of a batch (a byte range of a file, a row group, a file).
 *
 * <p>A split is read by one thread at a time.
 */
public interface Split {
    /**
     * Reads the split, handing each record batch to {@code sink} in order. Vectors belong to the
     * split and may be reused after {@code sink} returns; the split frees them before returning.
     *
     * @throws dev.assay.error.MalformedDataException naming file, line and column when the data is bad
     * @throws dev.assay.error.SourceUnavailableException when the data cannot be read
     */
    void read(BatchSink sink);
}
