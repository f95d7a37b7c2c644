package dev.assay.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The metrics of one validation run of a data asset, as the metric history keeps them.
 *
 * @param asset the data asset's name
 * @param batch the batch, as its request reads
 * @param suite the suite that was run
 * @param time when the validation started
 * @param runId the run's id (as in its {@link ResultKey})
 * @param values metric values by name (such as {@code table.row_count} or {@code
 *     column.mean(fare_amount)}), in a stable order
 */
public record MetricRecord(
        String asset, String batch, String suite, Instant time, String runId, Map<String, Double> values) {
    public MetricRecord {
        requireNonNull(asset, "asset is null");
        requireNonNull(batch, "batch is null");
        requireNonNull(suite, "suite is null");
        requireNonNull(time, "time is null");
        requireNonNull(runId, "runId is null");
        values = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(values, "values is null")));
    }
}
