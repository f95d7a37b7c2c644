package dev.assay.jdbc;

import static java.util.Objects.requireNonNull;

import dev.assay.engine.Engine;
import dev.assay.engine.EngineRun;
import dev.assay.engine.arrow.ArrowValues;
import dev.assay.error.MetricUnavailableException;
import dev.assay.error.SourceUnavailableException;
import dev.assay.jdbc.SqlCompiler.Kind;
import dev.assay.metric.ColumnDistinctCount;
import dev.assay.metric.ColumnDistinctValues;
import dev.assay.metric.ColumnMax;
import dev.assay.metric.ColumnMean;
import dev.assay.metric.ColumnMedian;
import dev.assay.metric.ColumnMin;
import dev.assay.metric.ColumnNullCount;
import dev.assay.metric.ColumnQuantiles;
import dev.assay.metric.ColumnStdev;
import dev.assay.metric.ColumnSum;
import dev.assay.metric.DuplicateRows;
import dev.assay.metric.Metric;
import dev.assay.metric.MetricValues;
import dev.assay.metric.RowCount;
import dev.assay.metric.RowPredicate;
import dev.assay.metric.UnexpectedRows;
import dev.assay.metric.UnexpectedRowsResult;
import dev.assay.metric.UnexpectedRowsResult.UnexpectedRow;
import dev.assay.model.RowFilter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SQL engine: computes a validation's metrics in the database that holds the table. The metrics of one
 * row filter compile into one aggregate {@code SELECT} over the relation (several when the dialect's limits on
 * parameters or select items demand), so the database returns one row however large the table is. Values
 * are bound parameters; names are quoted.
 *
 * <p>Before any SQL runs, the streaming engine checks every metric against the schema on a batch of no rows,
 * so that a metric that does not apply fails with exactly the message it would give on the data. A metric
 * the dialect cannot compute with exactly the Arrow engine's meaning (a regular expression in SQLite, a
 * median in MariaDB, text dates in SQLite) is computed by the streaming engine instead, reading only its
 * columns; each metric's source ({@code sql} or {@code arrow}) is reported in {@link EngineRun#sources()}.
 * Samples of unexpected rows are fetched only for checks that found some, by one query each that returns at
 * most the sample limit.
 *
 * <p>Created per batch by {@link JdbcBatch#engine}; thread-safe.
 */
final class SqlEngine implements Engine {
    private static final Logger LOG = LoggerFactory.getLogger(SqlEngine.class);
    static final String SQL = "sql";
    static final String STREAMED = "arrow";
    private static final String ROW = "assay_row";

    private final JdbcBatch batch;
    private final Engine streaming;

    SqlEngine(JdbcBatch batch, Engine streaming) {
        this.batch = requireNonNull(batch, "batch is null");
        this.streaming = requireNonNull(streaming, "streaming is null");
    }

    @Override
    public String name() {
        return SQL;
    }

    @Override
    public EngineRun compute(dev.assay.source.Batch data, Set<Metric<?>> metrics) {
        long start = System.nanoTime();
        JdbcBatch.Relation relation = batch.relation();
        MetricValues.Builder values = MetricValues.builder();
        // 1. What the streaming engine rejects on the schema fails here alike; schema-only metrics are answered.
        EngineRun probe = streaming.compute(new SchemaProbe(batch.name(), relation.schema()), metrics);
        Map<Metric<?>, String> sources = new LinkedHashMap<>();
        List<Metric<?>> toCompute = new ArrayList<>();
        for (Metric<?> metric : metrics) {
            Optional<MetricUnavailableException> failure = probe.values().failure(metric);
            if (failure.isPresent()) {
                values.fail(metric, failure.get());
            } else if (metric.schemaOnly()) {
                copy(probe.values(), metric, values);
            } else {
                toCompute.add(metric);
            }
        }
        // 2. Compile what the dialect can say exactly; group it by row filter.
        SqlCompiler compiler = relation.compiler();
        Map<RowFilter, List<Planned>> byFilter = new LinkedHashMap<>();
        Set<Metric<?>> streamed = new LinkedHashSet<>();
        for (Metric<?> metric : toCompute) {
            Optional<Planned> planned = plan(metric, compiler, relation);
            if (planned.isPresent() && compiler.filter(metric.filter()).isPresent()) {
                byFilter.computeIfAbsent(metric.filter(), f -> new ArrayList<>())
                        .add(planned.get());
            } else {
                streamed.add(metric);
            }
        }
        Counters counters = new Counters();
        // 3. Run the aggregates and, side by side on a second connection, the queries that do not need them
        //    (distinct values, duplicate counts); then the follow-ups (samples) for the checks that failed.
        if (!byFilter.isEmpty()) {
            Map<Planned, Sql> wheres = new LinkedHashMap<>();
            List<List<Planned>> statements = new ArrayList<>();
            for (Map.Entry<RowFilter, List<Planned>> group : byFilter.entrySet()) {
                Sql where = compiler.filter(group.getKey()).orElseThrow();
                group.getValue().forEach(p -> wheres.put(p, where));
                statements.addAll(statements(group.getValue(), where, relation.dialect()));
            }
            List<Planned> standalone = wheres.keySet().stream()
                    .filter(p -> p.standalone(wheres.get(p)).isPresent())
                    .toList();
            boolean aggregates = wheres.entrySet().stream()
                    .anyMatch(e -> !e.getKey().items(e.getValue()).isEmpty());
            try (Handle handle = batch.source().open();
                    BufferAllocator allocator = new RootAllocator()) {
                Connection connection = handle.getConnection();
                Session session = new Session(connection, allocator, relation, counters);
                java.util.concurrent.ExecutorService side = null;
                java.util.concurrent.Future<?> sideDone = null;
                if (!standalone.isEmpty()) {
                    if (aggregates) {
                        side = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
                            Thread t = new Thread(r, "assay-sql-side");
                            t.setDaemon(true);
                            return t;
                        });
                        sideDone = side.submit(() -> runStandalone(standalone, wheres, relation, counters));
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
                Map<Planned, Outcome> outcomes = new java.util.concurrent.ConcurrentHashMap<>();
                java.util.concurrent.ExecutorService finisher = null;
                Handle sideHandle = null;
                BufferAllocator sideAllocator = null;
                try {
                    java.util.concurrent.Future<?> sideFinished = null;
                    if (!sideShare.isEmpty()) {
                        sideHandle = batch.source().open();
                        sideAllocator = new RootAllocator();
                        Session sideSession =
                                new Session(sideHandle.getConnection(), sideAllocator, relation, counters);
                        finisher = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
                            Thread t = new Thread(r, "assay-sql-side");
                            t.setDaemon(true);
                            return t;
                        });
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
                        put(values, p.metric, outcome.value());
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
        // 4. The rest goes through the streaming engine, reading only its columns.
        long streamedRows = 0;
        int streamedScans = 0;
        if (!streamed.isEmpty()) {
            LOG.info(
                    "Streaming {} metrics of '{}' that {} cannot compute exactly: {}",
                    streamed.size(),
                    batch.name(),
                    relation.dialect().label(),
                    streamed);
            EngineRun run = streaming.compute(batch.streamed(), streamed);
            for (Metric<?> metric : streamed) {
                copy(run.values(), metric, values);
                sources.put(metric, STREAMED);
            }
            streamedRows = run.rowsScanned();
            streamedScans = run.scans();
        }
        return new EngineRun(
                values.build(),
                counters.queries.get() + streamedScans,
                counters.rows.get() + streamedRows,
                0,
                Duration.ofNanos(System.nanoTime() - start),
                sources);
    }

    /** Runs the standalone queries on a connection of their own (from the side thread). */
    private Void runStandalone(
            List<Planned> standalone, Map<Planned, Sql> wheres, JdbcBatch.Relation relation, Counters counters)
            throws SQLException {
        try (Handle handle = batch.source().open();
                BufferAllocator allocator = new RootAllocator()) {
            runStandalone(standalone, wheres, new Session(handle.getConnection(), allocator, relation, counters));
        }
        return null;
    }

    /** Runs each standalone query, keeping its rows, or its failure for the metric to stream. */
    private void runStandalone(List<Planned> standalone, Map<Planned, Sql> wheres, Session session) {
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
    private Outcome finishOne(Planned p, Session session, Sql where) {
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

    /** Waits for the side thread; its lost connection or other failure is the validation's. */
    private static void awaitSide(java.util.concurrent.Future<?> done) {
        try {
            done.get();
        } catch (java.util.concurrent.ExecutionException e) {
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

    private static void copy(MetricValues from, Metric<?> metric, MetricValues.Builder to) {
        Optional<MetricUnavailableException> failure = from.failure(metric);
        if (failure.isPresent()) {
            to.fail(metric, failure.get());
        } else {
            put(to, metric, from.get(metric));
        }
    }

    @SuppressWarnings("unchecked")
    private static <V> void put(MetricValues.Builder values, Metric<V> metric, Object value) {
        values.put(metric, (V) value);
    }

    /** Splits one filter's metrics into statements within the dialect's limits. */
    private static List<List<Planned>> statements(List<Planned> planned, Sql where, Dialect dialect) {
        List<List<Planned>> out = new ArrayList<>();
        List<Planned> current = new ArrayList<>();
        int items = 0;
        int parameters = where.parameters().size();
        for (Planned p : planned) {
            List<Sql> pieces = p.items(where);
            int pItems = pieces.size();
            int pParameters =
                    pieces.stream().mapToInt(s -> s.parameters().size()).sum();
            if (!current.isEmpty()
                    && (items + pItems > dialect.maxSelectItems()
                            || parameters + pParameters > dialect.maxParameters())) {
                out.add(current);
                current = new ArrayList<>();
                items = 0;
                parameters = where.parameters().size();
            }
            current.add(p);
            items += pItems;
            parameters += pParameters;
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }

    /** Rows and queries, for the run's figures. */
    private static final class Counters {
        private final java.util.concurrent.atomic.AtomicInteger queries =
                new java.util.concurrent.atomic.AtomicInteger();
        private final java.util.concurrent.atomic.AtomicLong rows = new java.util.concurrent.atomic.AtomicLong();
    }

    // ---- planning ----

    /**
     * One metric's share of an aggregate SELECT: its select items, and how its value is made from them (and,
     * for some, from a follow-up query).
     */
    private abstract static class Planned {
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
        void read(Session session, ResultSet row, int[] columns) throws SQLException {
            results = new Object[columns.length];
            for (int i = 0; i < columns.length; i++) {
                results[i] = readItem(session, row, columns[i], i);
            }
        }

        /** Reads item {@code i}; by default as an exact number (a count, a sum). */
        Object readItem(Session session, ResultSet row, int column, int i) throws SQLException {
            return decimal(row, column);
        }

        /** The metric's value from the items read, running follow-up queries where needed. */
        abstract Object finish(Session session, Sql where) throws SQLException;

        long count(int i) {
            return results[i] == null ? 0 : ((BigDecimal) results[i]).longValueExact();
        }
    }

    private Optional<Planned> plan(Metric<?> metric, SqlCompiler compiler, JdbcBatch.Relation relation) {
        Dialect dialect = compiler.dialect();
        if (metric instanceof RowCount m) {
            return Optional.of(new Planned(m, List.of(Sql.of("COUNT(*)"))) {
                @Override
                Object finish(Session session, Sql where) {
                    return count(0);
                }
            });
        }
        if (metric instanceof ColumnNullCount m) {
            String c = compiler.quoted(m.column());
            return Optional.of(new Planned(m, List.of(Sql.of("COUNT(*) - COUNT(" + c + ")"))) {
                @Override
                Object finish(Session session, Sql where) {
                    return count(0);
                }
            });
        }
        if (metric instanceof ColumnMin || metric instanceof ColumnMax) {
            String column = metric instanceof ColumnMin min ? min.column() : ((ColumnMax) metric).column();
            if (!compiler.comparable(column)) {
                return Optional.empty();
            }
            boolean bool = compiler.kind(column) == Kind.BOOLEAN;
            String v = compiler.value(column);
            String item = metric instanceof ColumnMin ? dialect.min(v, bool) : dialect.max(v, bool);
            Field field = compiler.field(column);
            return Optional.of(new Planned(metric, List.of(Sql.of(item))) {
                @Override
                Object readItem(Session session, ResultSet row, int col, int i) throws SQLException {
                    return session.typed(row, col, field);
                }

                @Override
                Object finish(Session session, Sql where) {
                    return Optional.ofNullable(results[0]);
                }
            });
        }
        if (metric instanceof ColumnSum m) {
            return sum(m, m.column(), compiler);
        }
        if (metric instanceof ColumnMean m) {
            return mean(m, compiler);
        }
        if (metric instanceof ColumnStdev m) {
            Optional<String> stddev = dialect.stddev(compiler.quoted(m.column()));
            if (stddev.isEmpty() || !compiler.kind(m.column()).numeric()) {
                return Optional.empty();
            }
            return Optional.of(new Planned(m, List.of(Sql.of(stddev.get()))) {
                @Override
                Object finish(Session session, Sql where) {
                    return Optional.ofNullable(results[0]).map(d -> ((BigDecimal) d).doubleValue());
                }
            });
        }
        if (metric instanceof ColumnMedian m) {
            Optional<String> median = dialect.median(compiler.quoted(m.column()));
            if (median.isEmpty() || !compiler.kind(m.column()).numeric()) {
                return Optional.empty();
            }
            return Optional.of(new Planned(m, List.of(Sql.of(median.get()))) {
                @Override
                Object finish(Session session, Sql where) {
                    return Optional.ofNullable(results[0]).map(d -> ((BigDecimal) d).doubleValue());
                }
            });
        }
        if (metric instanceof ColumnQuantiles m) {
            return quantiles(m, compiler);
        }
        if (metric instanceof ColumnDistinctCount m) {
            if (!compiler.comparable(m.column())) {
                return Optional.empty();
            }
            return Optional.of(new Planned(m, List.of(Sql.of("COUNT(DISTINCT " + compiler.value(m.column()) + ")"))) {
                @Override
                Object finish(Session session, Sql where) {
                    return count(0);
                }
            });
        }
        if (metric instanceof ColumnDistinctValues m) {
            return distinctValues(m, compiler, relation);
        }
        if (metric instanceof UnexpectedRows m) {
            return unexpected(m, compiler, relation);
        }
        if (metric instanceof DuplicateRows m) {
            return duplicates(m, compiler, relation);
        }
        return Optional.empty();
    }

    private Optional<Planned> sum(Metric<?> metric, String column, SqlCompiler compiler) {
        Kind kind = compiler.kind(column);
        if (!kind.numeric()) {
            return Optional.empty();
        }
        String c = compiler.quoted(column);
        Field field = compiler.field(column);
        return Optional.of(new Planned(metric, List.of(Sql.of(compiler.dialect().sum(c)), Sql.of("COUNT(" + c + ")"))) {
            @Override
            Object finish(Session session, Sql where) {
                if (count(1) == 0) {
                    return Optional.empty();
                }
                BigDecimal sum = (BigDecimal) results[0];
                switch (kind) {
                    case INTEGER:
                        try {
                            return Optional.of(exactLong(sum));
                        } catch (ArithmeticException overflow) {
                            return Optional.of(sum.doubleValue());
                        }
                    case DECIMAL:
                        int scale = ((ArrowType.Decimal) field.getType()).getScale();
                        return Optional.of(sum.setScale(scale, RoundingMode.HALF_EVEN));
                    default:
                        return Optional.of(sum.doubleValue());
                }
            }
        });
    }

    /** A long from an exact sum, or from SQLite's double {@code TOTAL} while it is still exact. */
    private static long exactLong(BigDecimal sum) {
        if (sum.abs().compareTo(BigDecimal.valueOf(1L << 53)) > 0 && sum.scale() > 0) {
            throw new ArithmeticException("inexact");
        }
        return sum.setScale(0, RoundingMode.UNNECESSARY).longValueExact();
    }

    private Optional<Planned> mean(ColumnMean m, SqlCompiler compiler) {
        Kind kind = compiler.kind(m.column());
        if (!kind.numeric()) {
            return Optional.empty();
        }
        String c = compiler.quoted(m.column());
        boolean exact = kind != Kind.FLOAT && compiler.dialect() != Dialect.SQLITE;
        // An exact sum divided here gives the correctly rounded mean (a database's AVG may round to 4 places).
        String first = exact ? compiler.dialect().sum(c) : "AVG(" + c + ")";
        return Optional.of(new Planned(m, List.of(Sql.of(first), Sql.of("COUNT(" + c + ")"))) {
            @Override
            Object finish(Session session, Sql where) {
                long n = count(1);
                if (n == 0) {
                    return Optional.empty();
                }
                BigDecimal value = (BigDecimal) results[0];
                return Optional.of(
                        exact
                                ? value.divide(BigDecimal.valueOf(n), MathContext.DECIMAL128)
                                        .doubleValue()
                                : value.doubleValue());
            }
        });
    }

    private Optional<Planned> quantiles(ColumnQuantiles m, SqlCompiler compiler) {
        Kind kind = compiler.kind(m.column());
        if (!compiler.comparable(m.column()) || !(kind.numeric() || kind.temporal())) {
            return Optional.empty();
        }
        String c = compiler.quoted(m.column());
        List<Sql> items = new ArrayList<>();
        for (double q : m.quantiles()) {
            Optional<String> item = compiler.dialect().quantile(c, q);
            if (item.isEmpty()) {
                return Optional.empty();
            }
            items.add(Sql.of(item.get()
                    .replace("(" + q + ")", "(" + BigDecimal.valueOf(q).toPlainString() + ")")));
        }
        items.add(Sql.of("COUNT(" + c + ")"));
        Field field = compiler.field(m.column());
        int last = items.size() - 1;
        return Optional.of(new Planned(m, items) {
            @Override
            Object readItem(Session session, ResultSet row, int col, int i) throws SQLException {
                return i == last ? decimal(row, col) : session.typed(row, col, field);
            }

            @Override
            Object finish(Session session, Sql where) {
                if (count(last) == 0) {
                    return List.of();
                }
                return Collections.unmodifiableList(Arrays.asList(Arrays.copyOf(results, last)));
            }
        });
    }

    private Optional<Planned> distinctValues(
            ColumnDistinctValues m, SqlCompiler compiler, JdbcBatch.Relation relation) {
        if (!compiler.comparable(m.column())) {
            return Optional.empty();
        }
        String column = m.column();
        Field field = compiler.field(column);
        return Optional.of(new Planned(m, List.of()) {
            @Override
            Optional<Standalone> standalone(Sql where) {
                return Optional.of(new Standalone(
                        Sql.of("SELECT DISTINCT " + compiler.value(column) + " FROM ")
                                .append(relation.sql())
                                .append(" WHERE (")
                                .append(where)
                                .append(") AND " + compiler.quoted(column) + " IS NOT NULL"),
                        List.of(field)));
            }

            @Override
            Object finish(Session session, Sql where) {
                List<Object> values = new ArrayList<>(standaloneRows.size());
                standaloneRows.forEach(r -> values.add(r[0]));
                values.sort(ORDER);
                return Collections.unmodifiableList(values);
            }
        });
    }

    /** The Arrow engine's order of distinct values: numbers by value, text by code point, times in order. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static final Comparator<Object> ORDER = (a, b) -> {
        if (a instanceof String x && b instanceof String y) {
            return compareCodePoints(x, y);
        }
        return ((Comparable) a).compareTo(b);
    };

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }

    private Optional<Planned> unexpected(UnexpectedRows m, SqlCompiler compiler, JdbcBatch.Relation relation) {
        RowPredicate predicate = m.predicate();
        Optional<Sql> passes = compiler.passes(predicate);
        if (passes.isEmpty()) {
            return Optional.empty();
        }
        // Counted as COUNT(CASE WHEN <condition> THEN 1 END): the database adds only the rows that count (a
        // SUM of zeros and ones adds every row), and equal items of one statement are computed once.
        Sql missing;
        Sql bad;
        if (predicate instanceof RowPredicate.PairCompare pair) {
            String a = compiler.quoted(pair.columnA());
            String b = compiler.quoted(pair.columnB());
            Sql ignored = compiler.ignored(pair.ignoreRowIf(), pair.columns());
            missing = Sql.of("COUNT(CASE WHEN ").append(ignored).append(" THEN 1 END)");
            bad = Sql.of("CASE WHEN ")
                    .append(ignored)
                    .append(" THEN NULL WHEN " + a + " IS NULL OR " + b + " IS NULL THEN 1 WHEN ")
                    .append(passes.get())
                    .append(" THEN NULL ELSE 1 END");
        } else {
            String c = compiler.quoted(predicate.columns().get(0));
            switch (predicate.nullHandling()) {
                case UNEXPECTED:
                    missing = Sql.of("0");
                    bad = Sql.of("CASE WHEN " + c + " IS NULL THEN 1 END");
                    break;
                case ONLY_NULL_EXPECTED:
                    missing = Sql.of("0");
                    bad = Sql.of("CASE WHEN " + c + " IS NOT NULL THEN 1 END");
                    break;
                default:
                    missing = Sql.of("COUNT(*) - COUNT(" + c + ")");
                    // An unknown outcome counts as unexpected, as the row is not shown to pass.
                    bad = Sql.of("CASE WHEN " + c + " IS NULL THEN NULL WHEN ")
                            .append(passes.get())
                            .append(" THEN NULL ELSE 1 END");
            }
        }
        Sql unexpectedRow = Sql.of("(").append(bad).append(") = 1");
        List<Sql> items = List.of(
                Sql.of("COUNT(*)"), missing, Sql.of("COUNT(").append(bad).append(")"));
        return Optional.of(new Planned(m, items) {
            @Override
            boolean followsUp() {
                return count(2) > 0 && m.samples().limit() > 0;
            }

            @Override
            Object finish(Session session, Sql where) throws SQLException {
                long unexpectedCount = count(2);
                if (unexpectedCount == 0) {
                    return new UnexpectedRowsResult(count(0), count(1), 0, List.of());
                }
                if (m.samples().limit() > 0 && !session.relation.dialect().rowNumbers()) {
                    throw new StreamInstead();
                }
                Samples samples = session.samples(predicate.columns(), m, where, unexpectedRow, null, predicate);
                return new UnexpectedRowsResult(
                        count(0), count(1), unexpectedCount, samples.rows(), Optional.of(samples.query()));
            }
        });
    }

    private Optional<Planned> duplicates(DuplicateRows m, SqlCompiler compiler, JdbcBatch.Relation relation) {
        List<String> keys = m.keyColumns();
        for (String key : keys) {
            if (!compiler.comparable(key)) {
                return Optional.empty();
            }
        }
        // A single column skips nulls, as GX does; several columns follow ignore_row_if.
        Sql ignored = keys.size() == 1
                ? Sql.of(compiler.quoted(keys.get(0)) + " IS NULL")
                : compiler.ignored(m.ignoreRowIf(), keys);
        String groupBy = String.join(", ", keys.stream().map(compiler::value).toList());
        return Optional.of(new Planned(m, List.of()) {
            @Override
            List<Sql> items(Sql where) {
                return List.of(
                        Sql.of("COUNT(*)"),
                        Sql.of("COUNT(CASE WHEN ").append(ignored).append(" THEN 1 END)"));
            }

            /** The rows of repeated keys: a grouping of its own, beside the aggregate (a serial step inside it). */
            @Override
            Optional<Standalone> standalone(Sql where) {
                return Optional.of(new Standalone(
                        Sql.of("SELECT COALESCE(SUM(assay_n), 0) FROM (SELECT COUNT(*) AS assay_n FROM ")
                                .append(relation.sql())
                                .append(" WHERE (")
                                .append(where)
                                .append(") AND NOT (")
                                .append(ignored)
                                .append(") GROUP BY " + groupBy + " HAVING COUNT(*) > 1) assay_dup"),
                        List.of(new Field("n", FieldType.nullable(new ArrowType.Int(64, true)), null))));
            }

            @Override
            boolean followsUp() {
                return repeated() > 0 && m.samples().limit() > 0;
            }

            private long repeated() {
                return standaloneRows == null
                                || standaloneRows.isEmpty()
                                || standaloneRows.get(0)[0] == null
                        ? 0
                        : (Long) standaloneRows.get(0)[0];
            }

            @Override
            Object finish(Session session, Sql where) throws SQLException {
                long unexpectedCount = repeated();
                if (unexpectedCount == 0) {
                    return new UnexpectedRowsResult(count(0), count(1), 0, List.of());
                }
                if (m.samples().limit() > 0 && !session.relation.dialect().rowNumbers()) {
                    throw new StreamInstead();
                }
                Samples samples = session.samples(keys, m, where, ignored, groupBy, null);
                return new UnexpectedRowsResult(
                        count(0), count(1), unexpectedCount, samples.rows(), Optional.of(samples.query()));
            }
        });
    }

    /** A query run on its own, and the types of its columns. */
    private record Standalone(Sql query, List<Field> fields) {}

    /**
     * The first unexpected rows, and the query a person can run to list them all (GX's {@code
     * unexpected_index_query}).
     */
    private record Samples(List<UnexpectedRow> rows, String query) {}

    /**
     * Thrown by a metric that, after its aggregate, needs what the dialect cannot give: samples of a failed
     * check where rows cannot be numbered in data order. The engine streams that metric instead.
     */
    private static final class StreamInstead extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StreamInstead() {
            super(null, null, false, false);
        }
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

    // ---- running ----

    /** One validation's connection: runs statements and reads typed values. Not thread-safe. */
    private final class Session {
        final Connection connection;
        private final BufferAllocator allocator;
        final JdbcBatch.Relation relation;
        private final Counters counters;

        Session(Connection connection, BufferAllocator allocator, JdbcBatch.Relation relation, Counters counters) {
            this.connection = connection;
            this.allocator = allocator;
            this.relation = relation;
            this.counters = counters;
        }

        /** Runs one aggregate SELECT of {@code planned} over the rows {@code where} keeps. */
        void aggregate(List<Planned> planned, Sql where) throws SQLException {
            // Equal items (every row check's COUNT(*), say) are selected once and read by each that needs them.
            Map<Sql, Integer> unique = new LinkedHashMap<>();
            Map<Planned, int[]> columns = new java.util.HashMap<>();
            for (Planned p : planned) {
                List<Sql> its = p.items(where);
                int[] positions = new int[its.size()];
                for (int i = 0; i < its.size(); i++) {
                    Integer position = unique.get(its.get(i));
                    if (position == null) {
                        position = unique.size() + 1;
                        unique.put(its.get(i), position);
                    }
                    positions[i] = position;
                }
                columns.put(p, positions);
            }
            List<Sql> items = new ArrayList<>(unique.keySet());
            if (items.isEmpty()) {
                for (Planned p : planned) {
                    p.results = new Object[0];
                }
                return;
            }
            Sql query = Sql.of("SELECT ")
                    .append(Sql.join(items, ", "))
                    .append(" FROM ")
                    .append(relation.sql())
                    .append(" WHERE ")
                    .append(where);
            long start = System.nanoTime();
            try (PreparedStatement statement = prepare(query);
                    ResultSet row = statement.executeQuery()) {
                LOG.debug("{}: aggregate returned after {} ms", batch.name(), (System.nanoTime() - start) / 1_000_000);
                counters.queries.incrementAndGet();
                if (!row.next()) {
                    throw new SQLException("the aggregate query returned no row");
                }
                counters.rows.incrementAndGet();
                for (Planned p : planned) {
                    p.read(this, row, columns.get(p));
                }
            }
        }

        private PreparedStatement prepare(Sql query) throws SQLException {
            if (LOG.isDebugEnabled()) {
                LOG.debug("{}: {}", batch.name(), query.inlined(relation.dialect()));
            }
            PreparedStatement statement = connection.prepareStatement(query.text());
            query.bind(statement);
            return statement;
        }

        /** Reads column {@code column} of the current row as a value of {@code field}'s type, as streamed. */
        Object typed(ResultSet row, int column, Field field) throws SQLException {
            Field target = new Field("value", FieldType.nullable(field.getType()), null);
            try (FieldVector vector = target.createVector(allocator)) {
                vector.allocateNew();
                ColumnReader.of(vector, column, batch.name(), relation.dialect() == Dialect.SQLITE)
                        .read(row, 0);
                vector.setValueCount(1);
                return ArrowValues.get(vector, 0);
            }
        }

        /** Runs {@code query} and reads every row as values of {@code fields}. */
        List<Object[]> rows(Sql query, List<Field> fields) throws SQLException {
            List<Object[]> out = new ArrayList<>();
            long start = System.nanoTime();
            try (PreparedStatement statement = prepare(query);
                    ResultSet rows = statement.executeQuery()) {
                LOG.debug("{}: query returned after {} ms", batch.name(), (System.nanoTime() - start) / 1_000_000);
                counters.queries.incrementAndGet();
                while (rows.next()) {
                    counters.rows.incrementAndGet();
                    Object[] values = new Object[fields.size()];
                    for (int i = 0; i < fields.size(); i++) {
                        values[i] = typed(rows, i + 1, fields.get(i));
                    }
                    out.add(values);
                }
            }
            return out;
        }

        /**
         * The first unexpected rows in data order, at most the sample limit (none is read for a limit of 0):
         * for a row check, the rows where {@code unexpected} holds; for duplicates ({@code groupBy} not null),
         * the rows whose key occurs more than once among those {@code unexpected} (there: the ignored rows)
         * does not exclude. With them, the query that lists them all, values written in.
         */
        Samples samples(
                List<String> valueColumns,
                Metric<?> metric,
                Sql where,
                Sql unexpected,
                String groupBy,
                RowPredicate predicate)
                throws SQLException {
            SqlCompiler compiler = relation.compiler();
            dev.assay.metric.SampleSpec spec =
                    metric instanceof UnexpectedRows u ? u.samples() : ((DuplicateRows) metric).samples();
            Set<String> needed = new LinkedHashSet<>(valueColumns);
            needed.addAll(spec.indexColumns());
            needed.addAll(metric.filter().columns());
            Sql inner = relation.dialect()
                    .numberedRows(
                            String.join(
                                    ", ", needed.stream().map(compiler::quoted).toList()),
                            relation.sql());
            List<String> selected = new ArrayList<>(valueColumns);
            selected.addAll(spec.indexColumns());
            String listed = String.join(
                    ", ",
                    new LinkedHashSet<>(selected).stream().map(compiler::quoted).toList());
            Sql all;
            if (groupBy == null) {
                all = Sql.of("SELECT " + listed + " FROM ")
                        .append(relation.sql())
                        .append(" WHERE (")
                        .append(where)
                        .append(") AND ")
                        .append(unexpected);
            } else {
                all = Sql.of("SELECT " + listed + " FROM (SELECT " + listed + ", COUNT(*) OVER (PARTITION BY " + groupBy
                                + ") AS assay_n FROM ")
                        .append(relation.sql())
                        .append(" WHERE (")
                        .append(where)
                        .append(") AND NOT (")
                        .append(unexpected)
                        .append(")) assay_counted WHERE assay_n > 1");
            }
            String indexQuery = all.inlined(relation.dialect());
            if (spec.limit() == 0) {
                return new Samples(List.of(), indexQuery);
            }
            String outer =
                    String.join(", ", selected.stream().map(compiler::quoted).toList()) + ", " + ROW;
            Sql query;
            if (groupBy == null) {
                query = Sql.of("SELECT " + outer + " FROM (")
                        .append(inner)
                        .append(") assay_rows WHERE (")
                        .append(where)
                        .append(") AND ")
                        .append(unexpected);
            } else {
                query = Sql.of("SELECT " + outer + " FROM (SELECT assay_rows.*, COUNT(*) OVER (PARTITION BY " + groupBy
                                + ") AS assay_n FROM (")
                        .append(inner)
                        .append(") assay_rows WHERE (")
                        .append(where)
                        .append(") AND NOT (")
                        .append(unexpected)
                        .append(")) assay_counted WHERE assay_n > 1");
            }
            // A dialect that keeps row order keeps it through one scan; the duplicates' COUNT(*) OVER (PARTITION
            // BY key) sorts by key (PostgreSQL lists a repeated key's rows together), so those are ordered.
            boolean ordered = relation.dialect().keepsRowOrder() && groupBy == null;
            query = query.append(
                    (ordered ? "" : " ORDER BY " + ROW) + relation.dialect().limit(spec.limit()));
            List<Field> fields = new ArrayList<>();
            for (String column : selected) {
                fields.add(compiler.field(column));
            }
            fields.add(new Field(ROW, FieldType.nullable(new ArrowType.Int(64, true)), null));
            List<UnexpectedRow> out = new ArrayList<>();
            for (Object[] row : rows(query, fields)) {
                int n = valueColumns.size();
                Object value;
                if (predicate instanceof RowPredicate.PairCompare) {
                    value = Collections.unmodifiableList(Arrays.asList(row[0], row[1]));
                } else if (n == 1) {
                    value = row[0];
                } else {
                    Map<String, Object> map = new LinkedHashMap<>();
                    for (int i = 0; i < n; i++) {
                        map.put(valueColumns.get(i), row[i]);
                    }
                    value = Collections.unmodifiableMap(map);
                }
                Map<String, Object> index = new LinkedHashMap<>();
                for (int i = 0; i < spec.indexColumns().size(); i++) {
                    index.put(spec.indexColumns().get(i), row[n + i]);
                }
                long rowIndex = (Long) row[row.length - 1];
                out.add(new UnexpectedRow(
                        rowIndex, value, index.isEmpty() ? Map.of() : Collections.unmodifiableMap(index), false));
            }
            return new Samples(out, indexQuery);
        }
    }
}
