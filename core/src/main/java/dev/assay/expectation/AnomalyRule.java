package dev.assay.expectation;

import static java.util.Objects.requireNonNull;

import dev.assay.error.InvalidExpectationException;
import dev.assay.internal.Names;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How a metric is compared with its earlier runs, for {@link MetricNotAnomalous} and {@link
 * TableRowCountChangeAtMost}. Immutable and thread-safe.
 *
 * <ul>
 *   <li>{@code relative_change}: against the previous run; {@code max_change} bounds the relative change
 *       ({@code 0.2} = 20%) and/or {@code max_abs_change} the absolute one.
 *   <li>{@code mean_of_last}: against the mean of the last {@code runs} runs, with the same bounds.
 *   <li>{@code z_score}: {@code |value - mean| / stdev} over the last {@code runs} runs (sample standard
 *       deviation) must be at most {@code threshold}. When the earlier runs all had the same value, any other
 *       value is anomalous.
 * </ul>
 *
 * <p>Until {@code min_runs} earlier runs have recorded the metric, the expectation passes with a note.
 *
 * @param strategy how to compare
 * @param maxChange the largest allowed relative change, a fraction ({@code 0.2} = 20%), for {@code
 *     relative_change} and {@code mean_of_last}
 * @param maxAbsChange the largest allowed absolute change, in the metric's unit, for {@code relative_change}
 *     and {@code mean_of_last}
 * @param runs how many earlier runs to compare with: 1 for {@code relative_change}
 * @param threshold the largest allowed |z-score|, for {@code z_score} only
 * @param minRuns how many earlier runs must have recorded the metric before it is judged
 */
public record AnomalyRule(
        Strategy strategy,
        Optional<Double> maxChange,
        Optional<Double> maxAbsChange,
        int runs,
        Optional<Double> threshold,
        int minRuns) {
    /** The default number of earlier runs for {@code mean_of_last} and {@code z_score}. */
    public static final int DEFAULT_RUNS = 7;

    /** The default z-score threshold. */
    public static final double DEFAULT_THRESHOLD = 3.0;

    /** The default {@code min_runs} of {@code z_score}: a standard deviation needs a few runs to mean much. */
    public static final int DEFAULT_Z_SCORE_MIN_RUNS = 3;

    public AnomalyRule {
        requireNonNull(strategy, "strategy is null");
        requireNonNull(maxChange, "maxChange is null");
        requireNonNull(maxAbsChange, "maxAbsChange is null");
        requireNonNull(threshold, "threshold is null");
        maxChange.ifPresent(v -> checkNonNegative("max_change", v));
        maxAbsChange.ifPresent(v -> checkNonNegative("max_abs_change", v));
        if (runs < 1) {
            throw new InvalidExpectationException("runs must be at least 1, got " + runs);
        }
        if (strategy == Strategy.Z_SCORE) {
            if (maxChange.isPresent() || maxAbsChange.isPresent()) {
                throw new InvalidExpectationException(
                        "max_change and max_abs_change apply to relative_change and mean_of_last; z_score is bounded by"
                                + " threshold");
            }
            if (threshold.isEmpty()) {
                throw new InvalidExpectationException("z_score needs a threshold");
            }
            double t = threshold.get();
            if (!(t > 0) || Double.isInfinite(t)) {
                throw new InvalidExpectationException("threshold must be a positive number, got " + t);
            }
            if (runs < 2) {
                throw new InvalidExpectationException(
                        "z_score needs at least 2 runs to have a standard deviation, got runs " + runs);
            }
            if (minRuns < 2) {
                throw new InvalidExpectationException(
                        "z_score needs min_runs of at least 2 to have a standard deviation, got " + minRuns);
            }
        } else {
            if (threshold.isPresent()) {
                throw new InvalidExpectationException(
                        "threshold applies to the z_score strategy only, not to " + strategy.jsonName());
            }
            if (maxChange.isEmpty() && maxAbsChange.isEmpty()) {
                throw new InvalidExpectationException(
                        strategy.jsonName() + " needs max_change (a fraction: 0.2 = 20%) or max_abs_change");
            }
            if (strategy == Strategy.RELATIVE_CHANGE && runs != 1) {
                throw new InvalidExpectationException(
                        "relative_change compares with the previous run only, so runs" + " does not apply (got " + runs
                                + "); use mean_of_last or z_score to compare with several runs");
            }
        }
        if (minRuns < 1 || minRuns > runs) {
            throw new InvalidExpectationException("min_runs must be between 1 and runs (" + runs + "), got " + minRuns);
        }
    }

    private static void checkNonNegative(String key, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new InvalidExpectationException(key + " must be a number >= 0, got " + value);
        }
    }

    /** At most {@code maxChange} (a fraction: 0.2 = 20%) relative change from the previous run. */
    public static AnomalyRule relativeChange(double maxChange) {
        return new AnomalyRule(
                Strategy.RELATIVE_CHANGE, Optional.of(maxChange), Optional.empty(), 1, Optional.empty(), 1);
    }

    /** At most {@code maxChange} (a fraction) relative change from the mean of the last {@code runs} runs. */
    public static AnomalyRule meanOfLast(int runs, double maxChange) {
        return new AnomalyRule(
                Strategy.MEAN_OF_LAST, Optional.of(maxChange), Optional.empty(), runs, Optional.empty(), 1);
    }

    /** A |z-score| of at most {@code threshold} against the last {@code runs} runs, judged from 3 earlier runs on. */
    public static AnomalyRule zScore(int runs, double threshold) {
        return new AnomalyRule(
                Strategy.Z_SCORE,
                Optional.empty(),
                Optional.empty(),
                runs,
                Optional.of(threshold),
                Math.min(DEFAULT_Z_SCORE_MIN_RUNS, runs));
    }

    /** This rule also bounding the absolute change by {@code maxAbsChange} (not for {@code z_score}). */
    public AnomalyRule withMaxAbsChange(double maxAbsChange) {
        return new AnomalyRule(strategy, maxChange, Optional.of(maxAbsChange), runs, threshold, minRuns);
    }

    /** This rule judging only once {@code minRuns} earlier runs have recorded the metric. */
    public AnomalyRule withMinRuns(int minRuns) {
        return new AnomalyRule(strategy, maxChange, maxAbsChange, runs, threshold, minRuns);
    }

    /** How a metric is compared with its past. */
    public enum Strategy {
        /** Against the previous run. */
        RELATIVE_CHANGE,
        /** Against the mean of the last N runs. */
        MEAN_OF_LAST,
        /** By z-score against the last N runs. */
        Z_SCORE;

        /** The name in suite files: {@code relative_change}, {@code mean_of_last}, {@code z_score}. */
        public String jsonName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * The strategy named {@code name} in a suite file.
         *
         * @throws IllegalArgumentException naming the valid strategies when there is none by that name
         */
        public static Strategy fromJson(String name) {
            for (Strategy s : values()) {
                if (s.jsonName().equals(name)) {
                    return s;
                }
            }
            List<String> names = Arrays.stream(values()).map(Strategy::jsonName).toList();
            throw new IllegalArgumentException("'" + name + "' is not a strategy"
                    + Names.nearest(name, names)
                            .map(n -> "; did you mean '" + n + "'?")
                            .orElse("")
                    + " Use one of " + String.join(", ", names));
        }
    }
}
