package dev.assay.csv;

import dev.assay.error.SourceUnavailableException;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Where each fixed-size chunk of a plain CSV file starts: the quote state and the line number at the
 * chunk's first byte. Under RFC 4180 quoting every quote character toggles the quoted state (a doubled
 * quote toggles twice), so the state at a byte is the parity of the quote characters before it.
 *
 * <p>Each chunk's counts (quote characters, line feeds) are computed the first time a later split needs
 * them, by whichever thread asks, and kept: splits read in order on N threads share the counting
 * instead of waiting for one pass over the whole file. Thread-safe; a chunk counted twice by a race
 * gets the same answer.
 */
final class ChunkIndex {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;
    private static final long ONES = 0x0101010101010101L;
    private static final int READ_SIZE = 1 << 20;
    private static final long UNKNOWN = -1;

    private final Path path;
    private final long dataStart;
    private final long size;
    private final long chunkSize;
    private final byte quote;
    /** Per chunk: line feeds << 1 | quote parity, or {@link #UNKNOWN}. */
    private final AtomicLongArray counts;

    ChunkIndex(Path path, long dataStart, long size, long chunkSize, byte quote) {
        this.path = path;
        this.dataStart = dataStart;
        this.size = size;
        this.chunkSize = chunkSize;
        this.quote = quote;
        this.counts = new AtomicLongArray(chunkCount(dataStart, size, chunkSize));
        for (int i = 0; i < counts.length(); i++) {
            counts.set(i, UNKNOWN);
        }
    }

    /** The number of chunks of the data bytes {@code [dataStart, size)}: at least 1. */
    static int chunkCount(long dataStart, long size, long chunkSize) {
        long bytes = Math.max(0, size - dataStart);
        long n = Math.max(1, (bytes + chunkSize - 1) / chunkSize);
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("too many chunks: " + n);
        }
        return (int) n;
    }

    int chunkCount() {
        return counts.length();
    }

    /** The file offset of chunk {@code k}'s first byte. */
    long chunkStart(int k) {
        return dataStart + k * chunkSize;
    }

    /** The file offset where chunk {@code k} ends, or {@link Long#MAX_VALUE} for the last chunk. */
    long chunkEnd(int k) {
        return k + 1 == counts.length() ? Long.MAX_VALUE : chunkStart(k + 1);
    }

    /**
     * The state at chunk {@code k}'s first byte.
     *
     * @param firstLine the line number at {@link #chunkStart chunkStart(0)}
     */
    Start start(int k, long firstLine) {
        long lines = 0;
        int parity = 0;
        for (int j = 0; j < k; j++) {
            long c = counts.get(j);
            if (c == UNKNOWN) {
                c = count(j);
                counts.set(j, c);
            }
            lines += c >>> 1;
            parity ^= (int) (c & 1);
        }
        return new Start(parity == 1, firstLine + lines);
    }

    /** The quote state and line number at a chunk's first byte. */
    record Start(boolean inQuotes, long line) {}

    private long count(int k) {
        long from = chunkStart(k);
        long to = Math.min(size, from + chunkSize);
        byte[] bytes = new byte[READ_SIZE];
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        long quoteWord = ONES * (quote & 0xFF);
        long lfWord = ONES * '\n';
        long lines = 0;
        long quotes = 0;
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long at = from;
            while (at < to) {
                buffer.clear().limit((int) Math.min(READ_SIZE, to - at));
                int n = 0;
                while (buffer.hasRemaining()) {
                    int r = channel.read(buffer, at + n);
                    if (r < 0) {
                        throw new SourceUnavailableException("CSV file " + path + " became shorter while it was read");
                    }
                    n += r;
                }
                int i = 0;
                for (; i + 8 <= n; i += 8) {
                    long word = (long) LONGS.get(bytes, i);
                    lines += Long.bitCount(zeroBytes(word ^ lfWord));
                    quotes += Long.bitCount(zeroBytes(word ^ quoteWord));
                }
                for (; i < n; i++) {
                    if (bytes[i] == '\n') {
                        lines++;
                    } else if (bytes[i] == quote) {
                        quotes++;
                    }
                }
                at += n;
            }
        } catch (IOException e) {
            throw new SourceUnavailableException("Cannot read CSV file " + path + ": " + e.getMessage(), e);
        }
        return lines << 1 | (quotes & 1);
    }

    /** The high bit of each byte of the result is set where that byte of {@code x} is zero. */
    private static long zeroBytes(long x) {
        long t = (x & LOW7) + LOW7;
        return ~(t | x | LOW7);
    }
}
