package dev.assay.jdbc;

import static java.util.Objects.requireNonNull;

import dev.assay.engine.Engine;
import dev.assay.engine.EngineRun;
import dev.assay.error.MetricUnavailableException;
import dev.assay.metric.Metric;
import dev.assay.metric.MetricValues;
import dev.assay.model.RowFilter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 * <p>This type orchestrates a run: {@link SqlPlanner} plans each metric, {@link SqlRun} runs the plans on the
 * database, {@link Samples} fetches the samples of failed checks.
 *
 * <p>Created per batch by {@link JdbcBatch#engine}; thread-safe.
 */
final class SqlEngine implements Engine {
    /** The SQL engine's log, shared by the types that run its queries. */
    static final Logger LOG = LoggerFactory.getLogger(SqlEngine.class);

    static final String SQL = "sql";
    static final String STREAMED = "arrow";

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
            Optional<Planned> planned = SqlPlanner.plan(metric, compiler, relation);
            if (planned.isPresent() && compiler.filter(metric.filter()).isPresent()) {
                byFilter.computeIfAbsent(metric.filter(), f -> new ArrayList<>())
                        .add(planned.get());
            } else {
                streamed.add(metric);
            }
        }
        SqlRun database = new SqlRun(batch, relation);
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
            database.run(wheres, statements, values, sources, streamed);
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
                database.queries() + streamedScans,
                database.rows() + streamedRows,
                0,
                Duration.ofNanos(System.nanoTime() - start),
                sources);
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
    static <V> void put(MetricValues.Builder values, Metric<V> metric, Object value) {
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
}
