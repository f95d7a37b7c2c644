package dev.assay.result;

import static java.util.Objects.requireNonNull;

import dev.assay.model.Dimension;
import dev.assay.source.BatchIdentity;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The outcome of validating one batch against one suite, in GX 1.x shape plus Assay's additions
 * (dimensions, timings, engine). Immutable and thread-safe.
 *
 * @param suiteName the suite's name
 * @param batchName the batch's name (e.g. the file)
 * @param results one result per expectation, in suite order
 * @param run when and how the validation ran
 * @param batchIdentity what the batch is (see {@link dev.assay.source.Batch#identity()}), such as the
 *     asset, files and group values of a file asset batch; empty when the batch records none
 */
public record ValidationResult(
        String suiteName,
        String batchName,
        List<ExpectationResult> results,
        RunInfo run,
        Optional<BatchIdentity> batchIdentity) {
    public ValidationResult {
        requireNonNull(suiteName, "suiteName is null");
        requireNonNull(batchName, "batchName is null");
        results = List.copyOf(requireNonNull(results, "results is null"));
        requireNonNull(run, "run is null");
        requireNonNull(batchIdentity, "batchIdentity is null");
    }

    /** A result without a batch identity. */
    public ValidationResult(String suiteName, String batchName, List<ExpectationResult> results, RunInfo run) {
        this(suiteName, batchName, results, run, Optional.empty());
    }

    /**
     * The run's named metrics for the metric history, sorted by name (see {@link RunInfo#metrics()}).
     *
     * @return never null; empty when the run computed none
     */
    public Map<String, Double> metrics() {
        return run.metrics();
    }

    /** True when every expectation passed. */
    public boolean success() {
        return results.stream().allMatch(ExpectationResult::success);
    }

    /** Counts of evaluated, successful and unsuccessful expectations. */
    public Statistics statistics() {
        int successful =
                (int) results.stream().filter(ExpectationResult::success).count();
        return new Statistics(results.size(), successful);
    }

    /** Statistics per data-quality dimension, for dimensions that have at least one expectation. */
    public Map<Dimension, Statistics> statisticsByDimension() {
        Map<Dimension, int[]> counts = new EnumMap<>(Dimension.class);
        for (ExpectationResult result : results) {
            int[] c = counts.computeIfAbsent(result.expectation().type().dimension(), d -> new int[2]);
            c[0]++;
            if (result.success()) {
                c[1]++;
            }
        }
        Map<Dimension, Statistics> stats = new EnumMap<>(Dimension.class);
        counts.forEach((d, c) -> stats.put(d, new Statistics(c[0], c[1])));
        return stats;
    }

    /** The results that did not pass (failed or errored), in suite order. */
    public List<ExpectationResult> unsuccessful() {
        return results.stream().filter(r -> !r.success()).toList();
    }

    /**
     * Expectation counts.
     *
     * @param evaluated expectations evaluated
     * @param successful expectations that passed
     */
    public record Statistics(int evaluated, int successful) {
        public int unsuccessful() {
            return evaluated - successful;
        }

        /** The share that passed, in percent; 100 for an empty suite. */
        public double successPercent() {
            return evaluated == 0 ? 100.0 : 100.0 * successful / evaluated;
        }
    }

    /**
     * How the validation ran.
     *
     * @param startedAt when validation started
     * @param elapsed the whole validation
     * @param scanElapsed the time spent scanning data and computing metrics
     * @param engine the engine's name, e.g. {@code arrow}
     * @param scans how many passes over the data were made
     * @param rowsScanned rows read from the source
     * @param badRows rows with cells that could not be read, counted instead of failing the run
     * @param metricsSources where the metrics of an expectation were computed, by its position in {@link
     *     #results()}, for the expectations whose every metric the engine labelled (see {@link
     *     dev.assay.engine.EngineRun#sources()}): {@code parquet-statistics}, {@code sql}, {@code arrow}, or
     *     several joined by {@code +} ({@code arrow+sql}) when its metrics were computed in different places
     * @param metrics the run's named metrics for the metric history ({@code table.row_count}, {@code
     *     column.mean(fare_amount)}, see {@link dev.assay.metric.NamedMetric}), taken from the values the
     *     validation computed anyway, sorted by name; empty when none were computed
     */
    public record RunInfo(
            Instant startedAt,
            Duration elapsed,
            Duration scanElapsed,
            String engine,
            int scans,
            long rowsScanned,
            long badRows,
            Map<Integer, String> metricsSources,
            Map<String, Double> metrics) {
        public RunInfo {
            requireNonNull(startedAt, "startedAt is null");
            requireNonNull(elapsed, "elapsed is null");
            requireNonNull(scanElapsed, "scanElapsed is null");
            requireNonNull(engine, "engine is null");
            metricsSources = Map.copyOf(requireNonNull(metricsSources, "metricsSources is null"));
            metrics = Collections.unmodifiableMap(new TreeMap<>(requireNonNull(metrics, "metrics is null")));
        }

        /** A run that recorded no named metrics. */
        public RunInfo(
                Instant startedAt,
                Duration elapsed,
                Duration scanElapsed,
                String engine,
                int scans,
                long rowsScanned,
                long badRows,
                Map<Integer, String> metricsSources) {
            this(startedAt, elapsed, scanElapsed, engine, scans, rowsScanned, badRows, metricsSources, Map.of());
        }

        /** A run whose metrics were all computed by the engine's own pass. */
        public RunInfo(
                Instant startedAt,
                Duration elapsed,
                Duration scanElapsed,
                String engine,
                int scans,
                long rowsScanned,
                long badRows) {
            this(startedAt, elapsed, scanElapsed, engine, scans, rowsScanned, badRows, Map.of());
        }
    }
}
