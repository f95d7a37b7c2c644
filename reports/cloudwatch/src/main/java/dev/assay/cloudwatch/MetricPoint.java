package dev.assay.cloudwatch;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One value of one metric, as both outputs send it. Immutable.
 *
 * @param name the metric's name, e.g. {@code SuccessPercent}
 * @param value the value, finite
 * @param unit its unit
 * @param timestamp when the validation it describes started
 * @param dimensions dimension names to values, in the order they are sent
 */
public record MetricPoint(
        String name, double value, MetricUnit unit, Instant timestamp, Map<String, String> dimensions) {
    public MetricPoint {
        requireNonNull(name, "name is null");
        requireNonNull(unit, "unit is null");
        requireNonNull(timestamp, "timestamp is null");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("value of metric " + name + " is not finite: " + value);
        }
        dimensions = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(dimensions, "dimensions is null")));
    }
}
