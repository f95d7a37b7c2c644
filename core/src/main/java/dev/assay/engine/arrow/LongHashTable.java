package dev.assay.engine.arrow;

import java.util.Arrays;

/**
 * An open-addressing table from long keys to a count and, optionally, the position of the first
 * occurrence. About 12 bytes per slot (20 with positions) at a load factor of at most 0.6; exact.
 * Not thread-safe.
 */
final class LongHashTable {
    private static final int EMPTY = 0;

    private final boolean withPositions;
    private long[] keys;
    private int[] counts; // 0 marks an empty slot
    private long[] positions;
    private int size;
    private int mask;

    LongHashTable(boolean withPositions) {
        this.withPositions = withPositions;
        allocate(1024);
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        counts = new int[capacity];
        positions = withPositions ? new long[capacity] : null;
        mask = capacity - 1;
        size = 0;
    }

    int size() {
        return size;
    }

    /**
     * Counts one occurrence of {@code key} at {@code position}.
     *
     * @return the count before this occurrence (0 for a new key)
     */
    int add(long key, long position) {
        return add(key, 1, position);
    }

    private int add(long key, int increment, long position) {
        int slot = (int) Utf8.mix(key) & mask;
        while (true) {
            int c = counts[slot];
            if (c == EMPTY) {
                keys[slot] = key;
                counts[slot] = increment;
                if (withPositions) {
                    positions[slot] = position;
                }
                if (++size > (mask + 1) * 0.6) {
                    grow();
                }
                return 0;
            }
            if (keys[slot] == key) {
                counts[slot] = saturatedAdd(c, increment);
                if (withPositions && position < positions[slot]) {
                    positions[slot] = position;
                }
                return c;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** The first position of {@code key}, or -1 when absent (or positions are not kept). */
    long firstPosition(long key) {
        int slot = (int) Utf8.mix(key) & mask;
        while (counts[slot] != EMPTY) {
            if (keys[slot] == key) {
                return withPositions ? positions[slot] : 0;
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    boolean contains(long key) {
        int slot = (int) Utf8.mix(key) & mask;
        while (counts[slot] != EMPTY) {
            if (keys[slot] == key) {
                return true;
            }
            slot = (slot + 1) & mask;
        }
        return false;
    }

    private static int saturatedAdd(int a, int b) {
        long s = (long) a + b;
        return s > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) s;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldCounts = counts;
        long[] oldPositions = positions;
        allocate(oldKeys.length * 2);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldCounts[i] != EMPTY) {
                add(oldKeys[i], oldCounts[i], withPositions ? oldPositions[i] : 0);
            }
        }
    }

    /** Adds every entry of {@code other}; the first position of a key is the smaller one. */
    void merge(LongHashTable other) {
        for (int i = 0; i < other.keys.length; i++) {
            if (other.counts[i] != EMPTY) {
                add(other.keys[i], other.counts[i], withPositions ? other.positions[i] : 0);
            }
        }
    }

    /** Visits every entry. */
    void forEach(Visitor visitor) {
        for (int i = 0; i < keys.length; i++) {
            if (counts[i] != EMPTY) {
                visitor.visit(keys[i], counts[i], withPositions ? positions[i] : -1);
            }
        }
    }

    /** The keys, sorted. */
    long[] sortedKeys() {
        long[] out = new long[size];
        int j = 0;
        for (int i = 0; i < keys.length; i++) {
            if (counts[i] != EMPTY) {
                out[j++] = keys[i];
            }
        }
        Arrays.sort(out);
        return out;
    }

    /** Receives table entries. */
    interface Visitor {
        void visit(long key, int count, long firstPosition);
    }
}
