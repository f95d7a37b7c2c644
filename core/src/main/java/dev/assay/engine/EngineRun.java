package dev.assay.engine;

import static java.util.Objects.requireNonNull;

import dev.assay.metric.Metric;
import dev.assay.metric.MetricValues;
import java.time.Duration;
import java.util.Map;

/**
 * What an engine computed and what it cost.
 *
 * @param values the metric values and failures
 * @param scans passes over the data, or queries run where the data lives (0 when the schema or the source's
 *     statistics answered everything)
 * @param rowsScanned rows read into the engine
 * @param badRows rows with cells the source could not read, counted instead of failing
 * @param elapsed time spent
 * @param sources where metrics were computed, for those an engine labels: {@code parquet-statistics} for
 *     metrics answered from a source's statistics without reading rows, {@code sql} for metrics a database
 *     computed, {@code arrow} for metrics streamed through the Arrow engine by an engine that computes
 *     elsewhere; unlabelled metrics were computed by the engine's own pass
 */
public record EngineRun(
        MetricValues values,
        int scans,
        long rowsScanned,
        long badRows,
        Duration elapsed,
        Map<Metric<?>, String> sources) {
    public EngineRun {
        requireNonNull(values, "values is null");
        requireNonNull(elapsed, "elapsed is null");
        sources = Map.copyOf(requireNonNull(sources, "sources is null"));
    }

    /** A run whose metrics were all computed by the engine's own pass. */
    public EngineRun(MetricValues values, int scans, long rowsScanned, long badRows, Duration elapsed) {
        this(values, scans, rowsScanned, badRows, elapsed, Map.of());
    }
}
