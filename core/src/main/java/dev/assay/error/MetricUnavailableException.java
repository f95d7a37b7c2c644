package dev.assay.error;

/**
 * A metric could not be computed. Engines return this as a failure value; the validator turns it into
 * an errored result for each expectation that needed the metric, and the rest of the suite runs.
 */
public class MetricUnavailableException extends AssayException {
    private static final long serialVersionUID = 1L;

    public MetricUnavailableException(ErrorCode code, String message) {
        super(code, message);
    }

    public MetricUnavailableException(String message) {
        super(ErrorCode.METRIC_UNAVAILABLE, message);
    }
}
