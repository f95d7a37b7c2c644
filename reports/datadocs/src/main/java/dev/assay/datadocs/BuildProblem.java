package dev.assay.datadocs;

import static java.util.Objects.requireNonNull;

/**
 * A stored result the site could not show, and why; the rest of the site is built regardless.
 *
 * @param key the result's key in the results store, e.g. {@code validations/orders/orders/latest/...json}
 * @param reason what was wrong with it, e.g. {@code not valid JSON: Unexpected end-of-input ...}
 */
public record BuildProblem(String key, String reason) {
    public BuildProblem {
        requireNonNull(key, "key is null");
        requireNonNull(reason, "reason is null");
    }

    @Override
    public String toString() {
        return key + ": " + reason;
    }
}
