package dev.assay.jdbc;

import dev.assay.metric.Metric;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * One metric's share of an aggregate SELECT: its select items, and how its value is made from them (and, for
 * some, from a query of its own). Made by {@link SqlPlanner}, run by {@link SqlRun}. Not thread-safe: each is
 * read and finished by one thread at a time.
 */
abstract class Planned {
    final Metric<?> metric;
    private final List<Sql> items;
    Object[] results;
    /** The rows of {@link #standalone}, once run. */
    List<Object[]> standaloneRows;
    /** Why {@link #standalone} failed, if it did: the metric then streams. */
    SQLException standaloneFailure;
    /** Whether the aggregate statement holding this metric failed. */
    boolean failed;

    Planned(Metric<?> metric, List<Sql> items) {
        this.metric = metric;
        this.items = items;
    }

    /** The select items, over the rows {@code where} keeps. */
    List<Sql> items(Sql where) {
        return items;
    }

    /** Whether {@link #finish} runs a query of its own (the samples of a failed check). */
    boolean followsUp() {
        return false;
    }

    /**
     * A query of its own that needs no aggregate result, run side by side with the aggregates; its rows are
     * in {@link #standaloneRows} by {@link #finish}.
     */
    Optional<Standalone> standalone(Sql where) {
        return Optional.empty();
    }

    /** Reads this metric's items from the aggregate row, at the 1-based {@code columns}. */
    void read(SqlSession session, ResultSet row, int[] columns) throws SQLException {
        results = new Object[columns.length];
        for (int i = 0; i < columns.length; i++) {
            results[i] = readItem(session, row, columns[i], i);
        }
    }

    /** Reads item {@code i}; by default as an exact number (a count, a sum). */
    Object readItem(SqlSession session, ResultSet row, int column, int i) throws SQLException {
        return decimal(row, column);
    }

    /** The metric's value from the items read, running follow-up queries where needed. */
    abstract Object finish(SqlSession session, Sql where) throws SQLException;

    long count(int i) {
        return results[i] == null ? 0 : ((BigDecimal) results[i]).longValueExact();
    }

    /** Reads an exact number: a count, a sum; null stays null. */
    static BigDecimal decimal(ResultSet row, int column) throws SQLException {
        Object value = row.getObject(column);
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (value instanceof Double || value instanceof Float) {
            return BigDecimal.valueOf(((Number) value).doubleValue());
        }
        if (value instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        return new BigDecimal(value.toString().trim());
    }

    /** A query run on its own, and the types of its columns. */
    record Standalone(Sql query, List<Field> fields) {}

    /**
     * Thrown by a metric that, after its aggregate, needs what the dialect cannot give: samples of a failed
     * check where rows cannot be numbered in data order. The engine streams that metric instead.
     */
    static final class StreamInstead extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StreamInstead() {
            super(null, null, false, false);
        }
    }
}
