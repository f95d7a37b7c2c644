package dev.assay.engine.arrow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Every non-null value of a numeric or temporal column, for exact median and quantiles. Holds 8 bytes
 * per value; the requested ranks are found by selection (linear time), not a full sort. (A spill to disk
 * would replace the arrays with sorted runs.)
 */
final class ValuesAccumulator implements Accumulator {
    private final String column;
    private final boolean asLongs;
    private long[] longs = new long[0];
    private double[] doubles = new double[0];
    private int size;
    private ArrowColumn sample;

    ValuesAccumulator(String column, ValueKind kind) {
        this.column = column;
        this.asLongs = kind.longOrdered();
    }

    @Override
    public void add(BatchView batch, Selection rows) {
        ArrowColumn col = batch.column(column);
        sample = col;
        int n = rows.size();
        ensure(size + n);
        if (asLongs) {
            for (int k = 0; k < n; k++) {
                int row = rows.row(k);
                if (!col.isNull(row)) {
                    longs[size++] = col.getLong(row);
                }
            }
        } else {
            for (int k = 0; k < n; k++) {
                int row = rows.row(k);
                if (!col.isNull(row)) {
                    doubles[size++] = col.getDouble(row);
                }
            }
        }
    }

    private void ensure(int capacity) {
        if (asLongs && longs.length < capacity) {
            longs = Arrays.copyOf(longs, Math.max(capacity, longs.length + (longs.length >> 1)));
        } else if (!asLongs && doubles.length < capacity) {
            doubles = Arrays.copyOf(doubles, Math.max(capacity, doubles.length + (doubles.length >> 1)));
        }
    }

    @Override
    public void merge(Accumulator other) {
        ValuesAccumulator o = (ValuesAccumulator) other;
        if (sample == null) {
            sample = o.sample;
        }
        ensure(size + o.size);
        if (asLongs) {
            System.arraycopy(o.longs, 0, longs, size, o.size);
        } else {
            System.arraycopy(o.doubles, 0, doubles, size, o.size);
        }
        size += o.size;
        o.longs = new long[0];
        o.doubles = new double[0];
    }

    int size() {
        return size;
    }

    /** The median as a double: the mean of the two middle values for an even count. */
    Double median() {
        if (size == 0) {
            return null;
        }
        int mid = size / 2;
        if (asLongs) {
            long upper = Select.select(longs, size, mid);
            if (size % 2 == 1) {
                return (double) upper;
            }
            // After selecting rank mid, every value before it is <= it: rank mid - 1 is their maximum.
            long lower = Long.MIN_VALUE;
            for (int i = 0; i < mid; i++) {
                lower = Math.max(lower, longs[i]);
            }
            return ((double) lower + upper) / 2.0;
        }
        double upper = Select.select(doubles, size, mid);
        if (size % 2 == 1) {
            return upper;
        }
        double lower = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < mid; i++) {
            lower = Math.max(lower, doubles[i]);
        }
        return (lower + upper) / 2.0;
    }

    /** percentile_disc: the smallest value whose cumulative share is at least q. */
    List<Object> quantiles(List<Double> qs) {
        List<Object> out = new ArrayList<>();
        if (size == 0) {
            return out;
        }
        for (double q : qs) {
            int index = (int) Math.ceil(q * size) - 1;
            index = Math.max(0, Math.min(size - 1, index));
            out.add(
                    asLongs
                            ? sample.objectOfLong(Select.select(longs, size, index))
                            : sample.objectOfDouble(Select.select(doubles, size, index)));
        }
        return out;
    }
}
