package dev.assay.cloudwatch;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The metrics of some validations, ready to send. Immutable.
 *
 * @param namespace the CloudWatch namespace
 * @param points the data points, in order: per validation its four summary metrics, then its observed values
 * @param skippedValues observed values left out because CloudWatch cannot hold them (not finite, or beyond
 *     ±2^360)
 */
public record ValidationMetrics(String namespace, List<MetricPoint> points, int skippedValues) {
    public ValidationMetrics {
        requireNonNull(namespace, "namespace is null");
        points = List.copyOf(requireNonNull(points, "points is null"));
    }
}
