package dev.assay.model;

import dev.assay.metric.Metric;
import dev.assay.metric.MetricValues;
import dev.assay.result.ExpectationResult;
import java.util.List;
import java.util.Set;

/**
 * One verifiable statement about data, such as {@code expect_column_values_to_not_be_null}.
 *
 * <p>An expectation never reads data: it declares the metrics it needs, and judges their values. The
 * validator computes every metric of a suite in one pass. Implementations are immutable records and
 * thread-safe.
 */
public interface Expectation {
    /** The type: GX name, kind, dimension and how to read it from a suite file. */
    ExpectationType type();

    /** The shared options (mostly, row filter, result format, meta). */
    ExpectationOptions options();

    /** A copy of this expectation with other options. */
    Expectation withOptions(ExpectationOptions options);

    /**
     * The columns that must exist for this expectation to be evaluated; a missing one makes the
     * expectation errored without stopping the others.
     */
    List<String> columns();

    /** The metrics this expectation needs, given the effective result format. */
    Set<Metric<?>> metrics(ResultFormat format);

    /**
     * Judges the metric values.
     *
     * @throws dev.assay.error.MetricUnavailableException if a needed metric could not be computed
     */
    ExpectationResult evaluate(MetricValues values, ResultFormat format);

    /** Writes this expectation's own kwargs (not the shared options) for a suite file. */
    void writeKwargs(KwargWriter kwargs);
}
