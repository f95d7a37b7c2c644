package dev.assay.metric;

import static java.util.Objects.requireNonNull;

import dev.assay.model.RowFilter;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The values a named metric had in the data asset's earlier runs, from the metric history the validator
 * was given (see {@code Validator.withHistory}). Answered by the validator, not by an engine: it reads no
 * rows.
 *
 * @param name the metric's history name, such as {@code table.row_count} (see {@link NamedMetric#name()})
 * @param runs how many of the newest earlier runs that recorded the metric to return, at least 1
 */
public record PastValues(String name, int runs) implements Metric<PastValues.History> {
    public PastValues {
        requireNonNull(name, "name is null");
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be at least 1, got " + runs);
        }
    }

    @Override
    public RowFilter filter() {
        return RowFilter.none();
    }

    @Override
    public Set<String> columns() {
        return Set.of();
    }

    @Override
    public boolean schemaOnly() {
        return true;
    }

    /**
     * What the history holds for a metric.
     *
     * @param configured false when the validation was given no metric history at all
     * @param asset the data asset the history was read for; empty text when none is configured
     * @param runs the earlier runs that recorded the metric, oldest first, at most the number asked for
     */
    public record History(boolean configured, String asset, List<Run> runs) {
        public History {
            requireNonNull(asset, "asset is null");
            runs = List.copyOf(requireNonNull(runs, "runs is null"));
        }

        /** No history configured. */
        public static History none() {
            return new History(false, "", List.of());
        }

        /** The values, oldest first. */
        public List<Double> values() {
            return runs.stream().map(Run::value).toList();
        }
    }

    /**
     * One earlier run's value.
     *
     * @param time when the run started
     * @param runId the run's id
     * @param value the metric's value in that run
     */
    public record Run(Instant time, String runId, double value) {
        public Run {
            requireNonNull(time, "time is null");
            requireNonNull(runId, "runId is null");
        }
    }
}
