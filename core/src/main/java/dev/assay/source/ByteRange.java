package dev.assay.source;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A range of bytes in a file.
 *
 * @param offset the first byte, at least 0
 * @param length the number of bytes, at least 0
 */
public record ByteRange(long offset, long length) {
    /** The largest range one read may cover. */
    public static final long MAX_READ = Integer.MAX_VALUE - 64;

    public ByteRange {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("bad byte range: offset " + offset + ", length " + length);
        }
    }

    /** The offset after the last byte. */
    public long end() {
        return offset + length;
    }

    /**
     * The reads that cover {@code ranges}: sorted by offset, overlapping ranges and ranges at most {@code
     * maxGap} bytes apart merged, no read longer than {@link #MAX_READ} unless one range alone is.
     */
    public static List<ByteRange> coalesce(List<ByteRange> ranges, long maxGap) {
        List<ByteRange> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.comparingLong(ByteRange::offset).thenComparingLong(ByteRange::length));
        List<ByteRange> out = new ArrayList<>();
        long start = -1;
        long end = -1;
        for (ByteRange r : sorted) {
            if (start >= 0 && r.offset() - end <= maxGap && Math.max(end, r.end()) - start <= MAX_READ) {
                end = Math.max(end, r.end());
                continue;
            }
            if (start >= 0) {
                out.add(new ByteRange(start, end - start));
            }
            start = r.offset();
            end = r.end();
        }
        if (start >= 0) {
            out.add(new ByteRange(start, end - start));
        }
        return out;
    }

    /**
     * The bytes of each of {@code ranges}, cut from the buffers of {@code reads} (which must cover them,
     * as {@link #coalesce} makes them). Each slice is positioned at 0.
     */
    public static List<ByteBuffer> slice(List<ByteRange> ranges, List<ByteRange> reads, List<ByteBuffer> fetched) {
        List<ByteBuffer> out = new ArrayList<>(ranges.size());
        for (ByteRange r : ranges) {
            int k = covering(reads, r);
            ByteBuffer whole = fetched.get(k).duplicate();
            int from = Math.toIntExact(r.offset() - reads.get(k).offset());
            whole.position(from).limit(from + Math.toIntExact(r.length()));
            out.add(whole.slice());
        }
        return out;
    }

    private static int covering(List<ByteRange> reads, ByteRange r) {
        int lo = 0;
        int hi = reads.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (reads.get(mid).offset() <= r.offset()) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        ByteRange read = reads.get(lo);
        if (read.offset() > r.offset() || read.end() < r.end()) {
            throw new IllegalArgumentException("no read covers " + r);
        }
        return lo;
    }
}
