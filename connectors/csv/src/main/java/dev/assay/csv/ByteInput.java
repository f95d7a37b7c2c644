package dev.assay.csv;

import dev.assay.source.FileLocation;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.zip.GZIPInputStream;

/** A forward-only source of raw bytes: a plain file from an offset, or a gzip stream. Not thread-safe. */
interface ByteInput extends Closeable {
    /**
     * Reads up to {@code len} bytes into {@code b} at {@code off}.
     *
     * @return the number of bytes read, at least 1, or -1 at the end of the input
     */
    int read(byte[] b, int off, int len) throws IOException;

    /** Opens a plain file at byte {@code offset}. */
    static ByteInput file(FileLocation location, long offset) throws IOException {
        if (location.localPath().isPresent()) {
            return new FileInput(FileChannel.open(location.localPath().get(), StandardOpenOption.READ), offset);
        }
        return new StreamInput(location.open(offset));
    }

    /** Opens a gzip file (one or more members) from its start. */
    static ByteInput gzip(FileLocation location) throws IOException {
        InputStream raw = location.localPath().isPresent()
                ? java.nio.file.Files.newInputStream(location.localPath().get())
                : location.open(0);
        try {
            return new StreamInput(new GZIPInputStream(new BufferedInputStream(raw, 1 << 16), 1 << 16));
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /** Positional reads from a channel; the channel is not shared. */
    final class FileInput implements ByteInput {
        private final FileChannel channel;
        private long position;

        FileInput(FileChannel channel, long position) {
            this.channel = channel;
            this.position = position;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            ByteBuffer target = ByteBuffer.wrap(b, off, len);
            while (target.hasRemaining()) {
                int n = channel.read(target, position + target.position() - off);
                if (n < 0) {
                    break;
                }
            }
            int read = target.position() - off;
            position += read;
            return read == 0 ? -1 : read;
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    /** Reads from a stream, filling as much of the request as the stream gives. */
    final class StreamInput implements ByteInput {
        private final InputStream in;

        StreamInput(InputStream in) {
            this.in = in;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int total = 0;
            while (total < len) {
                int n = in.read(b, off + total, len - total);
                if (n < 0) {
                    break;
                }
                total += n;
            }
            return total == 0 ? -1 : total;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
