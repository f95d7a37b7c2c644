package dev.assay.engine;

import static java.util.Objects.requireNonNull;

import dev.assay.engine.arrow.ArrowEngine;
import dev.assay.error.AssayException;
import dev.assay.error.MetricUnavailableException;
import dev.assay.metric.CurrentTime;
import dev.assay.metric.Metric;
import dev.assay.metric.MetricValues;
import dev.assay.metric.PastValues;
import dev.assay.metric.RowCount;
import dev.assay.metric.UnexpectedRows;
import dev.assay.model.Expectation;
import dev.assay.model.ExpectationSuite;
import dev.assay.model.ResultFormat;
import dev.assay.result.Errored;
import dev.assay.result.ExpectationResult;
import dev.assay.result.ValidationResult;
import dev.assay.source.Batch;
import dev.assay.source.DatasetSchema;
import dev.assay.store.MetricHistory;
import dev.assay.store.MetricRecord;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Validates batches against suites: collects the metrics every expectation needs, deduplicated, has
 * the engine compute them all in one pass, and lets each expectation judge its values. An expectation
 * that cannot be evaluated (a missing column, a metric that does not apply) becomes {@link Errored}
 * and the rest still run. Immutable and thread-safe.
 */
public final class Validator {
    private final Engine engine;
    private final ResultFormat resultFormat;
    private final Clock clock;
    private final Optional<MetricHistory> history;
    private final String asset;

