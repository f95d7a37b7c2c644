package dev.assay.testing;

import static java.util.Objects.requireNonNull;

import dev.assay.source.Batch;

/**
 * One column of a batch, the subject of a {@link ColumnAssert}.
 *
 * @param batch the batch, never null
 * @param column the column's name, never null
 */
public record BatchColumn(Batch batch, String column) {
    public BatchColumn {
        requireNonNull(batch, "batch is null");
        requireNonNull(column, "column is null");
    }
}
