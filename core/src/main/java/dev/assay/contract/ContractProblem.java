package dev.assay.contract;

import static java.util.Objects.requireNonNull;

import java.util.OptionalInt;

/**
 * One problem found in a contract: where it is (a path such as {@code schema[0].properties[2].logicalType}
 * and, when known, the line in the file) and what is wrong. Immutable.
 *
 * @param source the file name or description of the contract text, never null
 * @param path the path of the offending node; empty for the document itself
 * @param line the 1-based line of the node in the file, or empty
 * @param severity how bad it is
 * @param message what is wrong and what was expected, never null
 */
public record ContractProblem(String source, String path, OptionalInt line, Severity severity, String message) {
    public ContractProblem {
        requireNonNull(source, "source is null");
        requireNonNull(path, "path is null");
        requireNonNull(line, "line is null");
        requireNonNull(severity, "severity is null");
        requireNonNull(message, "message is null");
    }

    /** How bad a problem is. */
    public enum Severity {
        /** The contract cannot be used as written. */
        ERROR,
        /** The contract can be used, but a part of it will not do what its author likely meant. */
        WARNING,
        /** Worth knowing; nothing is wrong. */
        INFO
    }

    /** {@code orders.odcs.yaml:12: schema[0].properties[2].logicalType: must be one of [...]}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(source);
        line.ifPresent(l -> s.append(':').append(l));
        s.append(": ");
        if (!path.isEmpty()) {
            s.append(path).append(": ");
        }
        return s.append(message).toString();
    }
}
