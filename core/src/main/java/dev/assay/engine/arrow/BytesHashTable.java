package dev.assay.engine.arrow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;

/**
 * An open-addressing table from byte-string keys (UTF-8 values, encoded compound keys) to a count and,
 * optionally, the first position. Keys live in one growing byte arena, so a value costs its bytes plus
 * about 24 bytes of table; lookups from Arrow buffers allocate nothing. Exact. Not thread-safe.
 */
final class BytesHashTable {
    private final boolean withPositions;
    private long[] hashes;
    private long[] refs; // arena offset << 24 | length; -1 for empty
    private int[] counts;
    private long[] positions;
    private int size;
    private int mask;
    private byte[] arena = new byte[1 << 16];
    private long arenaUsed;

    BytesHashTable(boolean withPositions) {
        this.withPositions = withPositions;
        allocate(1024);
    }

    private void allocate(int capacity) {
        hashes = new long[capacity];
        refs = new long[capacity];
        Arrays.fill(refs, -1L);
        counts = new int[capacity];
        positions = withPositions ? new long[capacity] : null;
        mask = capacity - 1;
        size = 0;
    }

    int size() {
        return size;
    }

    /** Counts one occurrence of the bytes [start, start+length) of {@code data}; returns the prior count. */
    int add(ArrowBuf data, int start, int length, long position) {
        long hash = Utf8.hash(data, start, length);
        int slot = (int) hash & mask;
        while (refs[slot] != -1L) {
            if (hashes[slot] == hash && equalsArena(refs[slot], data, start, length)) {
                int c = counts[slot];
                counts[slot] = c == Integer.MAX_VALUE ? c : c + 1;
                if (withPositions && position < positions[slot]) {
                    positions[slot] = position;
                }
                return c;
            }
            slot = (slot + 1) & mask;
        }
        long offset = reserve(length);
        data.getBytes(start, arena, (int) offset, length);
        insertAt(slot, hash, offset, length, 1, position);
        return 0;
    }

    /** Counts one occurrence of a heap key. */
    int add(byte[] key, int length, long position) {
        return add(key, length, 1, position);
    }

    private int add(byte[] key, int length, int increment, long position) {
        long hash = Utf8.hash(key, 0, length);
        int slot = (int) hash & mask;
        while (refs[slot] != -1L) {
            if (hashes[slot] == hash && equalsArena(refs[slot], key, length)) {
                int c = counts[slot];
                long s = (long) c + increment;
                counts[slot] = s > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) s;
                if (withPositions && position < positions[slot]) {
                    positions[slot] = position;
                }
                return c;
            }
            slot = (slot + 1) & mask;
        }
        long offset = reserve(length);
        System.arraycopy(key, 0, arena, (int) offset, length);
        insertAt(slot, hash, offset, length, increment, position);
        return 0;
    }

    /** True when the bytes are a key of the table. */
    boolean contains(ArrowBuf data, int start, int length) {
        long hash = Utf8.hash(data, start, length);
        int slot = (int) hash & mask;
        while (refs[slot] != -1L) {
            if (hashes[slot] == hash && equalsArena(refs[slot], data, start, length)) {
                return true;
            }
            slot = (slot + 1) & mask;
        }
        return false;
    }

    /** The first position of a heap key, or -1 when absent. */
    long firstPosition(byte[] key) {
        long hash = Utf8.hash(key, 0, key.length);
        int slot = (int) hash & mask;
        while (refs[slot] != -1L) {
            if (hashes[slot] == hash && equalsArena(refs[slot], key, key.length)) {
                return withPositions ? positions[slot] : 0;
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    private void insertAt(int slot, long hash, long offset, int length, int count, long position) {
        hashes[slot] = hash;
        refs[slot] = (offset << 24) | length;
        counts[slot] = count;
        if (withPositions) {
            positions[slot] = position;
        }
        if (++size > (mask + 1) * 0.6) {
            rehash();
        }
    }

    private long reserve(int length) {
        if (length >= (1 << 24)) {
            throw new IllegalArgumentException("value too long to count: " + length + " bytes");
        }
        long needed = arenaUsed + length;
        if (needed > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("more than 2 GB of distinct values");
        }
        if (needed > arena.length) {
            arena = Arrays.copyOf(arena, (int) Math.min(Integer.MAX_VALUE - 16, Math.max(needed, arena.length * 2L)));
        }
        long offset = arenaUsed;
        arenaUsed = needed;
        return offset;
    }

    private boolean equalsArena(long ref, ArrowBuf data, int start, int length) {
        int len = (int) (ref & 0xFFFFFF);
        if (len != length) {
            return false;
        }
        int off = (int) (ref >>> 24);
        for (int i = 0; i < length; i++) {
            if (arena[off + i] != data.getByte(start + i)) {
                return false;
            }
        }
        return true;
    }

    private boolean equalsArena(long ref, byte[] key, int length) {
        int len = (int) (ref & 0xFFFFFF);
        int off = (int) (ref >>> 24);
        return len == length && Arrays.equals(arena, off, off + len, key, 0, length);
    }

    private void rehash() {
        long[] oldHashes = hashes;
        long[] oldRefs = refs;
        int[] oldCounts = counts;
        long[] oldPositions = positions;
        allocate(oldRefs.length * 2);
        for (int i = 0; i < oldRefs.length; i++) {
            if (oldRefs[i] != -1L) {
                int slot = (int) oldHashes[i] & mask;
                while (refs[slot] != -1L) {
                    slot = (slot + 1) & mask;
                }
                hashes[slot] = oldHashes[i];
                refs[slot] = oldRefs[i];
                counts[slot] = oldCounts[i];
                if (withPositions) {
                    positions[slot] = oldPositions[i];
                }
                size++;
            }
        }
    }

    /** Adds every entry of {@code other}. */
    void merge(BytesHashTable other) {
        for (int i = 0; i < other.refs.length; i++) {
            if (other.refs[i] != -1L) {
                byte[] key = other.key(i);
                add(key, key.length, other.counts[i], withPositions ? other.positions[i] : 0);
            }
        }
    }

    private byte[] key(int slot) {
        long ref = refs[slot];
        int len = (int) (ref & 0xFFFFFF);
        int off = (int) (ref >>> 24);
        return Arrays.copyOfRange(arena, off, off + len);
    }

    /** Visits every entry. */
    void forEach(Visitor visitor) {
        for (int i = 0; i < refs.length; i++) {
            if (refs[i] != -1L) {
                visitor.visit(key(i), counts[i], withPositions ? positions[i] : -1);
            }
        }
    }

    /** The keys, in unsigned byte order. */
    List<byte[]> sortedKeys() {
        List<byte[]> out = new ArrayList<>(size);
        forEach((key, count, position) -> out.add(key));
        out.sort(Arrays::compareUnsigned);
        return out;
    }

    /** Receives table entries. */
    interface Visitor {
        void visit(byte[] key, int count, long firstPosition);
    }
}
