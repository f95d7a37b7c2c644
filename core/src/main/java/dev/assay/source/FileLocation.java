package dev.assay.source;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One file in a {@link FileStore}: a local file or an object in a bucket. Format readers (CSV, Parquet)
 * read files only through this interface, so a new store serves every format. Implementations are
 * thread-safe: several threads may read one file at once, each read being independent.
 *
 * <p>Every method reports failures as {@link dev.assay.error.SourceUnavailableException} (the file is
 * missing, access is denied, the store cannot be reached after retries) or {@link
 * dev.assay.error.MalformedDataException} (the file is shorter than a read needs), with the file's
 * {@link #uri()} in the message.
 */
public interface FileLocation {
    /** Where the file is, for messages and results: an absolute path or a URI such as {@code s3://bucket/key}. */
    String uri();

    /** The size of the file in bytes, as listed or, if not listed, as asked of the store. */
    long length();

    /**
     * Reads {@code length} bytes at {@code position}.
     *
     * @return a buffer positioned at 0 with exactly {@code length} bytes remaining
     */
    ByteBuffer read(long position, int length);

    /**
     * The bytes from {@code position} to the end of the file, as a stream the caller closes. Remote
     * stores stream them without reading the whole file first.
     */
    InputStream open(long position);

    /** The file at {@code path} on a local disk (never null); nothing is read until it is. */
    static FileLocation local(Path path) {
        return new LocalFileStore.LocalFile(java.util.Objects.requireNonNull(path, "path is null"));
    }

    /** The local path when the file is on a local disk, so readers may use memory maps and file channels. */
    default Optional<Path> localPath() {
        return Optional.empty();
    }

    /**
     * Reads several ranges, in the order given. Ranges closer than {@code maxGap} bytes are fetched
     * together in one read ({@linkplain ByteRange#coalesce coalesced}), so a remote store is asked once
     * for nearby column chunks. Stores may override this to fetch the coalesced reads concurrently.
     *
     * @param ranges the ranges, never null
     * @param maxGap the largest gap in bytes worth reading through to save a request
     * @return one buffer per range, each positioned at 0
     */
    default List<ByteBuffer> readRanges(List<ByteRange> ranges, long maxGap) {
        List<ByteRange> reads = ByteRange.coalesce(ranges, maxGap);
        List<ByteBuffer> fetched = new ArrayList<>(reads.size());
        for (ByteRange r : reads) {
            fetched.add(read(r.offset(), Math.toIntExact(r.length())));
        }
        return ByteRange.slice(ranges, reads, fetched);
    }
}
