package dev.assay.engine;

import static java.util.Objects.requireNonNull;

import dev.assay.metric.Metric;
import dev.assay.metric.MetricValues;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * What an engine computed and what it cost.
 *
 * @param values the metric values and failures
 * @param scans passes over the data (0 when the schema or the source's statistics answered everything)
 * @param rowsScanned rows read
 * @param badRows rows with cells the source could not read, counted instead of failing
 * @param elapsed time spent
 * @param fromStatistics the metrics answered from the source's statistics without reading rows
 * @param statisticsSource where those statistics came from (e.g. {@code parquet-statistics}), or empty
 */
public record EngineRun(
        MetricValues values,
        int scans,
        long rowsScanned,
        long badRows,
        Duration elapsed,
        Set<Metric<?>> fromStatistics,
        Optional<String> statisticsSource) {
    public EngineRun {
        requireNonNull(values, "values is null");
        requireNonNull(elapsed, "elapsed is null");
        fromStatistics = Set.copyOf(requireNonNull(fromStatistics, "fromStatistics is null"));
        requireNonNull(statisticsSource, "statisticsSource is null");
    }

    /** A run that used no statistics. */
    public EngineRun(MetricValues values, int scans, long rowsScanned, long badRows, Duration elapsed) {
        this(values, scans, rowsScanned, badRows, elapsed, Set.of(), Optional.empty());
    }
}
