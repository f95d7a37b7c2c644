package dev.assay.datadocs.internal;

import java.util.List;

/**
 * Expectations about one column (or pair, or the table).
 *
 * @param name the column, columns, or {@code Table}
 * @param expectations its expectations, in suite order
 */
public record ColumnGroup(String name, List<ExpectationView> expectations) {
    public ColumnGroup {
        expectations = List.copyOf(expectations);
    }
}
