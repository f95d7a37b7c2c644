package dev.assay.datadocs;

import static dev.assay.expectation.Expectations.column;
import static dev.assay.expectation.Expectations.table;

import dev.assay.Assay;
import dev.assay.model.ExpectationSuite;
import dev.assay.result.ValidationResult;
import dev.assay.source.InMemoryBatch;
import dev.assay.store.MetricHistory;
import dev.assay.store.MetricRecord;
import dev.assay.store.ResultKey;
import dev.assay.store.ResultStore;
import dev.assay.store.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The data docs benchmark (run by {@code benchmarks/datadocs/run.sh}, not by the tests): stores N real
 * validation results (and their metric history) in a local store once, then times a full build of the
 * site from nothing, an incremental build after one new run, and one with nothing new.
 *
 * <p>Usage: {@code DataDocsBenchmark WORK_DIR [RESULTS]} (default 10,000).
 */
public final class DataDocsBenchmark {
    private static final int SUITES = 10;
    private static final int ASSETS = 50;

    private DataDocsBenchmark() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: DataDocsBenchmark WORK_DIR [RESULTS]");
            System.exit(2);
        }
        Path work = Path.of(args[0]);
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        Path storeDir = work.resolve("store-" + n);
        Store store = Store.local(storeDir);
        ResultStore results = new ResultStore(store);
        MetricHistory history = new MetricHistory(store);
        int existing = results.list().size();
        if (existing < n) {
            long start = System.nanoTime();
            // Stored in parallel: each save waits on the disk's flush.
            java.util.stream.IntStream.range(existing, n).parallel().forEach(i -> save(results, history, i));
            System.out.printf("stored %d results in %s in %.1f s%n", n - existing, storeDir, seconds(start));
        }
        Path siteDir = work.resolve("site-" + n);
        delete(siteDir);
        Store site = Store.local(siteDir);

        long start = System.nanoTime();
        DataDocsReport full = DataDocs.builder(site).build(results, history);
        System.out.printf("full build of %d results: %.2f s (%s)%n", full.totalRuns(), seconds(start), full.summary());

        ResultKey added = save(results, history, n);
        start = System.nanoTime();
        DataDocsReport one = DataDocs.builder(site).build(results, history);
        System.out.printf("incremental build after 1 new run: %.2f s (%s)%n", seconds(start), one.summary());
        System.out.println("  pages written: " + one.pagesWritten().size() + " (index pages: "
                + one.pagesWritten().stream().filter(p -> !p.contains("/")).count() + ")");

        start = System.nanoTime();
        DataDocsReport none = DataDocs.builder(site).build(results, history);
        System.out.printf("incremental build with nothing new: %.2f s (%s)%n", seconds(start), none.summary());

        // Leave the store as it was generated, so a rerun measures the same N.
        store.delete(added.key());
    }

    private static ResultKey save(ResultStore results, MetricHistory history, int i) {
        String suite = "suite-" + (i % SUITES);
        String asset = "asset-" + (i % ASSETS);
        boolean bad = i % 7 == 0;
        InMemoryBatch batch = InMemoryBatch.named(asset)
                .column("id", "int64", 1L, 2L, 3L, 4L)
                .column("amount", "float64", 10.0 + i % 13, bad ? -5.0 : 20.0, 30.0, 40.0)
                .column("status", "string", "new", bad ? "lost" : "paid", "paid", "new")
                .build();
        ExpectationSuite s = ExpectationSuite.named(suite)
                .expect(column("id").notNull().unique())
                .expect(column("amount").between(0, 1000).meanBetween(0, 100))
                .expect(column("status").inSet("new", "paid"))
                .expect(table().rowCountBetween(1, 100))
                .build();
        ValidationResult result = Assay.validate(batch, s);
        ResultKey key = results.save(result, Map.of("checkpoint", "bench"));
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("table.row_count", 4.0);
        values.put("column.mean(amount)", 25.0 + (i % 13) / 4.0 - (bad ? 6.25 : 0));
        history.record(new MetricRecord(asset, key.batch(), suite, key.runTime(), key.runId(), values));
        return key;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
