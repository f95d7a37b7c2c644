package dev.assay.expectation;

import static java.util.Objects.requireNonNull;

import dev.assay.error.InvalidExpectationException;
import dev.assay.expectation.AnomalyRule.Strategy;
import dev.assay.metric.CurrentTime;
import dev.assay.metric.Metric;
import dev.assay.metric.MetricValues;
import dev.assay.metric.NamedMetric;
import dev.assay.metric.PastValues;
import dev.assay.model.Dimension;
import dev.assay.model.Expectation;
import dev.assay.model.ExpectationOptions;
import dev.assay.model.ExpectationType;
import dev.assay.model.Kind;
import dev.assay.model.KwargReader;
import dev.assay.model.KwargWriter;
import dev.assay.model.ResultFormat;
import dev.assay.result.ExpectationResult;
import dev.assay.result.ResultDetails;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A metric of the batch (its row count, a column's mean, null fraction, freshness, ...) is not anomalous
 * against the data asset's earlier runs in the metric history: by relative change from the previous run, from
 * the mean of the last N runs, or by z-score (see {@link AnomalyRule}). Catches volume spikes and drops and
 * drifting distributions. Without enough history (the first run) it passes with a note.
 *
 * <p>Its dimension is consistency: it judges the batch against the asset's own past, not against a fixed
 * truth (accuracy) or a fixed bound. It reads whole batches (no {@code row_condition}), as the history does.
 *
 * <p>Passes: {@code column("fare_amount").notAnomalous("column.mean", AnomalyRule.zScore(7, 3))} when the mean
 * is 12.4 and the last 7 runs had means around 12 (stdev 0.5)<br>
 * Fails: the same when the mean jumps to 25.3 (a z-score of 26.6)
 *
 * @param metric the metric, as the history names it
 * @param rule how it is compared with its past
 */
public record MetricNotAnomalous(NamedMetric metric, AnomalyRule rule, ExpectationOptions options)
        implements Expectation {
    /** expect_metric_to_not_be_anomalous. */
    public static final ExpectationType TYPE = new ExpectationType(
            "expect_metric_to_not_be_anomalous", Kind.TABLE, Dimension.CONSISTENCY, false, MetricNotAnomalous::read);

    /** The largest {@code runs}: each is a record read from the history store. */
    static final int MAX_RUNS = 1000;

    public MetricNotAnomalous {
        requireNonNull(metric, "metric is null");
        requireNonNull(rule, "rule is null");
        requireNonNull(options, "options is null");
        if (!options.rowFilter().isNone()) {
            throw new InvalidExpectationException(
                    TYPE.name() + " takes no row filter: the metric history holds metrics of whole batches");
        }
        if (rule.runs() > MAX_RUNS) {
            throw new InvalidExpectationException("runs must be at most " + MAX_RUNS + ", got " + rule.runs());
        }
    }

    /** With default options. */
    public MetricNotAnomalous(NamedMetric metric, AnomalyRule rule) {
        this(metric, rule, ExpectationOptions.DEFAULT);
    }

    static MetricNotAnomalous read(KwargReader kwargs, ExpectationOptions options) {
        // Every key is read before any is judged, so that the recorded kwarg schema holds them all.
        String kind = kwargs.string("metric");
        Optional<String> column = kwargs.optionalString("column");
        Optional<String> strategyName = kwargs.optionalString("strategy");
        Optional<Double> maxChange = kwargs.optionalNumber("max_change");
        Optional<Double> maxAbsChange = kwargs.optionalNumber("max_abs_change");
        Optional<Long> runs = kwargs.optionalInteger("runs");
        Optional<Double> threshold = kwargs.optionalNumber("threshold");
        Optional<Long> minRuns = kwargs.optionalInteger("min_runs");

        NamedMetric metric = metric(kwargs, kind, column);
        Strategy strategy;
        try {
            strategy = strategyName.map(Strategy::fromJson).orElse(Strategy.RELATIVE_CHANGE);
        } catch (IllegalArgumentException e) {
            throw kwargs.invalid("strategy", e.getMessage());
        }
        if (strategy == Strategy.RELATIVE_CHANGE && runs.isPresent() && runs.get() != 1) {
            throw kwargs.invalid(
                    "runs",
                    "relative_change compares with the previous run only; use strategy mean_of_last or z_score to"
                            + " compare with the last " + runs.get() + " runs");
        }
        int n = count(kwargs, "runs", runs, strategy == Strategy.RELATIVE_CHANGE ? 1 : AnomalyRule.DEFAULT_RUNS);
        Optional<Double> z =
                strategy == Strategy.Z_SCORE ? Optional.of(threshold.orElse(AnomalyRule.DEFAULT_THRESHOLD)) : threshold;
        int defaultMinRuns = strategy == Strategy.Z_SCORE ? Math.min(AnomalyRule.DEFAULT_Z_SCORE_MIN_RUNS, n) : 1;
        int least = count(kwargs, "min_runs", minRuns, defaultMinRuns);
        return new MetricNotAnomalous(metric, new AnomalyRule(strategy, maxChange, maxAbsChange, n, z, least), options);
    }

    private static NamedMetric metric(KwargReader kwargs, String kind, Optional<String> column) {
        if (kind.contains("(")) {
            throw kwargs.invalid(
                    "metric",
                    "'" + kind + "' names a column; write the metric kind (such as column.mean) in 'metric' and the"
                            + " column in 'column'");
        }
        if (!NamedMetric.KINDS.contains(kind)) {
            try {
                new NamedMetric(kind, column);
            } catch (InvalidExpectationException e) {
                throw kwargs.invalid("metric", e.getMessage());
            }
        }
        if (kind.startsWith("table.") && column.isPresent()) {
            throw kwargs.invalid("column", "metric '" + kind + "' is about the whole table and takes no column");
        }
        if (kind.startsWith("column.") && column.isEmpty()) {
            throw kwargs.invalid("column", "is required for metric '" + kind + "'");
        }
        return new NamedMetric(kind, column);
    }

    /** A count kwarg between 1 and {@link #MAX_RUNS}, or its default. */
    static int count(KwargReader kwargs, String key, Optional<Long> value, int defaultValue) {
        if (value.isEmpty()) {
            return defaultValue;
        }
        long v = value.get();
        if (v < 1 || v > MAX_RUNS) {
            throw kwargs.invalid(key, "must be between 1 and " + MAX_RUNS + ", got " + v);
        }
        return (int) v;
    }

    @Override
    public ExpectationType type() {
        return TYPE;
    }

    @Override
    public MetricNotAnomalous withOptions(ExpectationOptions options) {
        return new MetricNotAnomalous(metric, rule, options);
    }

    @Override
    public List<String> columns() {
        return metric.column().map(List::of).orElse(List.of());
    }

    @Override
    public Set<Metric<?>> metrics(ResultFormat format) {
        Set<Metric<?>> metrics = new HashSet<>(metric.inputs());
        metrics.add(new PastValues(metric.name(), rule.runs()));
        return metrics;
    }

    @Override
    public ExpectationResult evaluate(MetricValues values, ResultFormat format) {
        Instant now = values.contains(new CurrentTime()) ? values.get(new CurrentTime()) : Instant.EPOCH;
        Optional<Double> current = metric.value(values, now);
        if (current.isEmpty()) {
            return ExpectationResult.of(
                    this,
                    format,
                    false,
                    ResultDetails.EMPTY.with("metric", metric.name()),
                    metric.name() + " is undefined for this batch ("
                            + (metric.kind().equals("column.null_fraction")
                                    ? "it has no rows"
                                    : "the column has no values")
                            + "), so it cannot be compared with earlier runs");
        }
        PastValues.History history = values.get(new PastValues(metric.name(), rule.runs()));
        return Anomalies.judge(
                this, format, rule, metric.name(), metric.name(), "", current.get(), current.get(), history);
    }

    @Override
    public void writeKwargs(KwargWriter kwargs) {
        kwargs.put("metric", metric.kind());
        kwargs.put("column", metric.column());
        kwargs.put("strategy", rule.strategy().jsonName());
        kwargs.put("max_change", rule.maxChange());
        kwargs.put("max_abs_change", rule.maxAbsChange());
        if (rule.strategy() != Strategy.RELATIVE_CHANGE) {
            kwargs.put("runs", (long) rule.runs());
        }
        kwargs.put("threshold", rule.threshold());
        kwargs.put("min_runs", (long) rule.minRuns());
    }
}
