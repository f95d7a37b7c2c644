package dev.assay.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/** Tells a lost connection from an error of the statement. Stateless. */
final class JdbcErrors {
    /** How long to wait for a connection to answer whether it is still alive, in seconds. */
    private static final int VALID_TIMEOUT_SECONDS = 2;

    private JdbcErrors() {}

    /** True when {@code e} or a cause says the connection failed (SQL state class 08, or the driver's type). */
    static boolean isConnectionLost(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException s
                    && s.getSQLState() != null
                    && s.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when {@code e} says the connection failed or {@code connection} no longer answers, as after a
     * server that ended the session (PostgreSQL reports that as an administrator command, state 57P01).
     */
    static boolean isConnectionLost(SQLException e, Connection connection) {
        if (isConnectionLost(e)) {
            return true;
        }
        try {
            return connection.isClosed() || !connection.isValid(VALID_TIMEOUT_SECONDS);
        } catch (SQLException | RuntimeException probe) {
            e.addSuppressed(probe);
            return true;
        }
    }
}
