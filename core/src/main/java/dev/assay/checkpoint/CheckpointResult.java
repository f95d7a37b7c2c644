package dev.assay.checkpoint;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /**
     * The run as plain maps and lists, for a JSON document ({@code assay checkpoint run --format json}, a
     * Lambda handler's response): checkpoint, run id, start, success, exit code, per validation its suite,
     * asset, batch, success, counts and stored key, the errors, and per action its outcome.
     */
    public Map<String, Object> summary() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("checkpoint", run.checkpoint());
        out.put("run_id", run.runId());
        out.put("started_at", run.startedAt().toString());
        out.put("success", success());
        out.put("exit_code", exitCode());
        List<Object> validations = new ArrayList<>();
        for (ValidationRun v : run.validations()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("suite", v.result().suiteName());
            entry.put("asset", v.asset());
            entry.put("batch", v.result().batchName());
            entry.put("success", v.result().success());
            entry.put("evaluated_expectations", v.result().statistics().evaluated());
            entry.put("unsuccessful_expectations", v.result().statistics().unsuccessful());
            entry.put("stored_as", v.stored().map(k -> k.key()).orElse(null));
            validations.add(entry);
        }
        out.put("validations", validations);
        out.put("errors", errors);
        List<Object> outcomes = new ArrayList<>();
        for (ActionOutcome a : actions) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", a.name());
            entry.put("type", a.type());
            entry.put("success", a.success());
            entry.put("message", a.message());
            outcomes.add(entry);
        }
        out.put("actions", outcomes);
        return out;
    }
}
