package dev.assay.engine;

import dev.assay.metric.Metric;
import dev.assay.source.Batch;
import java.util.Set;

/**
 * Computes metrics over a batch. An engine computes every requested metric in as few passes as it can
 * (the Arrow engine: one pass per validation). Implementations are thread-safe.
 */
public interface Engine {
    /** A short name for results, e.g. {@code arrow}. */
    String name();

    /**
     * Computes the metrics. A metric that cannot be computed is returned as a failure in the values;
     * only a source that cannot be read makes this throw.
     *
     * @param batch the data, never null
     * @param metrics the metrics, deduplicated, never null
     * @throws dev.assay.error.AssayException if the data cannot be read
     */
    EngineRun compute(Batch batch, Set<Metric<?>> metrics);
}