    private Validator(
            Engine engine, ResultFormat resultFormat, Clock clock, Optional<MetricHistory> history, String asset) {
        this.engine = requireNonNull(engine, "engine is null");
        this.resultFormat = requireNonNull(resultFormat, "resultFormat is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.history = requireNonNull(history, "history is null");
        this.asset = requireNonNull(asset, "asset is null");
    }

    /** A validator on the Arrow engine, BASIC results, the system clock and no metric history. */
    public static Validator create() {
        return new Validator(ArrowEngine.create(), ResultFormat.BASIC, Clock.systemUTC(), Optional.empty(), "");
    }

    /** This validator computing metrics with {@code engine}. */
    public Validator withEngine(Engine engine) {
        return new Validator(engine, resultFormat, clock, history, asset);
    }

    /** This validator with a default result format for expectations that set none. */
    public Validator withResultFormat(ResultFormat format) {
        return new Validator(engine, format, clock, history, asset);
    }

    /** This validator reading "now" (for freshness) from {@code clock}, e.g. a fixed clock for reproducible runs. */
    public Validator withClock(Clock clock) {
        return new Validator(engine, resultFormat, clock, history, asset);
    }

    /**
     * This validator comparing with the earlier runs of {@code asset} in {@code history}, for the expectations
     * that judge a metric against its past ({@code expect_table_row_count_to_change_by_at_most}, {@code
     * expect_metric_to_not_be_anomalous}). It only reads the history: recording this run's metrics ({@link
     * ValidationResult#metrics()}, with {@code MetricRecord.of(asset, result, runId)}) is the caller's job, after
     * validating. Runs recorded at or after this validation's start are not earlier runs and are ignored. A
     * history-based expectation validated without a history passes with a note saying so.
     *
     * <p>With a history, a run that reads rows but computes no row count (neither asked for nor counted by a
     * row-by-row check over every row) also counts the rows, with the metrics it computes over every row anyway,
     * so the history holds {@code table.row_count} whatever the suite: one more count in the Arrow engine's pass
     * or in a database's aggregate query (where a database streams every such metric instead, the count is one
     * {@code COUNT(*)} query of its own).
     *
     * @param history the metric history, never null
     * @param asset the data asset the history is keyed by, never null
     */
    public Validator withHistory(MetricHistory history, String asset) {
        return new Validator(
                engine,
                resultFormat,
                clock,
                Optional.of(requireNonNull(history, "history is null")),
                requireNonNull(asset, "asset is null"));
    }

    /**
     * Validates {@code batch} against {@code suite}.
     *
     * @throws AssayException if the data cannot be read, or an expectation with {@code catch_exceptions:
     *     false} cannot be evaluated
     */
    public ValidationResult validate(Batch batch, ExpectationSuite suite) {
        requireNonNull(batch, "batch is null");
        requireNonNull(suite, "suite is null");
        Instant startedAt = clock.instant();
        long start = System.nanoTime();
        DatasetSchema schema = batch.schema();
        List<String> rowIds = batch.rowIdColumns();
        List<Expectation> expectations = suite.expectations();
        ExpectationResult[] results = new ExpectationResult[expectations.size()];
        Set<Metric<?>> metrics = new LinkedHashSet<>();
        for (int i = 0; i < expectations.size(); i++) {
            Expectation e = expectations.get(i);
            ResultFormat format = formatOf(e, rowIds);
            try {
                checkColumns(e, format, schema, batch.name());
                metrics.addAll(e.metrics(format));
            } catch (RuntimeException ex) {
                results[i] = errored(e, format, ex);
            }
        }
        boolean needsTime = metrics.remove(new CurrentTime());
        List<PastValues> past = new ArrayList<>();
        for (Metric<?> metric : metrics) {
            if (metric instanceof PastValues p) {
                past.add(p);
            }
        }
        metrics.removeAll(past);
        if (history.isPresent()
                && !metrics.contains(new RowCount())
                && metrics.stream()
                        .noneMatch(
                                m -> m instanceof UnexpectedRows u && u.filter().isNone())
                && metrics.stream().anyMatch(m -> m.filter().isNone() && !m.schemaOnly())) {
            // The history's volume series: one more count where every row is read anyway. A row-by-row check
            // over every row already counts them (RunMetrics reads its element count).
            metrics.add(new RowCount());
        }
        Engine used = batch.engine(engine);
        EngineRun run = used.compute(batch, metrics);
        MetricValues values = run.values();
        Instant now = startedAt;
        if (needsTime || !past.isEmpty()) {
            MetricValues.Builder more = MetricValues.builder().putAll(values);
            if (needsTime) {
                now = clock.instant();
                more.put(new CurrentTime(), now);
            }
            for (PastValues p : past) {
                lookUp(p, startedAt, more);
            }
            values = more.build();
        }
        for (int i = 0; i < expectations.size(); i++) {
            if (results[i] != null) {
                continue;
            }
            Expectation e = expectations.get(i);
            ResultFormat format = formatOf(e, rowIds);
            try {
                results[i] = e.evaluate(values, format);
            } catch (RuntimeException ex) {
                results[i] = errored(e, format, ex);
            }
        }
        List<ExpectationResult> list = new ArrayList<>(List.of(results));
        Map<Integer, String> sources = new TreeMap<>();
        if (!run.sources().isEmpty()) {
            for (int i = 0; i < expectations.size(); i++) {
                if (results[i] instanceof Errored) {
                    continue;
                }
                Optional<String> source =
                        sourceOf(expectations.get(i).metrics(formatOf(expectations.get(i), rowIds)), run.sources());
                if (source.isPresent()) {
                    sources.put(i, source.get());
                }
            }
        }
        ValidationResult.RunInfo info = new ValidationResult.RunInfo(
                startedAt,
                Duration.ofNanos(System.nanoTime() - start),
                run.elapsed(),
                used.name(),
                run.scans(),
                run.rowsScanned(),
                run.badRows(),
                sources,
                RunMetrics.of(metrics, values, now));
        return new ValidationResult(suite.name(), batch.name(), list, info, batch.identity());
    }

    /** Answers {@code past} from the history: the asset's latest runs that recorded it, before {@code before}. */
    private void lookUp(PastValues past, Instant before, MetricValues.Builder into) {
        if (history.isEmpty()) {
            into.put(past, PastValues.History.none());
            return;
        }
        try {
            List<PastValues.Run> runs = new ArrayList<>();
            for (MetricRecord record : history.get()
                    .records(
                            asset,
                            past.runs(),
                            r -> r.time().isBefore(before) && r.values().containsKey(past.name()))) {
                runs.add(new PastValues.Run(
                        record.time(), record.runId(), record.values().get(past.name())));
            }
            into.put(past, new PastValues.History(true, asset, runs));
        } catch (AssayException e) {
            into.fail(
                    past,
                    new MetricUnavailableException(
                            "the metric history of asset '" + asset + "' could not be read: " + e.getMessage()));
        }
    }

    /**
     * Where the metrics that read data were computed, when the engine labelled every one of them: the labels,
     * sorted and joined by {@code +}.
     */
    private static Optional<String> sourceOf(Set<Metric<?>> needed, Map<Metric<?>, String> labels) {
        Set<String> found = new TreeSet<>();
        for (Metric<?> metric : needed) {
            if (metric.schemaOnly()) {
                continue;
            }
            String label = labels.get(metric);
            if (label == null) {
                return Optional.empty();
            }
            found.add(label);
        }
        return found.isEmpty() ? Optional.empty() : Optional.of(String.join("+", found));
    }

    /**
     * The expectation's result format, or the validator's; where it lists unexpected rows by index and names
     * no index columns, the batch's row ids (a table's primary key) identify them.
     */
    private ResultFormat formatOf(Expectation e, List<String> rowIds) {
        ResultFormat format = e.options().resultFormat().orElse(resultFormat);
        if (!rowIds.isEmpty()
                && format.unexpectedIndexColumnNames().isEmpty()
                && format.includes(ResultFormat.Level.SUMMARY)) {
            return format.withUnexpectedIndexColumnNames(rowIds);
        }
        return format;
    }

    private static void checkColumns(Expectation e, ResultFormat format, DatasetSchema schema, String batchName) {
        List<String> needed = new ArrayList<>(e.columns());
        needed.addAll(format.unexpectedIndexColumnNames());
        needed.addAll(e.options().rowFilter().columns());
        for (String column : needed) {
            schema.require(column, batchName);
        }
    }

    private static ExpectationResult errored(Expectation e, ResultFormat format, RuntimeException ex) {
        if (!e.options().catchExceptions()) {
            throw ex;
        }
        StringWriter trace = new StringWriter();
        ex.printStackTrace(new PrintWriter(trace));
        return new Errored(
                e,
                format,
                ex.getMessage() == null ? ex.toString() : ex.getMessage(),
                ex.getClass().getSimpleName(),
                trace.toString());
    }
}
