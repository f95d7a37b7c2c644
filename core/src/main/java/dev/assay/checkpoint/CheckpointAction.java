package dev.assay.checkpoint;

/**
 * Something a checkpoint does with its results once every validation has run: store them, update data
 * docs, publish metrics, write a report, call a webhook. Actions run in the order the checkpoint lists
 * them; one that throws is reported in the {@link CheckpointResult} and the others still run, so a failed
 * action never loses a validation result. Created by a {@link CheckpointActionProvider}.
 */
public interface CheckpointAction {
    /**
     * Acts on a finished checkpoint run.
     *
     * @param run the validations and their results (and, once stored, their keys)
     * @param context the project the checkpoint belongs to: its stores and settings
     * @return a one-line summary for the run's report, such as {@code "published 12 metrics to Assay"}
     * @throws Exception when the action fails; the message is reported as the action's outcome
     */
    String run(CheckpointRun run, ActionContext context) throws Exception;
}
