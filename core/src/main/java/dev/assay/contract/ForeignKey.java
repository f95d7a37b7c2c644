package dev.assay.contract;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A referential-integrity check compiled from a relationship: every non-null value of the
 * {@code fromColumns} in {@code fromObject} exists among the {@code toColumns} of {@code toObject}. It
 * spans two datasets, so it runs apart from the per-object suites (see {@link ForeignKeyCheck}). Immutable.
 *
 * @param path where the relationship is in the contract
 * @param fromObject the referencing object's name
 * @param fromColumns the referencing columns (physical names)
 * @param toObject the referenced object's name
 * @param toColumns the referenced columns (physical names), in the same order
 */
public record ForeignKey(
        String path, String fromObject, List<String> fromColumns, String toObject, List<String> toColumns) {
    public ForeignKey {
        requireNonNull(path, "path is null");
        requireNonNull(fromObject, "fromObject is null");
        fromColumns = List.copyOf(requireNonNull(fromColumns, "fromColumns is null"));
        requireNonNull(toObject, "toObject is null");
        toColumns = List.copyOf(requireNonNull(toColumns, "toColumns is null"));
        if (fromColumns.isEmpty() || fromColumns.size() != toColumns.size()) {
            throw new IllegalArgumentException("a foreign key needs as many 'to' columns as 'from' columns, got "
                    + fromColumns + " -> " + toColumns);
        }
    }

    /** {@code orders.customer_id -> customers.id}. */
    public String describe() {
        return fromObject + "." + String.join(",", fromColumns) + " -> " + toObject + "." + String.join(",", toColumns);
    }
}
