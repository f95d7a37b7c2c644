package dev.assay.expectation;

import static java.util.Objects.requireNonNull;

import dev.assay.error.InvalidExpectationException;
import dev.assay.expectation.AnomalyRule.Strategy;
import dev.assay.metric.Metric;
import dev.assay.metric.MetricValues;
import dev.assay.metric.NamedMetric;
import dev.assay.metric.PastValues;
import dev.assay.metric.RowCount;
import dev.assay.model.Dimension;
import dev.assay.model.Expectation;
import dev.assay.model.ExpectationOptions;
import dev.assay.model.ExpectationType;
import dev.assay.model.Kind;
import dev.assay.model.KwargReader;
import dev.assay.model.KwargWriter;
import dev.assay.model.ResultFormat;
import dev.assay.result.ExpectationResult;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The row count changes by at most a fraction ({@code max_change: 0.2} = 20%) and/or a number of rows ({@code
 * max_change_rows}) from the previous run of the data asset, or from the mean of its last {@code runs} runs
 * ({@code compared_to: mean_of_last}), as the metric history recorded them. Catches volume spikes and drops.
 * Without history (the first run) it passes with a note. For a z-score on the row count use {@link
 * MetricNotAnomalous} with {@code table.row_count}.
 *
 * <p>Passes: {@code table().rowCountChangesByAtMost(0.2)} with 1,100 rows after a run with 1,000<br>
 * Fails: the same with 1,500 rows ("row count 1,500 is 50% above the previous run's 1,000; at most 20%
 * allowed")
 *
 * @param rule the comparison: {@code relative_change} (the previous run) or {@code mean_of_last}; its absolute
 *     bound is in rows
 */
public record TableRowCountChangeAtMost(AnomalyRule rule, ExpectationOptions options) implements Expectation {
    /** expect_table_row_count_to_change_by_at_most. */
    public static final ExpectationType TYPE = new ExpectationType(
            "expect_table_row_count_to_change_by_at_most",
            Kind.TABLE,
            Dimension.VOLUME,
            false,
            TableRowCountChangeAtMost::read);

    private static final String PREVIOUS = "previous";
    private static final String MEAN_OF_LAST = "mean_of_last";

    public TableRowCountChangeAtMost {
        requireNonNull(rule, "rule is null");
        requireNonNull(options, "options is null");
        if (rule.strategy() == Strategy.Z_SCORE) {
            throw new InvalidExpectationException(TYPE.name()
                    + " compares with the previous run or the mean of the last runs; for a z-score use"
                    + " expect_metric_to_not_be_anomalous with metric table.row_count and strategy z_score");
        }
        if (rule.maxAbsChange().isPresent()
                && rule.maxAbsChange().get() != Math.rint(rule.maxAbsChange().get())) {
            throw new InvalidExpectationException("max_change_rows must be a whole number of rows, got "
                    + rule.maxAbsChange().get());
        }
        if (!options.rowFilter().isNone()) {
            throw new InvalidExpectationException(
                    TYPE.name() + " takes no row filter: the metric history holds the row counts of whole batches");
        }
        if (rule.runs() > MetricNotAnomalous.MAX_RUNS) {
            throw new InvalidExpectationException(
                    "runs must be at most " + MetricNotAnomalous.MAX_RUNS + ", got " + rule.runs());
        }
    }

    /** With default options. */
    public TableRowCountChangeAtMost(AnomalyRule rule) {
        this(rule, ExpectationOptions.DEFAULT);
    }

    static TableRowCountChangeAtMost read(KwargReader kwargs, ExpectationOptions options) {
        // Every key is read before any is judged, so that the recorded kwarg schema holds them all.
        Optional<Double> maxChange = kwargs.optionalNumber("max_change");
        Optional<Long> maxChangeRows = kwargs.optionalInteger("max_change_rows");
        Optional<String> comparedTo = kwargs.optionalString("compared_to");
        Optional<Long> runs = kwargs.optionalInteger("runs");
        Optional<Long> minRuns = kwargs.optionalInteger("min_runs");

        if (maxChange.isEmpty() && maxChangeRows.isEmpty()) {
            throw kwargs.invalid(
                    "max_change", "is required unless max_change_rows is set (a fraction: 0.2 allows a 20% change)");
        }
        if (maxChangeRows.isPresent() && maxChangeRows.get() < 0) {
            throw kwargs.invalid("max_change_rows", "must be >= 0, got " + maxChangeRows.get());
        }
        String against = comparedTo.orElse(PREVIOUS);
        if (!against.equals(PREVIOUS) && !against.equals(MEAN_OF_LAST)) {
            throw kwargs.invalid("compared_to", "must be previous or mean_of_last, got '" + against + "'");
        }
        boolean previous = against.equals(PREVIOUS);
        if (previous && runs.isPresent() && runs.get() != 1) {
            throw kwargs.invalid(
                    "runs", "applies to compared_to: mean_of_last; compared_to: previous uses the previous run only");
        }
        int n = MetricNotAnomalous.count(kwargs, "runs", runs, previous ? 1 : AnomalyRule.DEFAULT_RUNS);
        int least = MetricNotAnomalous.count(kwargs, "min_runs", minRuns, 1);
        return new TableRowCountChangeAtMost(
                new AnomalyRule(
                        previous ? Strategy.RELATIVE_CHANGE : Strategy.MEAN_OF_LAST,
                        maxChange,
                        maxChangeRows.map(Long::doubleValue),
                        n,
                        Optional.empty(),
                        least),
                options);
    }

    @Override
    public ExpectationType type() {
        return TYPE;
    }

    @Override
    public TableRowCountChangeAtMost withOptions(ExpectationOptions options) {
        return new TableRowCountChangeAtMost(rule, options);
    }

    @Override
    public List<String> columns() {
        return List.of();
    }

    @Override
    public Set<Metric<?>> metrics(ResultFormat format) {
        return Set.of(new RowCount(), new PastValues(NamedMetric.ROW_COUNT, rule.runs()));
    }

    @Override
    public ExpectationResult evaluate(MetricValues values, ResultFormat format) {
        long rows = values.get(new RowCount());
        PastValues.History history = values.get(new PastValues(NamedMetric.ROW_COUNT, rule.runs()));
        return Anomalies.judge(
                this, format, rule, "row count", NamedMetric.ROW_COUNT, " rows", rows, (double) rows, history);
    }

    @Override
    public void writeKwargs(KwargWriter kwargs) {
        kwargs.put("max_change", rule.maxChange());
        kwargs.put("max_change_rows", rule.maxAbsChange().map(Double::longValue));
        boolean previous = rule.strategy() == Strategy.RELATIVE_CHANGE;
        kwargs.put("compared_to", previous ? PREVIOUS : MEAN_OF_LAST);
        if (!previous) {
            kwargs.put("runs", (long) rule.runs());
        }
        kwargs.put("min_runs", (long) rule.minRuns());
    }
}
