package dev.assay.engine.arrow;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The exact set of distinct non-null values of a column, with counts. Memory grows with distinct values. */
final class DistinctAccumulator implements Accumulator {
    private final String column;
    private final ValueKind kind;
    private final LongHashTable longs;
    private final BytesHashTable bytes;
    private ArrowColumn sample;

    DistinctAccumulator(String column, ValueKind kind) {
        this.column = column;
        this.kind = kind;
        boolean byBytes = kind == ValueKind.STRING || kind == ValueKind.DECIMAL || kind == ValueKind.OTHER;
        this.longs = byBytes ? null : new LongHashTable();
        this.bytes = byBytes ? new BytesHashTable(false) : null;
    }

    /** Adds each dictionary entry some selected row uses, once: a distinct set needs no more. */
    private void addDictionary(ArrowColumn.DictionaryStringColumn d, Selection rows) {
        boolean[] used = new boolean[d.dictionarySize()];
        int n = rows.size();
        for (int k = 0; k < n; k++) {
            int row = rows.row(k);
            if (!d.isNull(row)) {
                used[d.id(row)] = true;
            }
        }
        var data = d.strings.getDataBuffer();
        for (int id = 0; id < used.length; id++) {
            if (used[id]) {
                bytes.add(data, d.entryStart(id), d.entryLength(id), 0);
            }
        }
    }

    @Override
    public void add(BatchView batch, Selection rows) {
        ArrowColumn col = batch.column(column);
        sample = col;
        int n = rows.size();
        switch (kind) {
            case STRING: {
                if (col instanceof ArrowColumn.DictionaryStringColumn d) {
                    addDictionary(d, rows);
                    break;
                }
                ArrowColumn.StringColumn s = (ArrowColumn.StringColumn) col;
                var data = s.strings.getDataBuffer();
                for (int k = 0; k < n; k++) {
                    int row = rows.row(k);
                    if (!col.isNull(row)) {
                        bytes.add(data, s.start(row), s.byteLength(row), 0);
                    }
                }
                break;
            }
            case FLOAT:
                for (int k = 0; k < n; k++) {
                    int row = rows.row(k);
                    if (!col.isNull(row)) {
                        longs.addCount(DoubleKeys.key(col.getDouble(row)));
                    }
                }
                break;
            case DECIMAL:
            case OTHER:
                for (int k = 0; k < n; k++) {
                    int row = rows.row(k);
                    if (!col.isNull(row)) {
                        byte[] key = canonical(col.getObject(row)).getBytes(StandardCharsets.UTF_8);
                        bytes.add(key, key.length, 0);
                    }
                }
                break;
            default:
                for (int k = 0; k < n; k++) {
                    int row = rows.row(k);
                    if (!col.isNull(row)) {
                        longs.addCount(col.getLong(row));
                    }
                }
        }
    }

    private static String canonical(Object value) {
        return value instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : value.toString();
    }

    @Override
    public void merge(Accumulator other) {
        DistinctAccumulator o = (DistinctAccumulator) other;
        if (sample == null) {
            sample = o.sample;
        }
        if (longs != null) {
            longs.merge(o.longs, (key, a, b) -> a + b);
        } else {
            bytes.merge(o.bytes);
        }
    }

    long distinctCount() {
        return longs != null ? longs.size() : bytes.size();
    }

    /** The distinct values as Java values, sorted. */
    List<Object> sortedValues() {
        List<Object> out = new ArrayList<>((int) distinctCount());
        if (longs != null) {
            long[] keys = longs.sortedKeys();
            if (kind == ValueKind.FLOAT) {
                double[] ds = new double[keys.length];
                for (int i = 0; i < keys.length; i++) {
                    ds[i] = Double.longBitsToDouble(keys[i]);
                }
                java.util.Arrays.sort(ds);
                for (double d : ds) {
                    out.add(d);
                }
            } else {
                for (long key : keys) {
                    out.add(sample.objectOfLong(key));
                }
            }
        } else if (kind == ValueKind.DECIMAL) {
            bytes.forEach((key, count, pos) -> out.add(new BigDecimal(new String(key, StandardCharsets.UTF_8))));
            out.sort((a, b) -> ((BigDecimal) a).compareTo((BigDecimal) b));
        } else {
            for (byte[] key : bytes.sortedKeys()) {
                out.add(new String(key, StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
