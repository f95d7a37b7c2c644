package dev.assay.engine.arrow;

import java.util.HashMap;
import java.util.Map;

/**
 * Occurrences of long keys (see {@link LongHashTable#addOccurrence}) in directly indexed pages of 4,096
 * keys, for integer columns whose values are dense, such as sequential ids: 8 bytes per key instead of
 * a hash slot's 16 at partial load, no hashing, and keys that arrive in order touch memory in order.
 * When the keys turn out sparse, {@link #isSparse()} says so and the caller moves to a hash table. Not
 * thread-safe.
 */
final class PagedOccurrences {
    private static final int PAGE_BITS = 12;
    private static final int PAGE_SIZE = 1 << PAGE_BITS;
    private static final int PAGE_MASK = PAGE_SIZE - 1;

    private final Map<Long, long[]> pages = new HashMap<>();
    private long lastPageId = Long.MIN_VALUE;
    private long[] lastPage;
    private long size;

    long size() {
        return size;
    }

    /** True once enough pages exist to judge and fewer than 1 in 8 of their slots hold a key. */
    boolean isSparse() {
        return pages.size() >= 64 && size * 8 < (long) pages.size() * PAGE_SIZE;
    }

    private long[] page(long pageId) {
        if (pageId != lastPageId) {
            lastPage = pages.computeIfAbsent(pageId, id -> new long[PAGE_SIZE]);
            lastPageId = pageId;
        }
        return lastPage;
    }

    /** As {@link LongHashTable#addOccurrences}: records each key's occurrence and its prior state. */
    void addOccurrences(long[] keys, long[] positions, int n, byte[] prior) {
        for (int i = 0; i < n; i++) {
            long key = keys[i];
            long[] page = page(key >> PAGE_BITS);
            int slot = (int) (key & PAGE_MASK);
            long v = page[slot];
            long position = positions[i];
            if (v == 0) {
                page[slot] = LongHashTable.occurrence(position, false);
                size++;
                prior[i] = 0;
            } else {
                long first = Math.min(LongHashTable.firstPosition(v), position);
                page[slot] = LongHashTable.occurrence(first, true);
                prior[i] = (byte) (LongHashTable.repeated(v) ? 2 : 1);
            }
        }
    }

    /** Moves every entry of {@code other} here; keys present in both combine. */
    void merge(PagedOccurrences other, LongHashTable.Combiner combiner) {
        for (Map.Entry<Long, long[]> e : other.pages.entrySet()) {
            long[] mine = pages.get(e.getKey());
            if (mine == null) {
                pages.put(e.getKey(), e.getValue());
                for (long v : e.getValue()) {
                    if (v != 0) {
                        size++;
                    }
                }
                continue;
            }
            long[] theirs = e.getValue();
            long base = e.getKey() << PAGE_BITS;
            for (int slot = 0; slot < PAGE_SIZE; slot++) {
                long t = theirs[slot];
                if (t == 0) {
                    continue;
                }
                if (mine[slot] == 0) {
                    mine[slot] = t;
                    size++;
                } else {
                    mine[slot] = combiner.combine(base | slot, mine[slot], t);
                }
            }
        }
        other.pages.clear();
        other.size = 0;
        lastPageId = Long.MIN_VALUE;
    }

    /** Visits every entry. */
    void forEach(LongHashTable.Visitor visitor) {
        for (Map.Entry<Long, long[]> e : pages.entrySet()) {
            long base = e.getKey() << PAGE_BITS;
            long[] page = e.getValue();
            for (int slot = 0; slot < PAGE_SIZE; slot++) {
                if (page[slot] != 0) {
                    visitor.visit(base | slot, page[slot]);
                }
            }
        }
    }

    /** The same entries in a hash table, for keys that turned out sparse. */
    LongHashTable toHashTable() {
        LongHashTable table = new LongHashTable();
        forEach(table::put);
        return table;
    }
}
