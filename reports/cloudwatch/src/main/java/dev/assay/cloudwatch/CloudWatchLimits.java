package dev.assay.cloudwatch;

import java.time.Duration;

/** What CloudWatch accepts, from its API reference and the Embedded Metric Format specification. */
final class CloudWatchLimits {
    /** Dimensions per metric (PutMetricData and an EMF dimension set). */
    static final int MAX_DIMENSIONS = 30;
    /** Metrics in one PutMetricData request. */
    static final int MAX_METRICS_PER_REQUEST = 1000;
    /**
     * Bytes of one PutMetricData request that {@link RequestBatches} plans for: CloudWatch takes 1 MB (1,048,576
     * bytes) per request; the margin covers the request's envelope and the estimate's rounding.
     */
    static final long MAX_REQUEST_BYTES = 1_000_000;
    /** Metrics in one EMF object. */
    static final int EMF_MAX_METRICS = 100;
    /** Values of one metric in one EMF object. */
    static final int EMF_MAX_VALUES = 100;
    /** CloudWatch rejects data points older than this. */
    static final Duration MAX_AGE = Duration.ofDays(14);
    /** CloudWatch rejects data points further in the future than this. */
    static final Duration MAX_AHEAD = Duration.ofHours(2);
    /** Values beyond ±2^360 (and below 2^-360 in magnitude, other than 0) are rejected. */
    static final double MAX_MAGNITUDE = Math.pow(2, 360);

    static final double MIN_MAGNITUDE = Math.pow(2, -360);

    static final int MAX_NAMESPACE_LENGTH = 255;
    static final int MAX_DIMENSION_NAME_LENGTH = 255;
    static final int MAX_DIMENSION_VALUE_LENGTH = 1024;

    private CloudWatchLimits() {}

    /** True when CloudWatch takes {@code value} as a metric value. */
    static boolean accepts(double value) {
        if (!Double.isFinite(value)) {
            return false;
        }
        double magnitude = Math.abs(value);
        return magnitude == 0 || (magnitude >= MIN_MAGNITUDE && magnitude <= MAX_MAGNITUDE);
    }
}
