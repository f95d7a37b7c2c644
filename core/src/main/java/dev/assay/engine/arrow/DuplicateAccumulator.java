package dev.assay.engine.arrow;

import dev.assay.metric.DuplicateRows;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds rows whose key (one column, or several combined) occurs more than once. Keeps, per distinct key,
 * its count and first position (exact; memory grows with distinct keys) and, for samples, the first
 * repeated occurrences in data order.
 */
final class DuplicateAccumulator implements Accumulator {
    private final DuplicateRows metric;
    private final List<String> keyColumns;
    private final boolean singleLong;
    /** Keys of an integer column while they are dense; null once they turned out sparse. */
    private PagedOccurrences paged;

    private LongHashTable longs;
    private final BytesHashTable bytes;
    private final List<ValueKind> kinds;
    final SampleHeap repeats;
    long elements;
    long missing;
    long badUnexpected;
    /** Rows of repeated keys, for the long-key table (the bytes table keeps counts instead). */
    long repeatedRows;

    List<ArrowColumn> lastColumns;
    private byte[] keyBuffer = new byte[64];

    DuplicateAccumulator(DuplicateRows metric, List<ValueKind> kinds) {
        this.metric = metric;
        this.keyColumns = metric.keyColumns();
        this.kinds = kinds;
        this.singleLong = kinds.size() == 1 && (kinds.get(0).longOrdered() || kinds.get(0) == ValueKind.FLOAT);
        boolean integers = singleLong && kinds.get(0) != ValueKind.FLOAT;
        this.paged = integers ? new PagedOccurrences() : null;
        this.longs = singleLong && !integers ? new LongHashTable() : null;
        this.bytes = singleLong ? null : new BytesHashTable(true);
        this.repeats = new SampleHeap(metric.samples().limit());
    }

    private long[] batchKeys = new long[0];
    private long[] batchPositions = new long[0];
    private int[] batchRows = new int[0];
    private byte[] batchPrior = new byte[0];

    @Override
    public void add(BatchView batch, Selection rows) {
        if (singleLong && !batch.hasBadCells()) {
            addLongs(batch, rows);
            return;
        }
        addRows(batch, rows);
    }

    /** The fast path for one integer-like column: gather the batch's keys, then insert them together. */
    private void addLongs(BatchView batch, Selection rows) {
        int n = rows.size();
        elements += n;
        ArrowColumn c = batch.column(keyColumns.get(0));
        if (lastColumns == null) {
            lastColumns = List.of(c);
        }
        if (batchKeys.length < n) {
            batchKeys = new long[n];
            batchPositions = new long[n];
            batchRows = new int[n];
            batchPrior = new byte[n];
        }
        boolean isFloat = c.kind == ValueKind.FLOAT;
        long ordinal = batch.ordinal();
        int m = 0;
        for (int k = 0; k < n; k++) {
            int row = rows.row(k);
            if (c.isNull(row)) {
                missing++;
                continue;
            }
            batchKeys[m] = isFloat ? DoubleKeys.key(c.getDouble(row)) : c.getLong(row);
            batchPositions[m] = Positions.of(ordinal, row);
            batchRows[m] = row;
            m++;
        }
        if (paged != null) {
            paged.addOccurrences(batchKeys, batchPositions, m, batchPrior);
            if (paged.isSparse()) {
                longs = paged.toHashTable();
                paged = null;
            }
        } else {
            longs.addOccurrences(batchKeys, batchPositions, m, batchPrior);
        }
        for (int j = 0; j < m; j++) {
            byte prior = batchPrior[j];
            if (prior != 0) {
                repeatedRows += prior == 1 ? 2 : 1;
                if (repeats.wants(batchPositions[j])) {
                    int row = batchRows[j];
                    repeats.offer(new SampleHeap.Sample(
                            batchPositions[j],
                            c.getObject(row),
                            UnexpectedAccumulator.indexOf(
                                    batch, row, metric.samples().indexColumns()),
                            false));
                }
            }
        }
    }

