package dev.assay.engine.arrow;

import java.util.Arrays;

/**
 * An open-addressing table from long keys to one long value (non-zero for a present key). Exact. Not
 * thread-safe.
 *
 * <p>Two uses: counting ({@link #addCount}), and tracking occurrences for uniqueness
 * ({@link #addOccurrence}: the value packs the first position and a "seen more than once" flag, so a
 * key costs one 16-byte slot, not a count and a position).
 *
 * <p>The table is split into 256 partitions by the top bits of the key's hash. Each partition grows on
 * its own, so growing never copies the whole table at once, and merging goes partition by partition,
 * freeing each merged-away partition before the next: peak memory stays close to the size of the
 * result. Key and value sit side by side, so a probe touches one cache line; load stays at most 0.75.
 */
final class LongHashTable {
    private static final int PARTITION_BITS = 8;
    private static final int PARTITIONS = 1 << PARTITION_BITS;
    private static final double MAX_LOAD = 0.75;
    private static final long REPEATED = 1L << 63;

    private final Partition[] parts = new Partition[PARTITIONS];
    private int size;

    LongHashTable() {
        for (int p = 0; p < PARTITIONS; p++) {
            parts[p] = new Partition(16);
        }
    }

    int size() {
        return size;
    }

    private Partition partition(long hash) {
        return parts[(int) (hash >>> (64 - PARTITION_BITS))];
    }

    /** Counts one occurrence of {@code key}; returns the count before it. */
    long addCount(long key) {
        long h = Utf8.mix(key);
        Partition part = partition(h);
        int base = part.findOrInsert(key, h);
        long prior = part.slots[base + 1];
        part.slots[base + 1] = prior + 1;
        if (prior == 0) {
            size++;
            part.afterInsert();
        }
        return prior;
    }

    /**
     * Records an occurrence of {@code key} at {@code position} (a non-negative long).
     *
     * @return 0 for the first occurrence, 1 when the key had been seen once, 2 when more than once
     */
    int addOccurrence(long key, long position) {
        long h = Utf8.mix(key);
        Partition part = partition(h);
        int base = part.findOrInsert(key, h);
        long v = part.slots[base + 1];
        if (v == 0) {
            part.slots[base + 1] = position + 1;
            size++;
            part.afterInsert();
            return 0;
        }
        long first = Math.min((v & ~REPEATED) - 1, position);
        part.slots[base + 1] = (first + 1) | REPEATED;
        return (v & REPEATED) != 0 ? 2 : 1;
    }

    private long[] scratchKeys = new long[0];
    private long[] scratchPositions = new long[0];
    private long[] scratchHashes = new long[0];
    private int[] scratchIndex = new int[0];
    private final int[] partitionStarts = new int[PARTITIONS + 1];

    /**
     * Records occurrences of {@code n} keys at once, as {@link #addOccurrence} does for each: the keys
     * are first grouped by partition, so the inserts of one partition hit a table small enough to stay
     * in cache instead of jumping across the whole table.
     *
     * @param prior receives, per input index, 0 (first occurrence), 1 (seen once) or 2 (seen more)
     */
    void addOccurrences(long[] keys, long[] positions, int n, byte[] prior) {
        if (scratchKeys.length < n) {
            scratchKeys = new long[n];
            scratchPositions = new long[n];
            scratchHashes = new long[n];
            scratchIndex = new int[n];
        }
        int[] starts = partitionStarts;
        Arrays.fill(starts, 0);
        for (int i = 0; i < n; i++) {
            starts[(int) (Utf8.mix(keys[i]) >>> (64 - PARTITION_BITS)) + 1]++;
        }
        for (int p = 0; p < PARTITIONS; p++) {
            starts[p + 1] += starts[p];
        }
        for (int i = 0; i < n; i++) {
            long h = Utf8.mix(keys[i]);
            int at = starts[(int) (h >>> (64 - PARTITION_BITS))]++;
            scratchKeys[at] = keys[i];
            scratchPositions[at] = positions[i];
            scratchHashes[at] = h;
            scratchIndex[at] = i;
        }
        // starts[p] now holds the end of partition p; partition p begins where p - 1 ended.
        int begin = 0;
        for (int p = 0; p < PARTITIONS; p++) {
            int end = starts[p];
            Partition part = parts[p];
            for (int j = begin; j < end; j++) {
                int base = part.findOrInsert(scratchKeys[j], scratchHashes[j]);
                long v = part.slots[base + 1];
                long position = scratchPositions[j];
                if (v == 0) {
                    part.slots[base + 1] = position + 1;
                    size++;
                    part.afterInsert();
                    prior[scratchIndex[j]] = 0;
                } else {
                    long first = Math.min((v & ~REPEATED) - 1, position);
                    part.slots[base + 1] = (first + 1) | REPEATED;
                    prior[scratchIndex[j]] = (byte) ((v & REPEATED) != 0 ? 2 : 1);
                }
            }
            begin = end;
        }
    }

    /** The first position of an occurrence value. */
    static long firstPosition(long value) {
        return (value & ~REPEATED) - 1;
    }

    /** True when an occurrence value says the key was seen more than once. */
    static boolean repeated(long value) {
        return (value & REPEATED) != 0;
    }

