package dev.assay.metric;

import static java.util.Objects.requireNonNull;

import dev.assay.model.RowFilter;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Counts the rows that break a {@link RowPredicate} and keeps the first ones as samples.
 *
 * @param predicate what each row must satisfy, never null
 * @param filter the rows considered, never null
 * @param samples how many unexpected rows to keep and how to identify them, never null
 */
public record UnexpectedRows(RowPredicate predicate, RowFilter filter, SampleSpec samples)
        implements Metric<UnexpectedRowsResult> {
    public UnexpectedRows {
        requireNonNull(predicate, "predicate is null");
        requireNonNull(filter, "filter is null");
        requireNonNull(samples, "samples is null");
    }

    @Override
    public Set<String> columns() {
        Set<String> columns = new LinkedHashSet<>(predicate.columns());
        columns.addAll(samples.indexColumns());
        return columns;
    }
}
