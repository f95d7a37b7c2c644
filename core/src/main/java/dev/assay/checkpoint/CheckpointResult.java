package dev.assay.checkpoint;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The outcome of running a checkpoint: its validations and what each action did.
 *
 * @param run the validations and where their results were stored
 * @param actions one outcome per action, in the order they ran (storing the results first)
 */
public record CheckpointResult(CheckpointRun run, List<ActionOutcome> actions) {
    public CheckpointResult {
        requireNonNull(run, "run is null");
        actions = List.copyOf(requireNonNull(actions, "actions is null"));
    }

    /** True when every validation passed (whatever the actions did). */
    public boolean success() {
        return run.success();
    }

    /** True when every action completed. */
    public boolean actionsSucceeded() {
        return actions.stream().allMatch(ActionOutcome::success);
    }

    /**
     * The exit code for a command line, as {@code assay validate}'s: 0 when every validation passed and
     * every action completed, 1 when a validation failed, 2 when an action failed (an error to fix before
     * the results can be trusted to have been kept or published).
     */
    public int exitCode() {
        if (!actionsSucceeded()) {
            return 2;
        }
        return success() ? 0 : 1;
    }
}
