package dev.assay.engine.arrow;

import dev.assay.error.AssayException;
import dev.assay.metric.ColumnMax;
import dev.assay.metric.ColumnMin;
import dev.assay.metric.ColumnNullCount;
import dev.assay.metric.Metric;
import dev.assay.metric.MetricValues;
import dev.assay.metric.RowCount;
import dev.assay.metric.RowPredicate;
import dev.assay.metric.UnexpectedRows;
import dev.assay.metric.UnexpectedRowsResult;
import dev.assay.source.BatchStatistics;
import dev.assay.source.DatasetSchema;
import dev.assay.source.RecordBatch;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Answers metrics from a source's exact statistics (row count, null counts, min and max), so that a
 * suite of such metrics needs no scan. Only metrics over every row qualify. Row checks qualify when the
 * statistics settle them: no nulls for "not null", only nulls for "null", and a range that holds both
 * the minimum and the maximum for "between" (a range holds every value between two it holds).
 */
final class StatisticsAnswers {
    private StatisticsAnswers() {}

    /** True when {@code metric} is of a kind statistics might answer. */
    static boolean mayAnswer(Metric<?> metric) {
        if (!metric.filter().isNone()) {
            return false;
        }
        if (metric instanceof UnexpectedRows u) {
            return u.predicate() instanceof RowPredicate.NotNull
                    || u.predicate() instanceof RowPredicate.IsNull
                    || u.predicate() instanceof RowPredicate.Between;
        }
        return metric instanceof RowCount
                || metric instanceof ColumnNullCount
                || metric instanceof ColumnMin
                || metric instanceof ColumnMax;
    }

    /**
     * Puts into {@code values} every metric of {@code plans} that {@code statistics} answer exactly.
     *
     * @return the metrics answered
     */
    static Set<Metric<?>> answer(
            BatchStatistics statistics,
            DatasetSchema schema,
            Map<Metric<?>, MetricPlanner.Plan> plans,
            MetricValues.Builder values) {
        Set<Metric<?>> answered = new LinkedHashSet<>();
        Set<String> minMaxColumns = new LinkedHashSet<>();
        for (Metric<?> metric : plans.keySet()) {
            if (!mayAnswer(metric)) {
                continue;
            }
            String column = rangeColumn(metric);
            if (column != null && statistics.hasMinMax(column)) {
                minMaxColumns.add(column);
            }
        }
        long rows = statistics.rowCount();
        try (BufferAllocator allocator = new RootAllocator();
                VectorSchemaRoot minMax =
                        minMaxColumns.isEmpty() ? null : statistics.minMax(List.copyOf(minMaxColumns), allocator)) {
            for (Map.Entry<Metric<?>, MetricPlanner.Plan> e : plans.entrySet()) {
                Metric<?> metric = e.getKey();
                if (!mayAnswer(metric)) {
                    continue;
                }
                Object value = value(metric, e.getValue(), statistics, schema, minMax, rows);
                if (value != null) {
                    put(values, metric, value);
                    answered.add(metric);
                }
            }
        }
        return answered;
    }

    /** The metric's value from the statistics, or null when they do not settle it. */
    private static Object value(
            Metric<?> metric,
            MetricPlanner.Plan plan,
            BatchStatistics statistics,
            DatasetSchema schema,
            VectorSchemaRoot minMax,
            long rows) {
        if (metric instanceof RowCount) {
            return rows;
        }
        if (metric instanceof ColumnNullCount n) {
            OptionalLong nulls = statistics.nullCount(n.column());
            return nulls.isPresent() ? nulls.getAsLong() : null;
        }
        if (metric instanceof ColumnMin || metric instanceof ColumnMax) {
            Accumulator acc = overMinMax(plan, rangeColumn(metric), schema, minMax);
            return acc == null ? null : plan.extract().apply(acc);
        }
        UnexpectedRows u = (UnexpectedRows) metric;
        RowPredicate predicate = u.predicate();
        String column = predicate.columns().iterator().next();
        OptionalLong known = statistics.nullCount(column);
        if (known.isEmpty()) {
            return null;
        }
        long nulls = known.getAsLong();
        boolean sampling = u.samples().limit() > 0;
        if (predicate instanceof RowPredicate.NotNull) {
            return nulls > 0 && sampling ? null : new UnexpectedRowsResult(rows, 0, nulls, List.of());
        }
        if (predicate instanceof RowPredicate.IsNull) {
            long nonNull = rows - nulls;
            return nonNull > 0 && sampling ? null : new UnexpectedRowsResult(rows, 0, nonNull, List.of());
        }
        // Between: if the minimum and the maximum are in range, every value is.
        if (nulls == rows) {
            return new UnexpectedRowsResult(rows, nulls, 0, List.of());
        }
        Accumulator acc = overMinMax(plan, column, schema, minMax);
        if (!(acc instanceof UnexpectedAccumulator checked) || checked.unexpected != 0) {
            return null;
        }
        return new UnexpectedRowsResult(rows, nulls, 0, List.of());
    }

    /** A fresh accumulator of the plan that has seen the two rows (minimum, maximum), or null. */
    private static Accumulator overMinMax(
            MetricPlanner.Plan plan, String column, DatasetSchema schema, VectorSchemaRoot minMax) {
        if (minMax == null || minMax.getRowCount() != 2) {
            return null;
        }
        FieldVector vector = minMax.getVector(column);
        if (vector == null
                || !vector.getField()
                        .getType()
                        .equals(schema.find(column).orElseThrow().getType())) {
            return null; // a source that got its types wrong is not trusted
        }
        // A view of the shared vector: not closed here, other metrics of the column read it too.
        VectorSchemaRoot one = new VectorSchemaRoot(List.of(vector));
        one.setRowCount(2);
        try {
            Accumulator acc = plan.spec().factory().get();
            Selection all = new Selection(2);
            all.selectAll(2);
            acc.add(new BatchView(new RecordBatch(one, 0)), all);
            acc.finish();
            return acc;
        } catch (AssayException e) {
            return null; // the metric does not apply: the scan reports why
        }
    }

    private static String rangeColumn(Metric<?> metric) {
        if (metric instanceof ColumnMin m) {
            return m.column();
        }
        if (metric instanceof ColumnMax m) {
            return m.column();
        }
        if (metric instanceof UnexpectedRows u && u.predicate() instanceof RowPredicate.Between b) {
            return b.column();
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static <V> void put(MetricValues.Builder values, Metric<V> metric, Object value) {
        values.put(metric, (V) value);
    }
}
