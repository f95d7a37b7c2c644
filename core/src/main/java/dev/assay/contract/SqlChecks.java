package dev.assay.contract;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs {@link SqlCheck}s on a JDBC connection (plain {@code java.sql}; the caller opens and closes the
 * connection, with credentials from its own configuration). Each query must return one row with one
 * value; a query that fails or returns something else gives an errored outcome, and the other checks
 * still run. Stateless and thread-safe (a connection is not: use one per thread).
 */
public final class SqlChecks {
    private SqlChecks() {}

    /**
     * What one check found.
     *
     * @param check the check
     * @param success true when the value satisfies the threshold
     * @param observed the value the query returned, or empty when it errored
     * @param error why the check could not be evaluated, or empty
     */
    public record Outcome(SqlCheck check, boolean success, Optional<Object> observed, Optional<String> error) {
        public Outcome {
            requireNonNull(check, "check is null");
            requireNonNull(observed, "observed is null");
            requireNonNull(error, "error is null");
        }

        /** A line for a report: what was observed and what the rule expected, or the error. */
        public String message() {
            if (error.isPresent()) {
                return check.path() + ": errored: " + error.get();
            }
            return check.path() + ": observed " + Threshold.show(observed.orElse(null)) + ", expected "
                    + check.threshold().describe() + (success ? " (passed)" : " (failed)");
        }
    }

    /** Runs every check in order. */
    public static List<Outcome> run(List<SqlCheck> checks, Connection connection) {
        List<Outcome> out = new ArrayList<>();
        for (SqlCheck c : checks) {
            out.add(run(c, connection));
        }
        return out;
    }

    /** Runs one check. */
    public static Outcome run(SqlCheck check, Connection connection) {
        requireNonNull(check, "check is null");
        requireNonNull(connection, "connection is null");
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery(check.query())) {
            if (rs.getMetaData().getColumnCount() != 1) {
                return errored(
                        check,
                        "the query returns " + rs.getMetaData().getColumnCount()
                                + " columns; a sql rule's query returns one value");
            }
            if (!rs.next()) {
                return errored(check, "the query returns no row; a sql rule's query returns one value");
            }
            Object value = rs.getObject(1);
            if (rs.next()) {
                return errored(check, "the query returns more than one row; a sql rule's query returns one value");
            }
            if (value != null && !(value instanceof Number) && !(value instanceof Boolean)) {
                return errored(
                        check,
                        "the query returns " + value.getClass().getSimpleName() + " '" + value
                                + "'; a sql rule's query returns a number or a boolean");
            }
            return new Outcome(
                    check,
                    value != null && check.threshold().test(value),
                    Optional.ofNullable(value),
                    value == null ? Optional.of("the query returns null") : Optional.empty());
        } catch (SQLException e) {
            return errored(check, "the query failed: " + e.getMessage());
        }
    }

    private static Outcome errored(SqlCheck check, String why) {
        return new Outcome(check, false, Optional.empty(), Optional.of(why));
    }
}
