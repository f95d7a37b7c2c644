package dev.assay.metric;

import static java.util.Objects.requireNonNull;

/**
 * A column of a batch.
 *
 * @param name the column name, never null
 * @param type the Assay type name (see {@link dev.assay.model.DataTypes}), e.g. {@code int64}
 */
public record ColumnInfo(String name, String type) {
    public ColumnInfo {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
    }
}
