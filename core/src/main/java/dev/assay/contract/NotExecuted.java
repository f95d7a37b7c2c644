package dev.assay.contract;

import static java.util.Objects.requireNonNull;

/**
 * A part of a contract that Assay does not check, with the reason. A contract gate fails while any is
 * left, unless the user allows it: nothing in a contract passes silently. Immutable.
 *
 * @param path where it is in the contract, e.g. {@code schema[0].quality[2]}
 * @param what what it is, e.g. {@code custom rule (engine soda)}
 * @param reason why Assay does not check it
 */
public record NotExecuted(String path, String what, String reason) {
    public NotExecuted {
        requireNonNull(path, "path is null");
        requireNonNull(what, "what is null");
        requireNonNull(reason, "reason is null");
    }

    @Override
    public String toString() {
        return path + ": " + what + " not executed: " + reason;
    }
}
