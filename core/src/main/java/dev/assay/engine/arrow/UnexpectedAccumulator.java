package dev.assay.engine.arrow;

import dev.assay.metric.RowPredicate;
import dev.assay.metric.RowPredicate.NullHandling;
import dev.assay.metric.UnexpectedRows;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Counts rows that break a row predicate and keeps the first unexpected rows as samples. */
final class UnexpectedAccumulator implements Accumulator {
    private final UnexpectedRows metric;
    private final RowPredicate predicate;
    private final List<String> columns;
    long elements;
    long missing;
    long unexpected;
    final SampleHeap samples;

    UnexpectedAccumulator(UnexpectedRows metric) {
        this.metric = metric;
        this.predicate = metric.predicate();
        this.columns = predicate.columns();
        this.samples = new SampleHeap(metric.samples().limit());
    }

    @Override
    public void add(BatchView batch, Selection rows) {
        int n = rows.size();
        elements += n;
        BitSet bad = batch.badRows(columns);
        RowTest test = RowTests.compile(predicate, batch);
        long ordinal = batch.ordinal();
        if (predicate instanceof RowPredicate.PairCompare pair) {
            addPairs(batch, rows, pair, bad, test, ordinal);
            return;
        }
        ArrowColumn col = batch.column(columns.get(0));
        NullHandling nulls = predicate.nullHandling();
        for (int k = 0; k < n; k++) {
            int row = rows.row(k);
            if (bad != null && bad.get(row)) {
                unexpected++;
                sampleBad(batch, row, ordinal);
                continue;
            }
            boolean isNull = col.isNull(row);
            boolean ok;
            if (isNull) {
                if (nulls == NullHandling.SKIP) {
                    missing++;
                    continue;
                }
                ok = nulls == NullHandling.ONLY_NULL_EXPECTED;
            } else {
                ok = nulls != NullHandling.ONLY_NULL_EXPECTED && test.passes(row);
            }
            if (!ok) {
                unexpected++;
                long position = Positions.of(ordinal, row);
                if (samples.wants(position)) {
                    samples.offer(new SampleHeap.Sample(position, col.getObject(row), index(batch, row), false));
                }
            }
        }
    }

    private void addPairs(
            BatchView batch, Selection rows, RowPredicate.PairCompare pair, BitSet bad, RowTest test, long ordinal) {
        ArrowColumn a = batch.column(pair.columnA());
        ArrowColumn b = batch.column(pair.columnB());
        int n = rows.size();
        for (int k = 0; k < n; k++) {
            int row = rows.row(k);
            if (bad != null && bad.get(row)) {
                unexpected++;
                sampleBad(batch, row, ordinal);
                continue;
            }
            int nullCount = (a.isNull(row) ? 1 : 0) + (b.isNull(row) ? 1 : 0);
            if (nullCount > 0 && pair.ignoreRowIf().ignores(nullCount, 2)) {
                missing++;
                continue;
            }
            boolean ok = nullCount == 0 && test.passes(row);
            if (!ok) {
                unexpected++;
                long position = Positions.of(ordinal, row);
                if (samples.wants(position)) {
                    List<Object> value = new ArrayList<>(2);
                    value.add(a.getObject(row));
                    value.add(b.getObject(row));
                    samples.offer(new SampleHeap.Sample(
                            position, Collections.unmodifiableList(value), index(batch, row), false));
                }
            }
        }
    }

    private void sampleBad(BatchView batch, int row, long ordinal) {
        long position = Positions.of(ordinal, row);
        if (samples.wants(position)) {
            samples.offer(new SampleHeap.Sample(position, batch.badText(row, columns.get(0)), index(batch, row), true));
        }
    }

    private Map<String, Object> index(BatchView batch, int row) {
        return indexOf(batch, row, metric.samples().indexColumns());
    }

    @Override
    public void merge(Accumulator other) {
        UnexpectedAccumulator o = (UnexpectedAccumulator) other;
        elements += o.elements;
        missing += o.missing;
        unexpected += o.unexpected;
        samples.merge(o.samples);
    }

    /** Builds the index map of a row for samples of other accumulators. */
    static Map<String, Object> indexOf(BatchView batch, int row, List<String> indexColumns) {
        if (indexColumns.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (String name : indexColumns) {
            values.put(name, batch.column(name).getObject(row));
        }
        return Collections.unmodifiableMap(values);
    }
}
