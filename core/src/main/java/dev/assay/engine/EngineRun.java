package dev.assay.engine;

import static java.util.Objects.requireNonNull;

import dev.assay.metric.MetricValues;
import java.time.Duration;

/**
 * What an engine computed and what it cost.
 *
 * @param values the metric values and failures
 * @param scans passes over the data (0 when the schema answered everything)
 * @param rowsScanned rows read
 * @param badRows rows with cells the source could not read, counted instead of failing
 * @param elapsed time spent
 */
public record EngineRun(MetricValues values, int scans, long rowsScanned, long badRows, Duration elapsed) {
    public EngineRun {
        requireNonNull(values, "values is null");
        requireNonNull(elapsed, "elapsed is null");
    }
}
