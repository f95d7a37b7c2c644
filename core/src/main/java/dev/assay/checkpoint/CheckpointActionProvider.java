package dev.assay.checkpoint;

import java.util.Map;

/**
 * Creates the actions of one {@code type}, found with {@link java.util.ServiceLoader}: a module lists its
 * provider in {@code META-INF/services/dev.assay.checkpoint.CheckpointActionProvider} (the data docs
 * module serves {@code update_data_docs}, the CloudWatch module {@code publish_cloudwatch_metrics}).
 */
public interface CheckpointActionProvider {
    /** The action type a checkpoint names, snake_case, e.g. {@code publish_cloudwatch_metrics}. */
    String type();

    /**
     * An action configured by {@code config}: the action's entry in the checkpoint, less {@code type} and
     * {@code name}, as plain maps, lists, strings, numbers and booleans (suite parameters already filled).
     *
     * @throws dev.assay.error.AssayException with {@code INVALID_CONFIGURATION} for an unknown key or a bad
     *     value, naming it
     */
    CheckpointAction create(Map<String, Object> config);
}
