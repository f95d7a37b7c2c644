package dev.assay.jdbc;

import static dev.assay.jdbc.SqlEngine.LOG;
import static dev.assay.jdbc.SqlEngine.SQL;

import dev.assay.error.SourceUnavailableException;
import dev.assay.jdbc.Planned.Standalone;
import dev.assay.jdbc.Planned.StreamInstead;
import dev.assay.metric.Metric;
import dev.assay.metric.MetricValues;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.jdbi.v3.core.Handle;

/**
 * Runs one validation's planned metrics in the database: the aggregate statements on one connection and,
 * side by side on a second, the queries that do not need them (distinct values, duplicate counts); then the
 * follow-ups (samples of the checks that failed), split over this connection and a second one. A metric whose
 * statement or query fails is left to stream; a lost connection fails the validation. Counts the queries run
 * and rows read. Made per {@link SqlEngine#compute} call; not thread-safe.
 */
final class SqlRun {
    private final JdbcBatch batch;
    private final JdbcBatch.Relation relation;
    private final SqlSession.Counters counters = new SqlSession.Counters();

    SqlRun(JdbcBatch batch, JdbcBatch.Relation relation) {
        this.batch = batch;
        this.relation = relation;
    }

    /** The queries run so far. */
    int queries() {
        return counters.queries.get();
    }

    /** The rows read so far. */
    long rows() {
        return counters.rows.get();
    }

    /**
     * Runs {@code statements}, each over the rows its metrics' {@code wheres} keeps (every planned metric is a
     * key of {@code wheres}); puts each metric computed into {@code values} with the source {@code sql}, and
     * adds each that must stream instead to {@code streamed}.
     */
    void run(
            Map<Planned, Sql> wheres,
            List<List<Planned>> statements,
            MetricValues.Builder values,
            Map<Metric<?>, String> sources,
            Set<Metric<?>> streamed) {
        List<Planned> standalone = wheres.keySet().stream()
                .filter(p -> p.standalone(wheres.get(p)).isPresent())
                .toList();
        boolean aggregates = wheres.entrySet().stream()
                .anyMatch(e -> !e.getKey().items(e.getValue()).isEmpty());
        try (Handle handle = batch.source().open();
                BufferAllocator allocator = new RootAllocator()) {
            Connection connection = handle.getConnection();
            SqlSession session = new SqlSession(batch, connection, allocator, relation, counters);
            ExecutorService side = null;
            Future<?> sideDone = null;
            if (!standalone.isEmpty()) {
                if (aggregates) {
                    side = sideThread();
                    sideDone = side.submit(() -> runStandalone(standalone, wheres));
                } else {
                    runStandalone(standalone, wheres, session);
                }
            }
            try {
                for (List<Planned> statement : statements) {
                    Sql where = wheres.get(statement.get(0));
                    try {
                        session.aggregate(statement, where);
                    } catch (SQLException e) {
                        if (JdbcErrors.isConnectionLost(e, connection)) {
                            throw batch.lostConnection(e, "validating");
                        }
                        LOG.warn(
                                "{} could not compute {} metrics of '{}' ({}); streaming them instead",
                                relation.dialect().label(),
                                statement.size(),
                                batch.name(),
                                batch.source().secrets().mask(e.getMessage()));
                        statement.forEach(p -> p.failed = true);
                        statement.forEach(p -> streamed.add(p.metric));
                    }
                }
                if (sideDone != null) {
                    awaitSide(sideDone);
                }
            } finally {
                if (side != null) {
                    side.shutdownNow();
                }
            }
            // Follow-ups (samples of failed checks) split over this connection and a second one.
            List<Planned> toFinish =
                    wheres.keySet().stream().filter(p -> !p.failed).toList();
            List<Planned> followers =
                    toFinish.stream().filter(Planned::followsUp).toList();
            List<Planned> sideShare =
                    followers.size() < 2 ? List.of() : followers.subList(followers.size() / 2, followers.size());
            Map<Planned, Outcome> outcomes = new ConcurrentHashMap<>();
            ExecutorService finisher = null;
            Handle sideHandle = null;
            BufferAllocator sideAllocator = null;
            try {
                Future<?> sideFinished = null;
                if (!sideShare.isEmpty()) {
                    sideHandle = batch.source().open();
                    sideAllocator = new RootAllocator();
                    SqlSession sideSession =
                            new SqlSession(batch, sideHandle.getConnection(), sideAllocator, relation, counters);
                    finisher = sideThread();
                    sideFinished = finisher.submit(() -> {
                        for (Planned p : sideShare) {
                            outcomes.put(p, finishOne(p, sideSession, wheres.get(p)));
                        }
                    });
                }
                for (Planned p : toFinish) {
                    if (!sideShare.contains(p)) {
                        outcomes.put(p, finishOne(p, session, wheres.get(p)));
                    }
                }
                if (sideFinished != null) {
                    awaitSide(sideFinished);
                }
            } finally {
                if (finisher != null) {
                    finisher.shutdownNow();
                }
                if (sideHandle != null) {
                    sideHandle.close();
                }
                if (sideAllocator != null) {
                    sideAllocator.close();
                }
            }
            for (Planned p : toFinish) {
                Outcome outcome = outcomes.get(p);
                if (outcome.failure() == null) {
                    SqlEngine.put(values, p.metric, outcome.value());
                    sources.put(p.metric, SQL);
                    continue;
                }
                if (outcome.failure() instanceof SQLException e) {
                    LOG.warn(
                            "{} could not compute {} on '{}' ({}); streaming it instead",
                            relation.dialect().label(),
                            p.metric,
                            batch.name(),
                            batch.source().secrets().mask(e.getMessage()));
                }
                streamed.add(p.metric);
            }
        }
    }

