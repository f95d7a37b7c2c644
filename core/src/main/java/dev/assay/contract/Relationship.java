package dev.assay.contract;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A foreign key between properties (ODCS 3.1 {@code relationships}). References are
 * {@code object.property}; a property-level relationship has its own property as {@code from}. Immutable.
 *
 * @param path where it is in the contract
 * @param from the referencing properties, as {@code object.property}, in order
 * @param to the referenced properties, as {@code object.property}, in the same order
 * @param type the relationship type; ODCS 3.1 knows only {@code foreignKey}
 */
public record Relationship(String path, List<String> from, List<String> to, String type) {
    public Relationship {
        requireNonNull(path, "path is null");
        from = List.copyOf(requireNonNull(from, "from is null"));
        to = List.copyOf(requireNonNull(to, "to is null"));
        requireNonNull(type, "type is null");
    }
}
