package dev.assay.cloudwatch;

import static dev.assay.expectation.Expectations.column;
import static dev.assay.expectation.Expectations.table;

import dev.assay.Assay;
import dev.assay.model.ExpectationSuite;
import dev.assay.result.ValidationResult;
import dev.assay.source.InMemoryBatch;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Real validation results to publish, with the start time a test needs. */
final class TestValidations {
    /** A start one hour ago, to the millisecond: CloudWatch's precision. */
    static final Instant STARTED = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);

    private TestValidations() {}

    /**
     * Suite {@code orders} on three rows: amount not null (fails: one null), mean of amount in [10, 500]
     * (passes: 21), row count in [1, 10] (passes: 3), status in {open, paid} (fails: lost).
     */
    static ValidationResult orders(Instant startedAt) {
        ExpectationSuite suite = ExpectationSuite.named("orders")
                .expect(column("amount").notNull().meanBetween(10, 500))
                .expect(table().rowCountBetween(1, 10))
                .expect(column("status").inSet("open", "paid"))
                .build();
        InMemoryBatch batch = InMemoryBatch.named("orders.csv")
                .column("amount", "float64", 12.0, 30.0, null)
                .column("status", "string", "open", "paid", "lost")
                .build();
        return startedAt(Assay.validate(batch, suite), startedAt);
    }

    /** Suite {@code customers}, every expectation passing. */
    static ValidationResult customers(Instant startedAt) {
        ExpectationSuite suite = ExpectationSuite.named("customers")
                .expect(column("id").notNull())
                .build();
        InMemoryBatch batch =
                InMemoryBatch.named("customers").column("id", "int64", 1L, 2L).build();
        return startedAt(Assay.validate(batch, suite), startedAt);
    }

    static ValidationResult startedAt(ValidationResult r, Instant at) {
        ValidationResult.RunInfo run = r.run();
        return new ValidationResult(
                r.suiteName(),
                r.batchName(),
                r.results(),
                new ValidationResult.RunInfo(
                        at,
                        run.elapsed(),
                        run.scanElapsed(),
                        run.engine(),
                        run.scans(),
                        run.rowsScanned(),
                        run.badRows(),
                        run.metricsSources()),
                r.batchIdentity());
    }
}
