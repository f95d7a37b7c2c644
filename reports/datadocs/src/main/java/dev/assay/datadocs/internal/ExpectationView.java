package dev.assay.datadocs.internal;

import java.util.List;

/**
 * One expectation and, on a run page, its result. Empty text or lists mean "not in the result".
 *
 * @param status {@code passed}, {@code failed}, {@code error}, or empty on a suite page
 * @param phrase the expectation in plain language
 * @param type its GX type
 * @param dimension its data-quality dimension
 * @param observed the observed value
 * @param unexpected unexpected count and percent, e.g. {@code 2 of 10 non-null values (20%)}
 * @param missing the missing (null) count
 * @param samples sample unexpected values ({@code partial_unexpected_list})
 * @param sampleCounts sample unexpected values with their counts ({@code partial_unexpected_counts})
 * @param rowIds row ids of unexpected rows ({@code partial_unexpected_index_list})
 * @param indexQuery the query that selects the unexpected rows ({@code unexpected_index_query})
 * @param reason why it failed
 * @param error the error it raised
 * @param traceback the error's trace
 * @param details other result details
 * @param notes the expectation's notes
 */
public record ExpectationView(
        String status,
        String phrase,
        String type,
        String dimension,
        String observed,
        String unexpected,
        String missing,
        List<String> samples,
        List<Field> sampleCounts,
        List<String> rowIds,
        String indexQuery,
        String reason,
        String error,
        String traceback,
        List<Field> details,
        String notes) {
    public ExpectationView {
        samples = List.copyOf(samples);
        sampleCounts = List.copyOf(sampleCounts);
        rowIds = List.copyOf(rowIds);
        details = List.copyOf(details);
    }
}
