package dev.assay.metric;

import dev.assay.model.RowFilter;
import java.util.List;
import java.util.Set;

/** The columns of the batch, in order, with their Assay type names. Answered by the schema alone. */
public record TableColumns() implements Metric<List<ColumnInfo>> {
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
