package dev.assay.cloudwatch;

import static java.util.Objects.requireNonNull;

import dev.assay.checkpoint.CheckpointRun;
import dev.assay.result.ValidationResult;
import java.util.List;

/**
 * One validation to publish: its result, the checkpoint that ran it and the data asset it validated.
 * Immutable.
 *
 * @param checkpoint the checkpoint's name (the {@code Checkpoint} dimension), never null
 * @param dataAsset the data asset's name (the {@code DataAsset} dimension), never null
 * @param result the result; its suite is the {@code Suite} dimension and its {@code run().startedAt()} the
 *     metrics' timestamp, never null
 */
public record Validation(String checkpoint, String dataAsset, ValidationResult result) {
    public Validation {
        requireNonNull(checkpoint, "checkpoint is null");
        requireNonNull(dataAsset, "dataAsset is null");
        requireNonNull(result, "result is null");
    }

    /** The validations of a checkpoint run, in its order; never null. */
    public static List<Validation> of(CheckpointRun run) {
        requireNonNull(run, "run is null");
        return run.validations().stream()
                .map(v -> new Validation(run.checkpoint(), v.asset(), v.result()))
                .toList();
    }
}
