package dev.assay.contract;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * One property (column) of a schema object. Immutable.
 *
 * @param path where it is in the contract, e.g. {@code schema[0].properties[2]}
 * @param id the stable id (3.1), or empty
 * @param name the logical name
 * @param physicalName the name in the data source, or empty when it is the logical name
 * @param logicalType one of the ODCS logical types ({@code string}, {@code integer}, ...), or empty
 * @param physicalType the type in the data source (e.g. {@code VARCHAR(12)}), or empty
 * @param required true when the property must not be null
 * @param unique true when its values must be unique
 * @param primaryKey true when it is (part of) the primary key
 * @param primaryKeyPosition its 1-based position in the primary key, or -1
 * @param options the logical type options
 * @param quality the quality rules on this property
 * @param relationships the foreign keys from this property (3.1)
 * @param properties the nested properties of an {@code object}
 * @param items the item of an {@code array}, or empty
 */
public record SchemaProperty(
        String path,
        Optional<String> id,
        String name,
        Optional<String> physicalName,
        Optional<String> logicalType,
        Optional<String> physicalType,
        boolean required,
        boolean unique,
        boolean primaryKey,
        int primaryKeyPosition,
        LogicalTypeOptions options,
        List<QualityRule> quality,
        List<Relationship> relationships,
        List<SchemaProperty> properties,
        Optional<SchemaProperty> items) {
    public SchemaProperty {
        requireNonNull(path, "path is null");
        requireNonNull(id, "id is null");
        requireNonNull(name, "name is null");
        requireNonNull(physicalName, "physicalName is null");
        requireNonNull(logicalType, "logicalType is null");
        requireNonNull(physicalType, "physicalType is null");
        requireNonNull(options, "options is null");
        quality = List.copyOf(requireNonNull(quality, "quality is null"));
        relationships = List.copyOf(requireNonNull(relationships, "relationships is null"));
        properties = List.copyOf(requireNonNull(properties, "properties is null"));
        requireNonNull(items, "items is null");
    }

    /** The column name in the data: the physical name when given, else the name. */
    public String column() {
        return physicalName.orElse(name);
    }
}
