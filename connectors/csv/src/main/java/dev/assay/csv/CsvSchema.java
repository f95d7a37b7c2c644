package dev.assay.csv;

import static java.util.Objects.requireNonNull;

import dev.assay.error.AssayException;
import dev.assay.error.ErrorCode;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Explicit column types for a {@link CsvSource}. Immutable and thread-safe.
 *
 * <p>With a header, columns are matched to header names and may be a subset: columns not listed are
 * inferred (or read as strings when inference is off). Without a header, the schema lists every column
 * in file order and gives them their names.
 *
 * @param columns the columns, never null, names unique
 */
public record CsvSchema(List<CsvColumn> columns) {
    /** @throws AssayException with {@link ErrorCode#INVALID_CONFIGURATION} if two columns share a name */
    public CsvSchema {
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        Set<String> seen = new HashSet<>();
        for (CsvColumn column : columns) {
            if (!seen.add(column.name())) {
                throw new AssayException(
                        ErrorCode.INVALID_CONFIGURATION, "CSV schema lists column '" + column.name() + "' twice");
            }
        }
    }

    /** A schema of the given columns, in order. */
    public static CsvSchema of(CsvColumn... columns) {
        return new CsvSchema(Arrays.asList(requireNonNull(columns, "columns is null")));
    }

    /** A schema of the given columns, in order. */
    public static CsvSchema of(List<CsvColumn> columns) {
        return new CsvSchema(columns);
    }

    /** The column named {@code name}, or empty. */
    public Optional<CsvColumn> find(String name) {
        for (CsvColumn column : columns) {
            if (column.name().equals(name)) {
                return Optional.of(column);
            }
        }
        return Optional.empty();
    }
}