    private void addRows(BatchView batch, Selection rows) {
        int n = rows.size();
        elements += n;
        List<ArrowColumn> cols = new ArrayList<>(keyColumns.size());
        for (String name : keyColumns) {
            cols.add(batch.column(name));
        }
        lastColumns = cols;
        BitSet bad = batch.badRows(keyColumns);
        long ordinal = batch.ordinal();
        int total = cols.size();
        for (int k = 0; k < n; k++) {
            int row = rows.row(k);
            if (bad != null && bad.get(row)) {
                badUnexpected++;
                long position = Positions.of(ordinal, row);
                if (repeats.wants(position)) {
                    repeats.offer(new SampleHeap.Sample(
                            position,
                            batch.badText(row, keyColumns.get(0)),
                            UnexpectedAccumulator.indexOf(
                                    batch, row, metric.samples().indexColumns()),
                            true));
                }
                continue;
            }
            int nulls = 0;
            for (ArrowColumn c : cols) {
                if (c.isNull(row)) {
                    nulls++;
                }
            }
            // A single column skips nulls, as GX does; several columns follow ignore_row_if.
            if (nulls > 0 && (total == 1 || metric.ignoreRowIf().ignores(nulls, total))) {
                missing++;
                continue;
            }
            long position = Positions.of(ordinal, row);
            int prior;
            if (singleLong) {
                ArrowColumn c = cols.get(0);
                long key = c.kind == ValueKind.FLOAT ? DoubleKeys.key(c.getDouble(row)) : c.getLong(row);
                prior = hashTable().addOccurrence(key, position);
                repeatedRows += prior == 1 ? 2 : prior == 2 ? 1 : 0;
            } else if (total == 1 && cols.get(0).kind == ValueKind.STRING) {
                ArrowColumn.StringColumn s = (ArrowColumn.StringColumn) cols.get(0);
                prior = bytes.add(s.strings.getDataBuffer(), s.start(row), s.byteLength(row), position);
            } else {
                int length = encode(cols, row);
                prior = bytes.add(keyBuffer, length, position);
            }
            if (prior > 0 && repeats.wants(position)) {
                repeats.offer(new SampleHeap.Sample(
                        position,
                        value(cols, row),
                        UnexpectedAccumulator.indexOf(
                                batch, row, metric.samples().indexColumns()),
                        false));
            }
        }
    }

