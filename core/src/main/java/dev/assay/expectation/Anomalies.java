package dev.assay.expectation;

import dev.assay.expectation.AnomalyRule.Strategy;
import dev.assay.metric.PastValues;
import dev.assay.model.Expectation;
import dev.assay.model.ResultFormat;
import dev.assay.result.ExpectationResult;
import dev.assay.result.Passed;
import dev.assay.result.ResultDetails;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Judges a metric's value in this run against its earlier runs, by an {@link AnomalyRule}. */
final class Anomalies {
    /** Slack for bounds, so that 1,200 against 1,000 is a 20% change within a 0.2 bound despite rounding. */
    private static final double EPSILON = 1e-9;

    private Anomalies() {}

    /**
     * The result for {@code current} against {@code history}.
     *
     * @param what the metric as the message names it: {@code row count}, {@code column.mean(fare_amount)}
     * @param name the metric's history name
     * @param unit appended to absolute changes (" rows"), or empty
     * @param observed the observed value to report ({@code 1500} for a row count rather than {@code 1500.0})
     */
    static ExpectationResult judge(
            Expectation e,
            ResultFormat format,
            AnomalyRule rule,
            String what,
            String name,
            String unit,
            Object observed,
            double current,
            PastValues.History history) {
        ResultDetails details = ResultDetails.observed(observed)
                .with("metric", name)
                .with("strategy", rule.strategy().jsonName());
        if (!history.configured()) {
            return new Passed(
                    e,
                    format,
                    details.with(
                            "note",
                            "no metric history is configured for this validation, so there is nothing to compare"
                                    + " with; run it with a metric history (as a checkpoint does) to judge it"));
        }
        List<Double> past = history.values();
        if (past.size() < rule.minRuns()) {
            String note = past.isEmpty()
                    ? "no metric history: first run of asset '" + history.asset() + "' that records " + name
                    : "only " + past.size() + " earlier run" + (past.size() == 1 ? "" : "s") + " of asset '"
                            + history.asset() + "' recorded " + name + "; min_runs is " + rule.minRuns()
                            + ", so this run is not judged yet";
            return new Passed(
                    e, format, details.with("runs_compared", past.size()).with("note", note));
        }
        details = details.with("runs_compared", past.size());
        return rule.strategy() == Strategy.Z_SCORE
                ? zScore(e, format, rule, what, current, past, details)
                : change(e, format, rule, what, unit, current, past, details);
    }

    private static ExpectationResult change(
            Expectation e,
            ResultFormat format,
            AnomalyRule rule,
            String what,
            String unit,
            double current,
            List<Double> past,
            ResultDetails details) {
        boolean previous = rule.strategy() == Strategy.RELATIVE_CHANGE;
        double reference = previous ? past.get(past.size() - 1) : mean(past);
        String against = previous
                ? "the previous run's " + show(reference)
                : "the mean of the last " + runs(past.size()) + " (" + show(reference) + ")";
        double absChange = current - reference;
        double relChange =
                reference == 0 ? (current == 0 ? 0 : Double.POSITIVE_INFINITY) : absChange / Math.abs(reference);
        String direction = absChange >= 0 ? "above" : "below";
        details = details.with("reference", reference).with("abs_change", absChange);
        if (Double.isFinite(relChange)) {
            details = details.with("change", absChange < 0 ? -Math.abs(relChange) : Math.abs(relChange));
        }
        List<String> broken = new ArrayList<>();
        if (rule.maxChange().isPresent()) {
            double max = rule.maxChange().get();
            details = details.with("max_change", max);
            if (Math.abs(relChange) > max + EPSILON) {
                broken.add(
                        Double.isFinite(relChange)
                                ? what + " " + show(current) + " is " + percent(Math.abs(relChange)) + " " + direction
                                        + " " + against + "; at most " + percent(max) + " allowed"
                                : what + " " + show(current) + " is " + direction + " " + against
                                        + ", an unbounded relative change; at most " + percent(max) + " allowed");
            }
        }
        if (rule.maxAbsChange().isPresent()) {
            double max = rule.maxAbsChange().get();
            details = details.with("max_abs_change", max);
            if (Math.abs(absChange) > max + EPSILON * Math.max(1, max)) {
                broken.add(what + " " + show(current) + " is " + show(Math.abs(absChange)) + unit + " " + direction
                        + " " + against + "; at most " + show(max) + unit + " allowed");
            }
        }
        return ExpectationResult.of(e, format, broken.isEmpty(), details, String.join("; and ", broken));
    }

    private static ExpectationResult zScore(
            Expectation e,
            ResultFormat format,
            AnomalyRule rule,
            String what,
            double current,
            List<Double> past,
            ResultDetails details) {
        double mean = mean(past);
        double sumSquares = 0;
        for (double v : past) {
            sumSquares += (v - mean) * (v - mean);
        }
        double stdev = Math.sqrt(sumSquares / (past.size() - 1));
        double threshold = rule.threshold().orElseThrow();
        details = details.with("mean", mean).with("stdev", stdev).with("threshold", threshold);
        if (stdev == 0) {
            if (current == mean) {
                return new Passed(e, format, details.with("z_score", 0.0));
            }
            return ExpectationResult.of(
                    e,
                    format,
                    false,
                    details,
                    what + " " + show(current) + " differs from the last " + runs(past.size()) + ", which all had "
                            + show(mean) + ": with no variation in the history any change is anomalous by z-score");
        }
        double z = (current - mean) / stdev;
        details = details.with("z_score", z);
        return ExpectationResult.of(
                e,
                format,
                Math.abs(z) <= threshold + EPSILON,
                details,
                what + " " + show(current) + " has a z-score of " + round(z, 2) + " against the last "
                        + runs(past.size()) + " (mean " + show(mean) + ", stdev " + show(stdev) + "); at most "
                        + round(threshold, 2) + " allowed");
    }

    private static double mean(List<Double> values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.size();
    }

    private static String runs(int n) {
        return n == 1 ? "run" : n + " runs";
    }

    /** A whole number with thousands separators, else 6 significant digits. */
    static String show(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) v);
        }
        return new BigDecimal(v)
                .round(new MathContext(6, RoundingMode.HALF_EVEN))
                .stripTrailingZeros()
                .toPlainString();
    }

    /** A fraction as a percentage with at most one decimal: 0.5 as {@code 50%}, 0.125 as {@code 12.5%}. */
    static String percent(double fraction) {
        return round(fraction * 100, 1) + "%";
    }

    private static String round(double v, int decimals) {
        return BigDecimal.valueOf(v)
                .setScale(decimals, RoundingMode.HALF_UP)
                .stripTrailingZeros()
                .toPlainString();
    }
}
