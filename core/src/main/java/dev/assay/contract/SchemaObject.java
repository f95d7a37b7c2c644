package dev.assay.contract;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One object (table, view, file, topic) of a contract's {@code schema}. Immutable.
 *
 * @param path where it is in the contract, e.g. {@code schema[0]}
 * @param id the stable id (3.1), used by references such as {@code schema/<id>/properties/<id>}, or empty
 * @param name the logical name
 * @param physicalName the name in the data source, or empty when it is the logical name
 * @param physicalType {@code table}, {@code view}, ... as written, or empty
 * @param description the description, or empty
 * @param properties the properties (columns), in order
 * @param quality the object-level quality rules
 * @param relationships the object-level foreign keys (3.1)
 */
public record SchemaObject(
        String path,
        Optional<String> id,
        String name,
        Optional<String> physicalName,
        Optional<String> physicalType,
        Optional<String> description,
        List<SchemaProperty> properties,
        List<QualityRule> quality,
        List<Relationship> relationships) {
    public SchemaObject {
        requireNonNull(path, "path is null");
        requireNonNull(id, "id is null");
        requireNonNull(name, "name is null");
        requireNonNull(physicalName, "physicalName is null");
        requireNonNull(physicalType, "physicalType is null");
        requireNonNull(description, "description is null");
        properties = List.copyOf(requireNonNull(properties, "properties is null"));
        quality = List.copyOf(requireNonNull(quality, "quality is null"));
        relationships = List.copyOf(requireNonNull(relationships, "relationships is null"));
    }

    /** The table (or file set) name in the data source: the physical name when given, else the name. */
    public String table() {
        return physicalName.orElse(name);
    }

    /**
     * The primary key columns, ordered by {@code primaryKeyPosition} (properties without a position
     * follow in declaration order); empty when no property is marked {@code primaryKey}.
     */
    public List<SchemaProperty> primaryKey() {
        return properties.stream()
                .filter(SchemaProperty::primaryKey)
                .sorted(Comparator.comparingInt(
                        p -> p.primaryKeyPosition() > 0 ? p.primaryKeyPosition() : Integer.MAX_VALUE))
                .toList();
    }

    /**
     * The property with this name or, failing that, this physical name (contracts refer to both, e.g.
     * an SLA element {@code tbl.txn_ref_dt}); empty when there is none.
     */
    public Optional<SchemaProperty> property(String name) {
        return properties.stream()
                .filter(p -> p.name().equals(name))
                .findFirst()
                .or(() -> properties.stream()
                        .filter(p -> p.physicalName().filter(name::equals).isPresent())
                        .findFirst());
    }
}
