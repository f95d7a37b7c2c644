package dev.assay.metric;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * How many unexpected rows to keep as samples, and which columns identify a row.
 *
 * @param limit the most samples kept (the first ones in data order); 0 keeps none
 * @param indexColumns columns whose values identify a sampled row; empty to use 0-based row numbers
 */
public record SampleSpec(int limit, List<String> indexColumns) {
    public SampleSpec {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0: " + limit);
        }
        indexColumns = List.copyOf(requireNonNull(indexColumns, "indexColumns is null"));
    }

    /** No samples. */
    public static SampleSpec none() {
        return new SampleSpec(0, List.of());
    }
}
