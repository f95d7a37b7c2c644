package dev.assay.parquet;

import dev.assay.source.FileLocation;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;

/** A file location that counts the bytes and reads asked of it, as a remote store would be billed. */
final class CountingLocation implements FileLocation {
    private final FileLocation file;
    final AtomicLong bytes = new AtomicLong();
    final AtomicLong reads = new AtomicLong();

    CountingLocation(FileLocation file) {
        this.file = file;
    }

    @Override
    public String uri() {
        return file.uri();
    }

    @Override
    public long length() {
        return file.length();
    }

    @Override
    public ByteBuffer read(long position, int length) {
        bytes.addAndGet(length);
        reads.incrementAndGet();
        return file.read(position, length);
    }

    @Override
    public InputStream open(long position) {
        throw new UnsupportedOperationException("Parquet reads ranges, never streams");
    }
}
