package dev.assay.metric;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * The outcome of a row-by-row check: counts and the first unexpected rows.
 *
 * @param elementCount rows considered (after the row filter)
 * @param missingCount rows skipped because their value was null (or ignored by {@code ignore_row_if})
 * @param unexpectedCount rows that broke the expectation
 * @param samples the first unexpected rows in data order, at most the sample limit
 * @param indexQuery a query that returns every unexpected row, for an engine that can give one (the SQL
 *     engine: GX's {@code unexpected_index_query}); empty otherwise
 */
public record UnexpectedRowsResult(
        long elementCount,
        long missingCount,
        long unexpectedCount,
        List<UnexpectedRow> samples,
        java.util.Optional<String> indexQuery) {
    public UnexpectedRowsResult {
        samples = List.copyOf(requireNonNull(samples, "samples is null"));
        requireNonNull(indexQuery, "indexQuery is null");
    }

    /** A result without an index query. */
    public UnexpectedRowsResult(
            long elementCount, long missingCount, long unexpectedCount, List<UnexpectedRow> samples) {
        this(elementCount, missingCount, unexpectedCount, samples, java.util.Optional.empty());
    }

    /**
     * One unexpected row.
     *
     * @param rowIndex the 0-based row number in the batch
     * @param value the unexpected value (a list for column pairs, a map for several columns); null for
     *     a null value
     * @param index the values of the index columns, empty when none were asked for
     * @param badCell true when the value could not be read from the source (its raw text is the value)
     */
    public record UnexpectedRow(long rowIndex, Object value, Map<String, Object> index, boolean badCell) {
        public UnexpectedRow {
            index = requireNonNull(index, "index is null");
        }
    }
}
