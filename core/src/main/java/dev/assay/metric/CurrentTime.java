package dev.assay.metric;

import dev.assay.model.RowFilter;
import java.time.Instant;
import java.util.Set;

/** The time of the validation, from the validator's clock (overridable for reproducible runs). */
public record CurrentTime() implements Metric<Instant> {
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
}
