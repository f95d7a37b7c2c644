package dev.assay.checkpoint.actions;

import static dev.assay.expectation.Expectations.column;
import static dev.assay.expectation.Expectations.table;

import dev.assay.Assay;
import dev.assay.checkpoint.ActionContext;
import dev.assay.checkpoint.CheckpointRun;
import dev.assay.checkpoint.ValidationRun;
import dev.assay.error.AssayException;
import dev.assay.error.ErrorCode;
import dev.assay.model.ExpectationSuite;
import dev.assay.result.ValidationResult;
import dev.assay.source.InMemoryBatch;
import dev.assay.store.MetricHistory;
import dev.assay.store.ResultKey;
import dev.assay.store.ResultStore;
import dev.assay.store.Store;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Checkpoint runs of real validations over small in-memory batches, and a project for actions to use. */
final class Runs {
    static final Instant STARTED = Instant.parse("2024-05-02T06:00:00Z");

    private Runs() {}

    /** Orders whose statuses and amounts break the suite: two failures and an error (a missing column). */
    static ValidationResult badOrders() {
        InMemoryBatch batch = InMemoryBatch.named("orders-2024-05-01.csv")
                .column("id", "int64", 1L, 2L, 3L, 4L)
                .column("status", "string", "open", "<script>alert(1)</script>", "a & b", "paid")
                .column("amount", "float64", 12.5, 30.0, 50.0, 7.5)
                .build();
        ExpectationSuite suite = ExpectationSuite.named("orders")
                .expect(column("id").notNull())
                .expect(column("status").inSet("open", "paid"))
                .expect(column("amount").meanBetween(0, 10))
                .expect(column("region\u0001<x>&").notNull())
                .expect(table().rowCountBetween(1, 100))
                .build();
        return Assay.validate(batch, suite);
    }

    /** Customers that meet their suite. */
    static ValidationResult goodCustomers() {
        InMemoryBatch batch = InMemoryBatch.named("customers.csv")
                .column("id", "int64", 1L, 2L)
                .column("email", "string", "a@example.com", "b@example.com")
                .build();
        ExpectationSuite suite = ExpectationSuite.named("customers")
                .expect(column("id").notNull().unique())
                .build();
        return Assay.validate(batch, suite);
    }

    /** A failed run: customers passed, orders failed. */
    static CheckpointRun failed() {
        ValidationResult customers = goodCustomers();
        return new CheckpointRun(
                "nightly",
                "r1a2b3",
                STARTED,
                List.of(
                        new ValidationRun(
                                "customers",
                                customers,
                                Optional.of(
                                        new ResultKey("customers", "customers", "customers.csv", STARTED, "r1a2b3"))),
                        new ValidationRun("orders", badOrders(), Optional.empty())));
    }

    /** A run where everything passed. */
    static CheckpointRun passed() {
        return new CheckpointRun(
                "nightly",
                "r1a2b3",
                STARTED,
                List.of(new ValidationRun("customers", goodCustomers(), Optional.empty())));
    }

    /** The project an action runs in: stores in a folder, output captured. */
    static final class Project implements ActionContext {
        private final Path dir;
        private final PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

        Project(Path dir) {
            this.dir = dir;
        }

        @Override
        public Path projectDir() {
            return dir;
        }

        @Override
        public ResultStore results() {
            return new ResultStore(Store.local(dir.resolve("results")));
        }

        @Override
        public MetricHistory metricHistory() {
            return new MetricHistory(Store.local(dir.resolve("metrics")));
        }

        @Override
        public Store docsSite(String name) {
            if (!name.equals("local")) {
                throw new AssayException(ErrorCode.INVALID_CONFIGURATION, "no docs site '" + name + "'");
            }
            return Store.local(dir.resolve("docs"));
        }

        @Override
        public List<String> docsSites() {
            return List.of("local");
        }

        @Override
        public Map<String, String> settings() {
            return Map.of();
        }

        @Override
        public PrintStream out() {
            return out;
        }
    }
}
