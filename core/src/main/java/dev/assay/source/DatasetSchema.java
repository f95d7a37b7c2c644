package dev.assay.source;

import static java.util.Objects.requireNonNull;

import dev.assay.error.ColumnNotFoundException;
import dev.assay.internal.Names;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * The columns of a dataset, in order, as Arrow fields. Immutable and thread-safe.
 *
 * @param fields the columns in dataset order, never null
 */
public record DatasetSchema(List<Field> fields) {
    /**
     * The field metadata key a source sets on a column it can describe but not read (a nested Parquet
     * column): expectations that need its values fail alone with the value as their reason, while schema
     * expectations still see the column.
     */
    public static final String UNREADABLE = "assay.unreadable";

    public DatasetSchema {
        fields = List.copyOf(requireNonNull(fields, "fields is null"));
    }

    /** {@code field} marked as described but not readable, for {@code reason} (see {@link #UNREADABLE}). */
    public static Field unreadable(Field field, String reason) {
        Map<String, String> metadata = new HashMap<>();
        if (field.getMetadata() != null) {
            metadata.putAll(field.getMetadata());
        }
        metadata.put(UNREADABLE, reason);
        FieldType type = new FieldType(field.isNullable(), field.getType(), field.getDictionary(), metadata);
        return new Field(field.getName(), type, field.getChildren());
    }

    /** Why the source cannot read {@code field}'s values, or empty when it can. */
    public static Optional<String> unreadableReason(Field field) {
        return Optional.ofNullable(field.getMetadata()).map(m -> m.get(UNREADABLE));
    }

    /** The column names in dataset order. */
    public List<String> columnNames() {
        return fields.stream().map(Field::getName).toList();
    }

    /** The field named {@code name}, or empty. Names are case-sensitive. */
    public Optional<Field> find(String name) {
        for (Field field : fields) {
            if (field.getName().equals(name)) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }

    /**
     * The field named {@code column}.
     *
     * @throws ColumnNotFoundException naming the dataset, the available columns and the nearest name
     */
    public Field require(String column, String datasetName) {
        return find(column).orElseThrow(() -> new ColumnNotFoundException(missingColumnMessage(column, datasetName)));
    }

    /** The message for a column that is not in this schema. */
    public String missingColumnMessage(String column, String datasetName) {
        String hint = Names.nearest(column, columnNames())
                .map(n -> "; did you mean '" + n + "'?")
                .orElse("");
        return "Column '" + column + "' not found in dataset '" + datasetName + "'; available columns: " + columnNames()
                + hint;
    }
}
