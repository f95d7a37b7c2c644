package dev.assay.contract.gate;

import static java.util.Objects.requireNonNull;

import java.util.OptionalInt;

/**
 * One test case of a gate report: a rule of a contract and what running it found, one change between two
 * versions, or one lint problem. Immutable.
 *
 * @param group what the case belongs to: the contract object ({@code orders}), {@code foreign keys},
 *     {@code diff}, {@code lint}; the JUnit test case's class name
 * @param name the case's name, unique within its group: the contract path and the check, e.g. {@code
 *     schema[0].properties[1] expect_column_values_to_not_be_null(customer_id)}
 * @param status what was found
 * @param path where in the contract the case points, e.g. {@code schema[0].quality[1]}; empty for the
 *     document
 * @param line the 1-based line of {@code path} in the contract file, or empty when unknown
 * @param message one line saying what was found; empty for a passed case
 * @param detail further lines (observed value, counts, samples); may be empty
 */
public record GateCase(
        String group, String name, Status status, String path, OptionalInt line, String message, String detail) {
    public GateCase {
        requireNonNull(group, "group is null");
        requireNonNull(name, "name is null");
        requireNonNull(status, "status is null");
        requireNonNull(path, "path is null");
        requireNonNull(line, "line is null");
        requireNonNull(message, "message is null");
        requireNonNull(detail, "detail is null");
    }

    /** What a case found. */
    public enum Status {
        /** The rule held. */
        PASSED,
        /** A rule of error severity (or none) failed, a breaking change, an error-severity lint problem. */
        BREACH,
        /** A rule of severity {@code warning} or {@code info} failed, a warning change or lint problem. */
        WARNING,
        /** The rule could not be evaluated (a bad query, a column of the wrong type): it fails the gate. */
        ERRORED,
        /** Assay does not execute this part of the contract: it fails the gate unless allowed. */
        NOT_EXECUTED,
        /** Worth knowing, never failing: an added optional column, an info lint problem. */
        INFO
    }
}
