package dev.assay.datadocs;

import static java.util.Objects.requireNonNull;

import dev.assay.error.AssayException;
import dev.assay.error.ErrorCode;
import dev.assay.store.MetricHistory;
import dev.assay.store.ResultKey;
import dev.assay.store.ResultStore;
import dev.assay.store.Store;
import java.util.Comparator;

/**
 * The data docs site: static HTML pages of stored validation results and metric history, written to a
 * {@link Store} (a local folder or an S3 bucket and prefix) with relative links only, so the site works
 * opened from disk ({@code file://}) and from S3 static website hosting, with nothing fetched from the
 * network. Every value that comes from data or results is HTML-escaped.
 *
 * <p>The site has an index of runs ({@code index.html}, paged, and {@code failed.html} for failed runs
 * only), a page per stored result, a page per suite (its expectations in plain language and its recent
 * runs) and a page per data asset (its recent runs and a chart of every metric in its history).
 *
 * <p>A build is incremental: the site keeps a manifest ({@code .assay/manifest.json}) of the runs it
 * already shows, reads only stored results not in it, writes their pages, and rewrites the index, suite
 * and asset pages whose content changed. A stored result that cannot be read is reported in the {@link
 * DataDocsReport} and the rest of the site is built.
 *
 * <pre>{@code
 * DataDocsReport report = DataDocs.builder(Store.local(Path.of("docs")))
 *         .build(new ResultStore(store), new MetricHistory(store));
 * System.out.println(report.summary());   // 1 new run, 5 pages written
 * }</pre>
 *
 * <p>Not thread-safe: two builds of one site at once may each write pages the other then overwrites;
 * each page is still written atomically.
 */
public final class DataDocs {
    static final Comparator<RunSummary> NEWEST_FIRST =
            Comparator.comparing(RunSummary::time).reversed().thenComparing(RunSummary::key);

    private DataDocs() {}

    /**
     * A builder of the site in {@code site}.
     *
     * @param site where the pages go, never null
     */
    public static Builder builder(Store site) {
        return new Builder(requireNonNull(site, "site is null"));
    }

    /**
     * The key of the page a build writes for the stored result {@code key}, relative to the site's root,
     * e.g. {@code runs/orders/orders/all/20240131T060000.000000Z-0a1b2c3d4e5f.html}.
     *
     * @param key the stored result's key, never null
     */
    public static String runPage(ResultKey key) {
        return StoredRuns.page(requireNonNull(key, "key is null").key());
    }

    /** Options of a site build; {@link #build} builds it. Not thread-safe. */
    public static final class Builder {
        private final Store site;
        private int runsPerPage = 100;
        private int recentRuns = 50;
        private int historyPoints = 200;
        private int threads = 8;
        private boolean fullRebuild;

        private Builder(Store site) {
            this.site = site;
        }

        /** How many runs one index page lists (default 100). */
        public Builder runsPerPage(int runsPerPage) {
            this.runsPerPage = positive("runsPerPage", runsPerPage);
            return this;
        }

        /** How many of its newest runs a suite or asset page lists (default 50). */
        public Builder recentRuns(int recentRuns) {
            this.recentRuns = positive("recentRuns", recentRuns);
            return this;
        }

        /** How many of an asset's newest metric history records its charts show (default 200). */
        public Builder historyPoints(int historyPoints) {
            this.historyPoints = positive("historyPoints", historyPoints);
            return this;
        }

        /**
         * How many run pages are rendered and written at once (default 8: writing a page waits on the disk's
         * flush or on S3 far longer than rendering it takes).
         */
        public Builder threads(int threads) {
            this.threads = positive("threads", threads);
            return this;
        }

        /**
         * When true, ignores the manifest: reads every stored result and writes every page, and deletes
         * pages the site no longer needs (default false: incremental).
         */
        public Builder fullRebuild(boolean fullRebuild) {
            this.fullRebuild = fullRebuild;
            return this;
        }

        /**
         * Builds (or updates) the site from the stored results and the metric history.
         *
         * @param results the results store, never null
         * @param history the metric history, never null
         * @return what was written and which stored results could not be shown
         * @throws dev.assay.error.StoreUnavailableException when the results cannot be listed or the site
         *     cannot be written
         */
        public DataDocsReport build(ResultStore results, MetricHistory history) {
            requireNonNull(results, "results is null");
            requireNonNull(history, "history is null");
            return new SiteBuild(site, TemplatesHolder.TEMPLATES, runsPerPage, recentRuns, historyPoints, threads)
                    .run(results, history, fullRebuild);
        }

        private static int positive(String name, int value) {
            if (value < 1) {
                throw new AssayException(
                        ErrorCode.INVALID_CONFIGURATION, "data docs " + name + " must be at least 1, got " + value);
            }
            return value;
        }
    }

    /** The templates, loaded once on first use. */
    private static final class TemplatesHolder {
        static final Templates TEMPLATES = new Templates();
    }
}
