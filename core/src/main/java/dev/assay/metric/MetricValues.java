package dev.assay.metric;

import static java.util.Objects.requireNonNull;

import dev.assay.error.MetricUnavailableException;
import java.util.HashMap;
import java.util.Map;

/**
 * The computed values of a validation's metrics, each either a value or the reason it could not be
 * computed. Immutable once built; thread-safe.
 */
public final class MetricValues {
    private final Map<Metric<?>, Object> values;
    private final Map<Metric<?>, MetricUnavailableException> failures;

    private MetricValues(Map<Metric<?>, Object> values, Map<Metric<?>, MetricUnavailableException> failures) {
        this.values = Map.copyOf(values);
        this.failures = Map.copyOf(failures);
    }

    /**
     * The value of {@code metric}.
     *
     * @throws MetricUnavailableException if the metric could not be computed, with the reason
     * @throws IllegalStateException if the metric was never requested (a bug)
     */
    @SuppressWarnings("unchecked")
    public <V> V get(Metric<V> metric) {
        requireNonNull(metric, "metric is null");
        MetricUnavailableException failure = failures.get(metric);
        if (failure != null) {
            throw failure;
        }
        if (!values.containsKey(metric)) {
            throw new IllegalStateException("metric was not computed: " + metric);
        }
        return (V) values.get(metric);
    }

    /**
     * Why {@code metric} could not be computed, or empty when it has a value or was never requested.
     *
     * @param metric the metric, never null
     */
    public java.util.Optional<MetricUnavailableException> failure(Metric<?> metric) {
        return java.util.Optional.ofNullable(failures.get(requireNonNull(metric, "metric is null")));
    }

    /** True when {@code metric} has a value or a failure. */
    public boolean contains(Metric<?> metric) {
        return values.containsKey(metric) || failures.containsKey(metric);
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects metric values; not thread-safe. */
    public static final class Builder {
        private final Map<Metric<?>, Object> values = new HashMap<>();
        private final Map<Metric<?>, MetricUnavailableException> failures = new HashMap<>();

        private Builder() {}

        /** Records the value of {@code metric}; the value must not be null. */
        public <V> Builder put(Metric<V> metric, V value) {
            values.put(requireNonNull(metric, "metric is null"), requireNonNull(value, "value is null"));
            return this;
        }

        /** Records that {@code metric} could not be computed. */
        public Builder fail(Metric<?> metric, MetricUnavailableException reason) {
            failures.put(requireNonNull(metric, "metric is null"), requireNonNull(reason, "reason is null"));
            return this;
        }

        /** Adds every value and failure of {@code other}. */
        public Builder putAll(MetricValues other) {
            values.putAll(other.values);
            failures.putAll(other.failures);
            return this;
        }

        public MetricValues build() {
            return new MetricValues(values, failures);
        }
    }
}
