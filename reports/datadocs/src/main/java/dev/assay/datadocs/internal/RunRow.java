package dev.assay.datadocs.internal;

/**
 * One run in a table of runs. Links are relative to the site's root.
 *
 * @param status {@code passed} or {@code failed}
 * @param suite the suite's name
 * @param suiteHref the suite page's link
 * @param asset the data asset
 * @param assetHref the asset page's link
 * @param batch the batch
 * @param time when it started, as shown
 * @param sortTime when it started, as ISO-8601 text that sorts by time
 * @param checkpoint the checkpoint, or empty
 * @param stats successful of evaluated expectations, e.g. {@code 9 of 10}
 * @param href the run page's link
 */
public record RunRow(
        String status,
        String suite,
        String suiteHref,
        String asset,
        String assetHref,
        String batch,
        String time,
        String sortTime,
        String checkpoint,
        String stats,
        String href) {}
