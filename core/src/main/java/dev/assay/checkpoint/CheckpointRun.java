package dev.assay.checkpoint;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * A checkpoint's validations, as its actions see them.
 *
 * @param checkpoint the checkpoint's name
 * @param runId the run's id, shared by the results it stores
 * @param startedAt when the checkpoint started
 * @param validations one entry per validation, in the checkpoint's order
 */
public record CheckpointRun(String checkpoint, String runId, Instant startedAt, List<ValidationRun> validations) {
    public CheckpointRun {
        requireNonNull(checkpoint, "checkpoint is null");
        requireNonNull(runId, "runId is null");
        requireNonNull(startedAt, "startedAt is null");
        validations = List.copyOf(requireNonNull(validations, "validations is null"));
    }

    /** True when every validation passed. */
    public boolean success() {
        return validations.stream().allMatch(v -> v.result().success());
    }
}
