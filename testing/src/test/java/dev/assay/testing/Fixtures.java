package dev.assay.testing;

import dev.assay.expectation.Expectations;
import dev.assay.model.ExpectationSuite;
import dev.assay.source.Batch;
import dev.assay.source.InMemoryBatch;

final class Fixtures {
    private Fixtures() {}

    /** amount: 1, 2, null; status: open, paid, lost. */
    static Batch orders() {
        return InMemoryBatch.named("orders")
                .column("amount", "int64", 1L, 2L, null)
                .column("status", "string", "open", "paid", "lost")
                .build();
    }

    /** Broken by {@link #orders()}: a null amount and the status 'lost'; the range of amount holds. */
    static ExpectationSuite brokenSuite() {
        return ExpectationSuite.named("orders_suite")
                .expect(Expectations.column("amount").notNull().between(0, 10))
                .expect(Expectations.column("status").inSet("open", "paid"))
                .build();
    }

    /** Satisfied by {@link #orders()}. */
    static ExpectationSuite passingSuite() {
        return ExpectationSuite.named("passing_suite")
                .expect(Expectations.column("amount").between(0, 10))
                .expect(Expectations.column("status").matches("^[a-z]+$"))
                .build();
    }
}
