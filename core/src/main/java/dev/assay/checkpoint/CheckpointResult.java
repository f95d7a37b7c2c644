package dev.assay.checkpoint;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The outcome of running a checkpoint: its validations and what each action did.
 *
 * @param run the validations and where their results were stored
 * @param actions one outcome per action, in the order they ran (storing the results first)
 * @param errors the validations that could not run (a missing file, an unreachable database), each as
 *     "which validation: what went wrong"; the others ran
 */
public record CheckpointResult(CheckpointRun run, List<ActionOutcome> actions, List<String> errors) {
    public CheckpointResult {
        requireNonNull(run, "run is null");
        actions = List.copyOf(requireNonNull(actions, "actions is null"));
        errors = List.copyOf(requireNonNull(errors, "errors is null"));
    }

    /** A result where every validation ran. */
    public CheckpointResult(CheckpointRun run, List<ActionOutcome> actions) {
        this(run, actions, List.of());
    }

    /** True when every validation ran and passed (whatever the actions did). */
    public boolean success() {
        return errors.isEmpty() && run.success();
    }

    /** True when every action completed. */
    public boolean actionsSucceeded() {
        return actions.stream().allMatch(ActionOutcome::success);
    }

    /**
     * The exit code for a command line, as {@code assay validate}'s: 0 when every validation passed and
     * every action completed, 1 when a validation failed, 2 when a validation could not run or an action
     * failed (an error to fix before the results can be trusted to have been checked, kept or published).
     */
    public int exitCode() {
        if (!errors.isEmpty() || !actionsSucceeded()) {
            return 2;
        }
        return run.success() ? 0 : 1;
    }
}
