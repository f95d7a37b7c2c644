package dev.assay.testing;

import static java.util.Objects.requireNonNull;

import dev.assay.source.Batch;
import java.util.List;

/**
 * Several columns of a batch, the subject of a {@link ColumnsAssert}.
 *
 * @param batch the batch, never null
 * @param columns the columns' names in the order given, never null or empty
 */
public record BatchColumns(Batch batch, List<String> columns) {
    public BatchColumns {
        requireNonNull(batch, "batch is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("no columns given");
        }
    }
}
