package dev.assay.engine.arrow;

import java.util.Map;
import java.util.TreeMap;

/**
 * A row's place in a scan as one long: the batch ordinal and the row within the batch. Ordering the
 * longs orders the rows as the data does, across splits read in parallel.
 */
final class Positions {
    static final int ROW_BITS = 24;

    private Positions() {}

    static long of(long ordinal, int row) {
        return (ordinal << ROW_BITS) | row;
    }

    static long ordinal(long position) {
        return position >>> ROW_BITS;
    }

    static int row(long position) {
        return (int) (position & ((1L << ROW_BITS) - 1));
    }

    /** Turns positions into 0-based row numbers, given the row count of every batch of the scan. */
    static final class Resolver {
        private final TreeMap<Long, Long> firstRowOfOrdinal = new TreeMap<>();

        Resolver(Map<Long, Integer> rowsPerOrdinal) {
            long first = 0;
            for (Map.Entry<Long, Integer> e : new TreeMap<>(rowsPerOrdinal).entrySet()) {
                firstRowOfOrdinal.put(e.getKey(), first);
                first += e.getValue();
            }
        }

        long rowNumber(long position) {
            Long first = firstRowOfOrdinal.get(ordinal(position));
            if (first == null) {
                throw new IllegalStateException("unknown batch ordinal " + ordinal(position));
            }
            return first + row(position);
        }
    }
}
