package dev.assay.contract.gate;

import java.util.Locale;

/** Which findings fail a gate: errors only (the default), or warnings too. */
public enum FailOn {
    /** Breaches, errored rules, breaking changes and error-severity lint problems fail the gate. */
    ERROR,
    /** As {@link #ERROR}, and warnings too (failed warning-severity rules, warning changes and problems). */
    WARNING;

    /**
     * The policy named {@code error} or {@code warning} (any case).
     *
     * @throws IllegalArgumentException naming the value and the allowed ones
     */
    public static FailOn parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("error")) {
            return ERROR;
        }
        if (t.equals("warning")) {
            return WARNING;
        }
        throw new IllegalArgumentException("fail-on must be 'error' or 'warning', got '" + text + "'");
    }
}
