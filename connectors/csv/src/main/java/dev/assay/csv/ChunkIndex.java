package dev.assay.csv;

import dev.assay.error.SourceUnavailableException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Where each fixed-size chunk of a plain CSV file starts: the quote state and the line number at the
 * chunk's first byte. Under RFC 4180 quoting every quote character toggles the quoted state (a doubled
 * quote toggles twice), so the state at a byte is the parity of the quote characters before it.
 *
 * <p>A split needs the quote state of its chunk to find its first record, so the quote parity of each
 * chunk is computed the first time a later split needs it, by whichever thread asks, and kept: splits
 * read in order on N threads share the counting instead of waiting for one pass over the whole file.
 * Line numbers are only needed for messages, so line feeds are counted only when a message or bad cell
 * asks. Thread-safe; a chunk counted twice by a race gets the same answer.
 */
final class ChunkIndex {
    private static final int READ_SIZE = 1 << 20;
    private static final long UNKNOWN = -1;

    private final Path path;
    private final long dataStart;
    private final long size;
    private final long chunkSize;
    private final byte quote;
    /** Per chunk: the parity of its quote characters (0 or 1), or {@link #UNKNOWN}. */
    private final AtomicLongArray quoteParity;
    /** Per chunk: its line feeds, or {@link #UNKNOWN}. */
    private final AtomicLongArray lineFeeds;
    /** Per chunk: the offset of its first record, once the split before it has read up to it, or {@link #UNKNOWN}. */
    private final AtomicLongArray firstRecords;
    /** The quote state at the start of chunk j, for j below {@link #known}. */
    private final boolean[] inQuotes;

    private int known = 1;

    ChunkIndex(Path path, long dataStart, long size, long chunkSize, byte quote) {
        this.path = path;
        this.dataStart = dataStart;
        this.size = size;
        this.chunkSize = chunkSize;
        this.quote = quote;
        int n = chunkCount(dataStart, size, chunkSize);
        this.quoteParity = unknown(n);
        this.lineFeeds = unknown(n);
        this.firstRecords = unknown(n);
        this.inQuotes = new boolean[n + 1];
    }

    private static AtomicLongArray unknown(int n) {
        AtomicLongArray array = new AtomicLongArray(n);
        for (int i = 0; i < n; i++) {
            array.set(i, UNKNOWN);
        }
        return array;
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
        return quoteParity.length();
    }

    /** The file offset of chunk {@code k}'s first byte. */
    long chunkStart(int k) {
        return dataStart + k * chunkSize;
    }

    /** The file offset where chunk {@code k} ends, or {@link Long#MAX_VALUE} for the last chunk. */
    long chunkEnd(int k) {
        return k + 1 == chunkCount() ? Long.MAX_VALUE : chunkStart(k + 1);
    }

    /**
     * Records where chunk {@code k}'s first record starts, as found by the split of chunk {@code k - 1}
     * when it stopped there, so that a split that starts later needs neither quote counts nor a search.
     */
    void firstRecordFound(int k, long offset) {
        if (k < chunkCount()) {
            firstRecords.set(k, offset);
        }
    }

    /** Where chunk {@code k}'s first record starts, if the split before it has finished; else -1. */
    long firstRecord(int k) {
        return firstRecords.get(k);
    }

    /**
     * The line number of the byte at {@code offset} in chunk {@code k}.
     *
     * @param firstLine the line number at {@link #chunkStart chunkStart(0)}
     */
    long line(int k, long offset, long firstLine) {
        long from = chunkStart(k);
        return line(k, firstLine) + scan(from, offset, true);
    }

    /**
     * Whether chunk {@code k}'s first byte is inside a quoted field. Counts the chunks before it that no
     * one has counted yet (outside any lock, so threads count different chunks at once).
     */
    boolean inQuotes(int k) {
        int from;
        synchronized (this) {
            if (k < known) {
                return inQuotes[k];
            }
            from = known - 1;
        }
        for (int j = from; j < k; j++) {
            if (quoteParity.get(j) == UNKNOWN) {
                quoteParity.set(j, scan(j, false));
            }
        }
        synchronized (this) {
            for (int j = known; j <= k; j++) {
                inQuotes[j] = inQuotes[j - 1] ^ (quoteParity.get(j - 1) == 1);
            }
            known = Math.max(known, k + 1);
            return inQuotes[k];
        }
    }

    /**
     * The line number of chunk {@code k}'s first byte, counting the line feeds of the chunks before it.
     *
     * @param firstLine the line number at {@link #chunkStart chunkStart(0)}
     */
    long line(int k, long firstLine) {
        long line = firstLine;
        for (int j = 0; j < k; j++) {
            long count = lineFeeds.get(j);
            if (count == UNKNOWN) {
                count = scan(j, true);
                lineFeeds.set(j, count);
            }
            line += count;
        }
        return line;
    }

    /** The line feeds of chunk {@code k}, or the parity of its quote characters. */
    private long scan(int k, boolean lines) {
        long from = chunkStart(k);
        return scan(from, Math.min(size, from + chunkSize), lines);
    }

    /** The line feeds in bytes {@code [from, to)}, or the parity of their quote characters. */
    private long scan(long from, long to, boolean lines) {
        byte[] bytes = new byte[(int) Math.min(READ_SIZE, Math.max(8, to - from))];
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        byte target = lines ? (byte) '\n' : quote;
        long pattern = ByteSearch.broadcast(target);
        long count = 0;
        long parity = 0;
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long at = from;
            while (at < to) {
                buffer.clear().limit((int) Math.min(bytes.length, to - at));
                int n = 0;
                while (buffer.hasRemaining()) {
                    int r = channel.read(buffer, at + n);
                    if (r < 0) {
                        throw new SourceUnavailableException("CSV file " + path + " became shorter while it was read");
                    }
                    n += r;
                }
                int i = 0;
                if (lines) {
                    for (; i + 8 <= n; i += 8) {
                        count += Long.bitCount(ByteSearch.zeroBytes(ByteSearch.word(bytes, i) ^ pattern));
                    }
                } else {
                    // The parity of all matches is the parity of the XOR of the per-word match masks.
                    for (; i + 8 <= n; i += 8) {
                        parity ^= ByteSearch.zeroBytes(ByteSearch.word(bytes, i) ^ pattern);
                    }
                }
                for (; i < n; i++) {
                    if (bytes[i] == target) {
                        count++;
                    }
                }
                at += n;
            }
        } catch (IOException e) {
            throw new SourceUnavailableException("Cannot read CSV file " + path + ": " + e.getMessage(), e);
        }
        return lines ? count : (count + Long.bitCount(parity)) & 1;
    }
}
