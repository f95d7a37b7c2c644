package dev.assay.engine;

import dev.assay.error.AssayException;
import dev.assay.metric.ColumnDistinctCount;
import dev.assay.metric.ColumnMax;
import dev.assay.metric.ColumnMean;
import dev.assay.metric.ColumnMedian;
import dev.assay.metric.ColumnMin;
import dev.assay.metric.ColumnNullCount;
import dev.assay.metric.ColumnStdev;
import dev.assay.metric.ColumnSum;
import dev.assay.metric.Metric;
import dev.assay.metric.MetricValues;
import dev.assay.metric.NamedMetric;
import dev.assay.metric.RowCount;
import dev.assay.metric.RowPredicate;
import dev.assay.metric.UnexpectedRows;
import dev.assay.metric.UnexpectedRowsResult;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The named metrics of a run (see {@link NamedMetric}), read off the values the validation computed: no
 * metric is computed for their sake. Only metrics over every row count (a row-filtered mean is not the
 * batch's mean). The row count also comes from a row-by-row check's element count, and a column's null count
 * from a not-null or is-null check's counts, so most suites record both without asking for them.
 */
final class RunMetrics {
    private RunMetrics() {}

    /**
     * The named metrics, sorted by name; values that could not be computed, are undefined (the mean of an
     * empty column) or do not apply (the mean of a text column) are left out.
     */
    static Map<String, Double> of(Set<Metric<?>> computed, MetricValues values, Instant now) {
        Map<String, Double> out = new TreeMap<>();
        Optional<Long> rows = rowCount(computed, values);
        rows.ifPresent(n -> out.put(NamedMetric.ROW_COUNT, n.doubleValue()));
        Map<String, Long> nulls = nullCounts(computed, values);
        nulls.forEach((column, n) -> {
            out.put(NamedMetric.column("column.null_count", column).name(), n.doubleValue());
            if (rows.isPresent() && rows.get() > 0) {
                out.put(NamedMetric.column("column.null_fraction", column).name(), (double) n / rows.get());
            }
        });
        for (Metric<?> metric : computed) {
            if (!metric.filter().isNone()) {
                continue;
            }
            String column = metric.columns().isEmpty()
                    ? ""
                    : metric.columns().iterator().next();
            if (metric instanceof ColumnDistinctCount) {
                put(out, NamedMetric.column("column.distinct_count", column), values, now);
            } else if (metric instanceof ColumnMin) {
                put(out, NamedMetric.column("column.min", column), values, now);
            } else if (metric instanceof ColumnMax) {
                put(out, NamedMetric.column("column.max", column), values, now);
                put(out, NamedMetric.column("column.freshness_seconds", column), values, now);
            } else if (metric instanceof ColumnMean) {
                put(out, NamedMetric.column("column.mean", column), values, now);
            } else if (metric instanceof ColumnMedian) {
                put(out, NamedMetric.column("column.median", column), values, now);
            } else if (metric instanceof ColumnStdev) {
                put(out, NamedMetric.column("column.stdev", column), values, now);
            } else if (metric instanceof ColumnSum) {
                put(out, NamedMetric.column("column.sum", column), values, now);
            }
        }
        return out;
    }

    private static void put(Map<String, Double> out, NamedMetric metric, MetricValues values, Instant now) {
        try {
            metric.value(values, now).filter(Double::isFinite).ifPresent(v -> out.put(metric.name(), v));
        } catch (AssayException e) {
            // Not computed, or not defined for this column's type (a text column has no mean): not recorded.
        }
    }

    private static Optional<Long> rowCount(Set<Metric<?>> computed, MetricValues values) {
        RowCount all = new RowCount();
        if (computed.contains(all) && values.failure(all).isEmpty()) {
            return Optional.of(values.get(all));
        }
        for (Metric<?> metric : computed) {
            if (metric instanceof UnexpectedRows u
                    && u.filter().isNone()
                    && values.failure(u).isEmpty()) {
                return Optional.of(values.get(u).elementCount());
            }
        }
        return Optional.empty();
    }

    private static Map<String, Long> nullCounts(Set<Metric<?>> computed, MetricValues values) {
        Map<String, Long> nulls = new TreeMap<>();
        for (Metric<?> metric : computed) {
            if (!metric.filter().isNone()
                    || !values.contains(metric)
                    || values.failure(metric).isPresent()) {
                continue;
            }
            if (metric instanceof ColumnNullCount c) {
                nulls.put(c.column(), values.get(c));
            } else if (metric instanceof UnexpectedRows u) {
                UnexpectedRowsResult r = values.get(u);
                if (u.predicate() instanceof RowPredicate.NotNull p) {
                    nulls.putIfAbsent(p.column(), r.unexpectedCount());
                } else if (u.predicate() instanceof RowPredicate.IsNull p) {
                    nulls.putIfAbsent(p.column(), r.elementCount() - r.unexpectedCount());
                }
            }
        }
        return nulls;
    }
}