    private Object value(List<ArrowColumn> cols, int row) {
        if (cols.size() == 1) {
            return cols.get(0).getObject(row);
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (ArrowColumn c : cols) {
            map.put(c.name(), c.getObject(row));
        }
        return map;
    }

    /** Encodes the key of a row into keyBuffer: per column a tag and its value. Returns the length. */
    private int encode(List<ArrowColumn> cols, int row) {
        int pos = 0;
        for (ArrowColumn c : cols) {
            ensure(pos + 9);
            if (c.isNull(row)) {
                keyBuffer[pos++] = 0;
                continue;
            }
            switch (c.kind) {
                case FLOAT:
                    keyBuffer[pos++] = 2;
                    pos = putLong(pos, DoubleKeys.key(c.getDouble(row)));
                    break;
                case STRING: {
                    ArrowColumn.StringColumn s = (ArrowColumn.StringColumn) c;
                    int len = s.byteLength(row);
                    ensure(pos + 5 + len);
                    keyBuffer[pos++] = 3;
                    pos = putInt(pos, len);
                    s.strings.getDataBuffer().getBytes(s.start(row), keyBuffer, pos, len);
                    pos += len;
                    break;
                }
                case DECIMAL:
                case OTHER: {
                    Object v = c.getObject(row);
                    String text =
                            v instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : v.toString();
                    byte[] b = text.getBytes(StandardCharsets.UTF_8);
                    ensure(pos + 5 + b.length);
                    keyBuffer[pos++] = 4;
                    pos = putInt(pos, b.length);
                    System.arraycopy(b, 0, keyBuffer, pos, b.length);
                    pos += b.length;
                    break;
                }
                default:
                    keyBuffer[pos++] = 1;
                    pos = putLong(pos, c.getLong(row));
            }
        }
        return pos;
    }

    private void ensure(int capacity) {
        if (keyBuffer.length < capacity) {
            keyBuffer = java.util.Arrays.copyOf(keyBuffer, Math.max(capacity, keyBuffer.length * 2));
        }
    }

    private int putLong(int pos, long v) {
        for (int i = 0; i < 8; i++) {
            keyBuffer[pos + i] = (byte) (v >>> (56 - 8 * i));
        }
        return pos + 8;
    }

    private int putInt(int pos, int v) {
        for (int i = 0; i < 4; i++) {
            keyBuffer[pos + i] = (byte) (v >>> (24 - 8 * i));
        }
        return pos + 4;
    }

    @Override
    public void merge(Accumulator other) {
        DuplicateAccumulator o = (DuplicateAccumulator) other;
        elements += o.elements;
        missing += o.missing;
        badUnexpected += o.badUnexpected;
        if (lastColumns == null) {
            lastColumns = o.lastColumns;
        }
        // A key seen by both workers is duplicated; the later of its two first positions is a repeat.
        if (singleLong) {
            repeatedRows += o.repeatedRows;
            LongHashTable.Combiner combine = (key, mine, theirs) -> {
                // A key seen by both workers repeats: count the rows not yet counted as repeated, and
                // keep the later of the two first occurrences as a repeat sample.
                repeatedRows += (LongHashTable.repeated(mine) ? 0 : 1) + (LongHashTable.repeated(theirs) ? 0 : 1);
                long a = LongHashTable.firstPosition(mine);
                long b = LongHashTable.firstPosition(theirs);
                repeats.offer(new SampleHeap.Sample(Math.max(a, b), longValue(key), Map.of(), false));
                return LongHashTable.occurrence(Math.min(a, b), true);
            };
            if (paged != null && o.paged != null) {
                paged.merge(o.paged, combine);
            } else {
                hashTable().merge(o.hashTable(), combine);
            }
        } else {
            o.bytes.forEach((key, count, first) -> {
                long mine = bytes.firstPosition(key);
                if (mine >= 0) {
                    repeats.offer(new SampleHeap.Sample(Math.max(mine, first), decode(key), Map.of(), false));
                }
            });
            bytes.merge(o.bytes);
        }
        repeats.merge(o.repeats);
    }

    /** The hash table of a single-long key, converting dense pages when needed. */
    private LongHashTable hashTable() {
        if (paged != null) {
            longs = paged.toHashTable();
            paged = null;
        }
        return longs;
    }

    private Object longValue(long key) {
        ArrowColumn c = lastColumns.get(0);
        return c.kind == ValueKind.FLOAT ? Double.longBitsToDouble(key) : c.objectOfLong(key);
    }

    /** Rows whose key occurs more than once, plus bad rows. */
    long unexpectedCount() {
        long[] sum = {badUnexpected};
        if (singleLong) {
            sum[0] += repeatedRows;
        } else {
            bytes.forEach((key, count, first) -> {
                if (count > 1) {
                    sum[0] += count;
                }
            });
        }
        return sum[0];
    }

    /**
     * The first unexpected rows in data order: the first occurrences of duplicated keys and the kept
     * repeats, at most {@code limit}.
     */
    List<SampleHeap.Sample> samples(int limit) {
        SampleHeap all = new SampleHeap(limit);
        if (singleLong) {
            LongHashTable.Visitor visit = (key, value) -> {
                if (LongHashTable.repeated(value)) {
                    all.offer(
                            new SampleHeap.Sample(LongHashTable.firstPosition(value), longValue(key), Map.of(), false));
                }
            };
            if (paged != null) {
                paged.forEach(visit);
            } else {
                longs.forEach(visit);
            }
        } else {
            bytes.forEach((key, count, first) -> {
                if (count > 1) {
                    all.offer(new SampleHeap.Sample(first, decode(key), Map.of(), false));
                }
            });
        }
        for (SampleHeap.Sample s : repeats.sorted()) {
            all.offer(s);
        }
        return all.sorted();
    }

    private Object decode(byte[] key) {
        if (keyColumns.size() == 1 && kinds.get(0) == ValueKind.STRING) {
            return new String(key, StandardCharsets.UTF_8);
        }
        ByteBuffer in = ByteBuffer.wrap(key);
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyColumns.size(); i++) {
            byte tag = in.get();
            Object v;
            switch (tag) {
                case 0:
                    v = null;
                    break;
                case 1:
                    v = lastColumns == null ? in.getLong() : lastColumns.get(i).objectOfLong(in.getLong());
                    break;
                case 2:
                    v = Double.longBitsToDouble(in.getLong());
                    break;
                default: {
                    byte[] b = new byte[in.getInt()];
                    in.get(b);
                    String text = new String(b, StandardCharsets.UTF_8);
                    v = tag == 4 && kinds.get(i) == ValueKind.DECIMAL ? new BigDecimal(text) : text;
                }
            }
            map.put(keyColumns.get(i), v);
        }
        return keyColumns.size() == 1 ? map.values().iterator().next() : map;
    }
}
