package dev.assay.contract.gate;

import static java.util.Objects.requireNonNull;

import java.util.OptionalInt;

/**
 * One change between two versions of a contract, as {@link ContractDiff} classifies it. Immutable.
 *
 * @param path where the change is: in the new version, or in the old one for a removal
 * @param line the 1-based line of {@code path} in that version's file, or empty when unknown
 * @param severity how it affects the contract's consumers and the data already written
 * @param message what changed, e.g. {@code property 'orders.amount': logicalType narrowed from number to
 *     integer}
 */
public record Change(String path, OptionalInt line, Severity severity, String message) {
    public Change {
        requireNonNull(path, "path is null");
        requireNonNull(line, "line is null");
        requireNonNull(severity, "severity is null");
        requireNonNull(message, "message is null");
    }

    /** How a change affects consumers and existing data. */
    public enum Severity {
        /**
         * Consumers or existing data may break: a removed or renamed object or column, a narrowed type, a
         * column made required or unique, a tightened or added rule, an added required column.
         */
        BREAKING,
        /** Compatible, but worth a look: a widened type, a loosened or removed rule, a server change. */
        WARNING,
        /** Harmless: an added optional column or object, metadata (version, description, tags). */
        INFO
    }

    @Override
    public String toString() {
        return severity + " " + path
                + line.stream().mapToObj(l -> " (line " + l + ")").findFirst().orElse("") + ": " + message;
    }
}
