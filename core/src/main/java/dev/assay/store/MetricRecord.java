package dev.assay.store;

import static java.util.Objects.requireNonNull;

import dev.assay.result.ValidationResult;
import dev.assay.source.BatchIdentity;
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

    /**
     * The record of a validation run of {@code asset}: the metrics the run computed ({@link
     * ValidationResult#metrics()}), its batch (the batch request when the batch has an identity, else the
     * batch's name), suite and start time.
     *
     * @param asset the data asset, as the validator's history was keyed ({@code Validator.withHistory}); never
     *     null
     * @param result the validation result, never null
     * @param runId the run's id, never null
     */
    public static MetricRecord of(String asset, ValidationResult result, String runId) {
        requireNonNull(result, "result is null");
        String batch = result.batchIdentity()
                .map(BatchIdentity::request)
                .filter(r -> !r.isEmpty())
                .orElse(result.batchName());
        return new MetricRecord(asset, batch, result.suiteName(), result.run().startedAt(), runId, result.metrics());
    }

    /**
     * The record of a validation run, under the asset of the batch's identity, or the batch's name when it
     * has none.
     *
     * @see #of(String, ValidationResult, String)
     */
    public static MetricRecord of(ValidationResult result, String runId) {
        requireNonNull(result, "result is null");
        String asset = result.batchIdentity().map(BatchIdentity::asset).orElse(result.batchName());
        return of(asset, result, runId);
    }
}