    /** Runs the standalone queries on a connection of their own (from the side thread). */
    private Void runStandalone(List<Planned> standalone, Map<Planned, Sql> wheres) throws SQLException {
        try (Handle handle = batch.source().open();
                BufferAllocator allocator = new RootAllocator()) {
            runStandalone(
                    standalone, wheres, new SqlSession(batch, handle.getConnection(), allocator, relation, counters));
        }
        return null;
    }

    /** Runs each standalone query, keeping its rows, or its failure for the metric to stream. */
    private void runStandalone(List<Planned> standalone, Map<Planned, Sql> wheres, SqlSession session) {
        for (Planned p : standalone) {
            Standalone query = p.standalone(wheres.get(p)).orElseThrow();
            try {
                p.standaloneRows = session.rows(query.query(), query.fields());
            } catch (SQLException e) {
                if (JdbcErrors.isConnectionLost(e, session.connection)) {
                    throw batch.lostConnection(e, "validating");
                }
                p.standaloneFailure = e;
            }
        }
    }

    /** A metric's value, or why it must stream instead ({@link StreamInstead} or a failed query). */
    private record Outcome(Object value, Exception failure) {}

    /** Finishes one metric on {@code session}; a lost connection fails the validation. */
    private Outcome finishOne(Planned p, SqlSession session, Sql where) {
        try {
            if (p.standaloneFailure != null) {
                throw p.standaloneFailure;
            }
            return new Outcome(p.finish(session, where), null);
        } catch (StreamInstead e) {
            return new Outcome(null, e);
        } catch (SQLException e) {
            if (JdbcErrors.isConnectionLost(e, session.connection)) {
                throw batch.lostConnection(e, "validating");
            }
            return new Outcome(null, e);
        }
    }

    /** A single daemon thread for the queries run beside this connection's. */
    private static ExecutorService sideThread() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "assay-sql-side");
            t.setDaemon(true);
            return t;
        });
    }

    /** Waits for the side thread; its lost connection or other failure is the validation's. */
    private static void awaitSide(Future<?> done) {
        try {
            done.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new SourceUnavailableException("a query failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceUnavailableException("interrupted while the database computed", e);
        }
    }
}
