package dev.assay.datadocs;

import static dev.assay.expectation.Expectations.column;

import dev.assay.Assay;
import dev.assay.model.ExpectationSuite;
import dev.assay.result.ValidationResult;
import dev.assay.source.InMemoryBatch;
import dev.assay.store.MetricHistory;
import dev.assay.store.MetricRecord;
import dev.assay.store.ResultKey;
import dev.assay.store.ResultStore;
import java.time.Instant;
import java.util.Map;

/** Real validation results for the tests: a suite over trips that passes on good data and fails on bad. */
final class Fixtures {
    static final String XSS = "<script>alert(1)</script>";

    private Fixtures() {}

    static ExpectationSuite trips(String name) {
        return ExpectationSuite.named(name)
                .expect(column("passenger_count").between(0, 6).mostly(0.5))
                .expect(column("passenger_count").meanBetween(0, 5))
                .expect(column("vendor").inSet("cmt", "vts"))
                .expect(column("trip_id").notNull().unique())
                .build();
    }

    static ValidationResult passing(String suite, String asset) {
        InMemoryBatch batch = InMemoryBatch.named(asset)
                .column("trip_id", "int64", 1L, 2L, 3L)
                .column("passenger_count", "int64", 1L, 2L, 3L)
                .column("vendor", "string", "cmt", "vts", "cmt")
                .build();
        return Assay.validate(batch, trips(suite));
    }

    /**
     * Fails: passenger_count 9 (and 7) out of range in 2 of 3 rows, its mean 6.33 above 5; vendor holds a
     * script tag.
     */
    static ValidationResult failing(String suite, String asset) {
        InMemoryBatch batch = InMemoryBatch.named(asset)
                .column("trip_id", "int64", 1L, 2L, 3L)
                .column("passenger_count", "int64", 9L, 7L, 3L)
                .column("vendor", "string", "cmt", XSS, "cmt")
                .build();
        return Assay.validate(batch, trips(suite));
    }

    static ResultKey save(ResultStore store, ValidationResult result) {
        return store.save(result, Map.of("checkpoint", "nightly"));
    }

    static void history(MetricHistory history, String asset, int runs) {
        for (int i = 0; i < runs; i++) {
            history.record(new MetricRecord(
                    asset,
                    "day=" + i,
                    "trips",
                    Instant.parse("2026-01-01T00:00:00Z").plusSeconds(3600L * i),
                    ResultStore.newRunId(),
                    Map.of("table.row_count", 100.0 + i, "column.mean(fare)", 10.5 - i)));
        }
    }
}
