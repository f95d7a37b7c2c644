package dev.assay.metric;

import dev.assay.model.RowFilter;
import java.util.Set;

/**
 * A value computed from a batch (a row count, a null count, a maximum). Metrics are records: equal
 * metrics are computed once per validation, however many expectations need them.
 *
 * @param <V> the type of the computed value
 */
public interface Metric<V> {
    /** The rows the metric is computed over, never null. */
    RowFilter filter();

    /** The columns the metric reads, never null; empty for metrics answered by the schema alone. */
    Set<String> columns();

    /** True when the metric is answered by the schema alone, without reading rows. */
    default boolean schemaOnly() {
        return false;
    }
}
