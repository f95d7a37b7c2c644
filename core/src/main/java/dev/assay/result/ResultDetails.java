package dev.assay.result;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an expectation observed: the GX {@code result} object before the result format trims it.
 *
 * @param observedValue the aggregate observed (a mean, a row count, a column list), or empty
 * @param counts element, missing and unexpected counts of a row-by-row expectation, or empty
 * @param unexpectedValues the first unexpected values in data order (capped)
 * @param unexpectedIndex for each unexpected value, its row: a 0-based row number, or a map of index
 *     column values
 * @param extra further named details (e.g. which quantiles failed), in order
 * @param unexpectedIndexQuery a query that returns every unexpected row, where the engine gives one (GX's
 *     {@code unexpected_index_query}, shown in COMPLETE results)
 */
public record ResultDetails(
        Optional<Object> observedValue,
        Optional<Counts> counts,
        List<Object> unexpectedValues,
        List<Object> unexpectedIndex,
        Map<String, Object> extra,
        Optional<String> unexpectedIndexQuery) {
    /** No details. */
    public static final ResultDetails EMPTY =
            new ResultDetails(Optional.empty(), Optional.empty(), List.of(), List.of(), Map.of());

    /** Details without an index query. */
    public ResultDetails(
            Optional<Object> observedValue,
            Optional<Counts> counts,
            List<Object> unexpectedValues,
            List<Object> unexpectedIndex,
            Map<String, Object> extra) {
        this(observedValue, counts, unexpectedValues, unexpectedIndex, extra, Optional.empty());
    }

    public ResultDetails {
        requireNonNull(unexpectedIndexQuery, "unexpectedIndexQuery is null");
        requireNonNull(observedValue, "observedValue is null");
        requireNonNull(counts, "counts is null");
        // Unexpected values may be null (a null is the unexpected value of a not-null check).
        unexpectedValues = Collections.unmodifiableList(new java.util.ArrayList<>(unexpectedValues));
        unexpectedIndex = Collections.unmodifiableList(new java.util.ArrayList<>(unexpectedIndex));
        extra = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(extra, "extra is null")));
    }

    /** Details of an aggregate: just the observed value. */
    public static ResultDetails observed(Object value) {
        return new ResultDetails(Optional.ofNullable(value), Optional.empty(), List.of(), List.of(), Map.of());
    }

    /** This with an extra named detail. */
    public ResultDetails with(String key, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(extra);
        more.put(key, value);
        return new ResultDetails(observedValue, counts, unexpectedValues, unexpectedIndex, more, unexpectedIndexQuery);
    }

    /**
     * The counts of a row-by-row expectation.
     *
     * @param elementCount rows considered
     * @param missingCount rows skipped for missing values
     * @param unexpectedCount rows that broke the expectation
     */
    public record Counts(long elementCount, long missingCount, long unexpectedCount) {
        /** Rows with a value: element minus missing. */
        public long nonMissingCount() {
            return elementCount - missingCount;
        }

        /** Unexpected as a percentage of the rows with a value (GX {@code unexpected_percent}). */
        public double unexpectedPercent() {
            long nonMissing = nonMissingCount();
            return nonMissing == 0 ? 0.0 : 100.0 * unexpectedCount / nonMissing;
        }

        /** Unexpected as a percentage of all rows considered. */
        public double unexpectedPercentTotal() {
            return elementCount == 0 ? 0.0 : 100.0 * unexpectedCount / elementCount;
        }

        /** Missing as a percentage of all rows considered. */
        public double missingPercent() {
            return elementCount == 0 ? 0.0 : 100.0 * missingCount / elementCount;
        }
    }
}
