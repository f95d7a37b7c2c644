package dev.assay.contract.gate;

import static java.util.Objects.requireNonNull;

import dev.assay.contract.gate.GateCase.Status;
import java.util.List;

/**
 * What a gate command found: one {@link GateCase} per rule, change or problem, the errors that kept it from
 * running completely, and the policy that turns them into an exit code. Immutable.
 *
 * <p>Exit codes: {@value #ERROR} when {@link #errors()} is not empty (an unreadable contract, a server that
 * cannot be reached, a bad git revision); else {@value #FAILED} when a case {@linkplain #failing fails};
 * else {@value #PASSED}.
 *
 * @param command {@code test}, {@code diff} or {@code lint}
 * @param file the contract file as the user named it, for annotations and messages
 * @param cases the cases, in contract order
 * @param errors what kept the command from running completely, one message each; usually empty
 * @param failOn whether warnings fail the gate
 * @param allowNotExecuted whether parts Assay does not execute are allowed (otherwise they fail the gate)
 */
public record GateReport(
        String command,
        String file,
        List<GateCase> cases,
        List<String> errors,
        FailOn failOn,
        boolean allowNotExecuted) {
    /** Exit code: the gate passed. */
    public static final int PASSED = 0;
    /** Exit code: a breach, a breaking change or a lint error (or a warning under {@link FailOn#WARNING}). */
    public static final int FAILED = 1;
    /** Exit code: the command could not run (unreadable contract, unreachable data, bad revision). */
    public static final int ERROR = 2;

    public GateReport {
        requireNonNull(command, "command is null");
        requireNonNull(file, "file is null");
        cases = List.copyOf(requireNonNull(cases, "cases is null"));
        errors = List.copyOf(requireNonNull(errors, "errors is null"));
        requireNonNull(failOn, "failOn is null");
    }

    /** A report of a command that could not run at all. */
    public static GateReport error(String command, String file, String message) {
        return new GateReport(command, file, List.of(), List.of(message), FailOn.ERROR, false);
    }

    /**
     * True when {@code c} fails the gate: a breach or an errored rule always; a warning under {@link
     * FailOn#WARNING}; a part not executed unless allowed.
     */
    public boolean failing(GateCase c) {
        switch (c.status()) {
            case BREACH:
            case ERRORED:
                return true;
            case WARNING:
                return failOn == FailOn.WARNING;
            case NOT_EXECUTED:
                return !allowNotExecuted;
            case PASSED:
            case INFO:
                return false;
        }
        throw new AssertionError(c.status());
    }

    /**
     * What a case's status is called in this command's output: for {@code diff} a breach is {@code breaking},
     * for {@code lint} an {@code error}; otherwise the status in lower case ({@code breach}, {@code not
     * executed}, ...).
     */
    public String label(GateCase c) {
        if (c.status() == GateCase.Status.BREACH && command.equals("diff")) {
            return "breaking";
        }
        if (c.status() == GateCase.Status.BREACH && command.equals("lint")) {
            return "error";
        }
        return c.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    /** The exit code: {@value #ERROR}, {@value #FAILED} or {@value #PASSED}. */
    public int exitCode() {
        if (!errors.isEmpty()) {
            return ERROR;
        }
        return cases.stream().anyMatch(this::failing) ? FAILED : PASSED;
    }

    /** True when the gate passed: exit code {@value #PASSED}. */
    public boolean passed() {
        return exitCode() == PASSED;
    }

    /** How many cases have {@code status}. */
    public int count(Status status) {
        return (int) cases.stream().filter(c -> c.status() == status).count();
    }

    /** The cases with {@code status}, in order. */
    public List<GateCase> cases(Status status) {
        return cases.stream().filter(c -> c.status() == status).toList();
    }

    /** This report with one more error, e.g. for data that could not be read. */
    public GateReport withError(String message) {
        List<String> all = new java.util.ArrayList<>(errors);
        all.add(requireNonNull(message, "message is null"));
        return new GateReport(command, file, cases, all, failOn, allowNotExecuted);
    }
}