    /** An occurrence value for a key first seen at {@code position}, repeated or not. */
    static long occurrence(long position, boolean repeated) {
        return (position + 1) | (repeated ? REPEATED : 0);
    }

    /** Sets the value of {@code key}, which must not be 0. */
    void put(long key, long value) {
        long h = Utf8.mix(key);
        Partition part = partition(h);
        int base = part.findOrInsert(key, h);
        boolean added = part.slots[base + 1] == 0;
        part.slots[base + 1] = value;
        if (added) {
            size++;
            part.afterInsert();
        }
    }

    /** The value of {@code key}, or 0 when absent. */
    long get(long key) {
        long h = Utf8.mix(key);
        Partition part = partition(h);
        int base = part.find(key, h);
        return base < 0 ? 0 : part.slots[base + 1];
    }

    boolean contains(long key) {
        return get(key) != 0;
    }

    /** Combines the values of a key present in both tables of a merge. */
    interface Combiner {
        long combine(long key, long mine, long theirs);
    }

    /** Moves every entry of {@code other} into this table, which is emptied; shared keys combine. */
    void merge(LongHashTable other, Combiner combiner) {
        for (int p = 0; p < PARTITIONS; p++) {
            Partition mine = parts[p];
            Partition theirs = other.parts[p];
            boolean swapped = theirs.size > mine.size;
            if (swapped) {
                parts[p] = theirs;
                Partition t = mine;
                mine = theirs;
                theirs = t;
            }
            other.parts[p] = new Partition(16);
            mine.reserve(mine.size + theirs.size);
            long[] from = theirs.slots;
            int capacity = from.length >> 1;
            for (int i = 0; i < capacity; i++) {
                // Visit the slots in a scrambled order: inserting another table's entries in hash order
                // piles them onto the ends of this table's probe runs (quadratic with linear probing).
                int base = (int) ((i * 0x9E3779B1L) & (capacity - 1)) << 1;
                long v = from[base + 1];
                if (v == 0) {
                    continue;
                }
                long key = from[base];
                long h = Utf8.mix(key);
                int at = mine.findOrInsert(key, h);
                long existing = mine.slots[at + 1];
                if (existing == 0) {
                    mine.slots[at + 1] = v;
                    mine.afterInsert();
                } else {
                    // Keep the combiner's view of "this table" versus "the other" stable across swaps.
                    mine.slots[at + 1] =
                            swapped ? combiner.combine(key, v, existing) : combiner.combine(key, existing, v);
                }
            }
        }
        size = 0;
        for (Partition part : parts) {
            size += part.size;
        }
        other.size = 0;
    }

    /** Visits every entry. */
    void forEach(Visitor visitor) {
        for (Partition part : parts) {
            long[] s = part.slots;
            for (int base = 0; base < s.length; base += 2) {
                if (s[base + 1] != 0) {
                    visitor.visit(s[base], s[base + 1]);
                }
            }
        }
    }

    /** The keys, sorted. */
    long[] sortedKeys() {
        long[] out = new long[size];
        int[] j = {0};
        forEach((key, value) -> out[j[0]++] = key);
        Arrays.sort(out);
        return out;
    }

    /** Receives table entries. */
    interface Visitor {
        void visit(long key, long value);
    }

    /** One partition: linear probing over the low bits of the hash. */
    private static final class Partition {
        long[] slots; // key, value (0 = empty)
        int size;
        private int mask;
        private int growAt;

        Partition(int capacity) {
            allocate(capacity);
        }

        private void allocate(int capacity) {
            slots = new long[capacity * 2];
            mask = capacity - 1;
            growAt = (int) (capacity * MAX_LOAD);
        }

        /** The slot of {@code key}: its own, or the empty one where it goes (value 0). */
        int findOrInsert(long key, long hash) {
            long[] s = slots;
            int slot = (int) hash & mask;
            while (true) {
                int base = slot << 1;
                if (s[base + 1] == 0) {
                    s[base] = key;
                    return base;
                }
                if (s[base] == key) {
                    return base;
                }
                slot = (slot + 1) & mask;
            }
        }

        int find(long key, long hash) {
            int slot = (int) hash & mask;
            while (true) {
                int base = slot << 1;
                if (slots[base + 1] == 0) {
                    return -1;
                }
                if (slots[base] == key) {
                    return base;
                }
                slot = (slot + 1) & mask;
            }
        }

        /** Call after a value was set in an empty slot. */
        void afterInsert() {
            if (++size > growAt) {
                resize((mask + 1) * 2);
            }
        }

        /** Grows once so that {@code entries} fit without further growth. */
        void reserve(int entries) {
            int capacity = mask + 1;
            while (entries > capacity * MAX_LOAD) {
                capacity *= 2;
            }
            if (capacity > mask + 1) {
                resize(capacity);
            }
        }

        private void resize(int capacity) {
            long[] old = slots;
            allocate(capacity);
            for (int base = 0; base < old.length; base += 2) {
                if (old[base + 1] != 0) {
                    int at = findOrInsert(old[base], Utf8.mix(old[base]));
                    slots[at + 1] = old[base + 1];
                }
            }
        }
    }
}
