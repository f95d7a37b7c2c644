package dev.assay.checkpoint;

import static java.util.Objects.requireNonNull;

import dev.assay.result.ValidationResult;
import dev.assay.store.ResultKey;
import java.util.Optional;

/**
 * One validation of a checkpoint run.
 *
 * @param asset the data asset's name as the checkpoint names it
 * @param result the validation's result
 * @param stored where the result was stored, once an action ({@code store_validation_result}) stored it
 */
public record ValidationRun(String asset, ValidationResult result, Optional<ResultKey> stored) {
    public ValidationRun {
        requireNonNull(asset, "asset is null");
        requireNonNull(result, "result is null");
        requireNonNull(stored, "stored is null");
    }
}
