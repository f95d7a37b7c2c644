package dev.assay.source;

import static java.util.Objects.requireNonNull;

import dev.assay.error.ColumnNotFoundException;
import dev.assay.internal.Names;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * The columns of a dataset, in order, as Arrow fields. Immutable and thread-safe.
 *
 * @param fields the columns in dataset order, never null
 */
public record DatasetSchema(List<Field> fields) {
    public DatasetSchema {
        fields = List.copyOf(requireNonNull(fields, "fields is null"));
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
