package dev.assay.metric;

import static java.util.Objects.requireNonNull;

import dev.assay.error.InvalidExpectationException;
import dev.assay.internal.IsoTimes;
import dev.assay.internal.Names;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A number a validation run records in the metric history, by a stable name: {@code table.row_count} or
 * {@code column.<kind>(<column>)} such as {@code column.mean(fare_amount)}. Always over the whole batch
 * (no row filter). Immutable and thread-safe.
 *
 * <p>The kinds: {@code table.row_count}; per column {@code column.null_count}, {@code column.null_fraction}
 * (nulls / rows), {@code column.distinct_count}, {@code column.min}, {@code column.max} (numeric columns),
 * {@code column.mean}, {@code column.median}, {@code column.stdev}, {@code column.sum}, and {@code
 * column.freshness_seconds} (seconds from the column's newest date or timestamp to the run's time).
 *
 * @param kind the kind, one of {@link #KINDS}
 * @param column the column of a {@code column.*} kind; empty for {@code table.*}
 */
public record NamedMetric(String kind, Optional<String> column) {
    /** The row count kind. */
    public static final String ROW_COUNT = "table.row_count";

    /** Every kind, table kinds first. */
    public static final List<String> KINDS = List.of(
            ROW_COUNT,
            "column.null_count",
            "column.null_fraction",
            "column.distinct_count",
            "column.min",
            "column.max",
            "column.mean",
            "column.median",
            "column.stdev",
            "column.sum",
            "column.freshness_seconds");

    public NamedMetric {
        requireNonNull(kind, "kind is null");
        requireNonNull(column, "column is null");
        if (!KINDS.contains(kind)) {
            throw new InvalidExpectationException("unknown metric '" + kind + "'"
                    + Names.nearest(kind, KINDS)
                            .map(n -> "; did you mean '" + n + "'?")
                            .orElse("")
                    + " Known metrics: " + String.join(", ", KINDS));
        }
        if (kind.startsWith("table.") && column.isPresent()) {
            throw new InvalidExpectationException("metric '" + kind
                    + "' is about the whole table and takes no column, got column '" + column.get() + "'");
        }
        if (kind.startsWith("column.") && column.isEmpty()) {
            throw new InvalidExpectationException("metric '" + kind + "' needs a column");
        }
    }

    /** The table's row count. */
    public static NamedMetric rowCount() {
        return new NamedMetric(ROW_COUNT, Optional.empty());
    }

    /** A column metric, e.g. {@code column("column.mean", "fare_amount")}. */
    public static NamedMetric column(String kind, String column) {
        return new NamedMetric(kind, Optional.of(requireNonNull(column, "column is null")));
    }

    /** The name in the history: {@code table.row_count}, {@code column.mean(fare_amount)}. */
    public String name() {
        return column.map(c -> kind + "(" + c + ")").orElse(kind);
    }

    /** The metrics this value is derived from, all over every row. */
    public Set<Metric<?>> inputs() {
        String c = column.orElse("");
        switch (kind) {
            case ROW_COUNT:
                return Set.of(new RowCount());
            case "column.null_count":
                return Set.of(new ColumnNullCount(c));
            case "column.null_fraction":
                return Set.of(new ColumnNullCount(c), new RowCount());
            case "column.distinct_count":
                return Set.of(new ColumnDistinctCount(c));
            case "column.min":
                return Set.of(new ColumnMin(c));
            case "column.max":
                return Set.of(new ColumnMax(c));
            case "column.mean":
                return Set.of(new ColumnMean(c));
            case "column.median":
                return Set.of(new ColumnMedian(c));
            case "column.stdev":
                return Set.of(new ColumnStdev(c));
            case "column.sum":
                return Set.of(new ColumnSum(c));
            default:
                return Set.of(new ColumnMax(c), new CurrentTime());
        }
    }

    /**
     * The value from a run's computed metrics: empty when it is undefined for this batch (the mean of a column
     * with no values, the null fraction of no rows).
     *
     * @param values metric values holding every one of {@link #inputs()} (except {@link CurrentTime})
     * @param now the run's time, for freshness
     * @throws dev.assay.error.MetricUnavailableException if an input could not be computed
     * @throws InvalidExpectationException if the column's values are not numbers (or, for freshness, times)
     */
    public Optional<Double> value(MetricValues values, Instant now) {
        String c = column.orElse("");
        switch (kind) {
            case ROW_COUNT:
                return Optional.of(values.get(new RowCount()).doubleValue());
            case "column.null_count":
                return Optional.of(values.get(new ColumnNullCount(c)).doubleValue());
            case "column.null_fraction":
                long rows = values.get(new RowCount());
                return rows == 0 ? Optional.empty() : Optional.of((double) values.get(new ColumnNullCount(c)) / rows);
            case "column.distinct_count":
                return Optional.of(values.get(new ColumnDistinctCount(c)).doubleValue());
            case "column.min":
                return numeric(values.get(new ColumnMin(c)));
            case "column.max":
                return numeric(values.get(new ColumnMax(c)));
            case "column.mean":
                return values.get(new ColumnMean(c));
            case "column.median":
                return values.get(new ColumnMedian(c));
            case "column.stdev":
                return values.get(new ColumnStdev(c));
            case "column.sum":
                return numeric(values.get(new ColumnSum(c)).map(n -> (Object) n));
            default:
                Optional<Object> newest = values.get(new ColumnMax(c));
                if (newest.isEmpty()) {
                    return Optional.empty();
                }
                Instant at = IsoTimes.instant(newest.get())
                        .orElseThrow(() -> new InvalidExpectationException(kind + " needs a date or timestamp column; '"
                                + c + "' holds " + newest.get().getClass().getSimpleName() + " values"));
                return Optional.of(Duration.between(at, now).toMillis() / 1000.0);
        }
    }

    private Optional<Double> numeric(Optional<Object> value) {
        if (value.isEmpty()) {
            return Optional.empty();
        }
        Object v = value.get();
        if (v instanceof BigDecimal d) {
            return Optional.of(d.doubleValue());
        }
        if (v instanceof Number n) {
            return Optional.of(n.doubleValue());
        }
        throw new InvalidExpectationException(kind + " needs a numeric column; '" + column.orElse("") + "' holds "
                + v.getClass().getSimpleName() + " values"
                + (IsoTimes.instant(v).isPresent() ? " (for dates and timestamps use column.freshness_seconds)" : ""));
    }

    @Override
    public String toString() {
        return name();
    }
}
