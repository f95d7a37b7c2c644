package dev.assay.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.engine.Validator;
import dev.assay.error.SourceUnavailableException;
import dev.assay.model.ExpectationSuite;
import dev.assay.source.ScanRequest;
import dev.assay.source.Split;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** A PostgreSQL session ended by the server while a scan streams its rows. */
@EnabledIfEnvironmentVariable(named = TestDatabase.POSTGRES_ENV, matches = ".+")
class PostgresConnectionLossTest {
    @Test
    void a_connection_dropped_mid_read_is_a_source_failure_and_frees_memory() {
        String url = System.getenv(TestDatabase.POSTGRES_ENV);
        JdbcBatch batch = JdbcSource.of(url)
                .query("endless", "SELECT pg_backend_pid() AS pid, g FROM generate_series(1, 1000000) g")
                .batch();
        List<Integer> seen = new ArrayList<>();

        try (TestDatabase admin = TestDatabase.postgres();
                BufferAllocator allocator = new RootAllocator()) {
            Split split = batch.splits(new ScanRequest(List.of("pid", "g"), allocator, 1000))
                    .get(0);
            assertThatThrownBy(() -> split.read(b -> {
                        if (seen.isEmpty()) {
                            long pid = ((org.apache.arrow.vector.BigIntVector)
                                            b.root().getVector("pid"))
                                    .get(0);
                            admin.execute("SELECT pg_terminate_backend(" + pid + ")");
                        }
                        seen.add(b.rowCount());
                    }))
                    .isInstanceOf(SourceUnavailableException.class)
                    .hasMessageStartingWith("Lost the connection to " + url + " while reading 'endless': ")
                    .hasMessageContaining("terminating connection due to administrator command");
            assertThat(allocator.getAllocatedMemory()).isZero();
        }
        assertThat(seen).isNotEmpty().allMatch(rows -> rows == 1000);
    }

    @Test
    void a_connection_dropped_while_the_database_aggregates_fails_the_validation_and_returns_no_result()
            throws Exception {
        String url = System.getenv(TestDatabase.POSTGRES_ENV);
        // Each row sleeps a millisecond: the aggregate runs for minutes unless its session ends.
        JdbcBatch batch = JdbcSource.of(url)
                .query("slow", "SELECT g, pg_sleep(0.001)::text AS s FROM generate_series(1, 200000) g")
                .batch();
        ExpectationSuite suite = ExpectationSuite.named("slow")
                .expect(dev.assay.expectation.Expectations.column("g").notNull())
                .build();
        String marker = "pg_sleep(0.001)";
        try (TestDatabase admin = TestDatabase.postgres()) {
            Thread killer = new Thread(() -> {
                for (int i = 0; i < 200; i++) {
                    // Ends the session running the aggregate (not this one), once it runs.
                    admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE state = 'active'"
                            + " AND pid <> pg_backend_pid() AND query LIKE '%" + marker + "%' AND query LIKE"
                            + " 'SELECT COUNT(*)%'");
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            killer.start();
            try {
                assertThatThrownBy(() -> Validator.create().validate(batch, suite))
                        .isInstanceOf(SourceUnavailableException.class)
                        .hasMessageStartingWith("Lost the connection to " + url + " while validating 'slow': ")
                        .hasMessageContaining("terminating connection due to administrator command");
            } finally {
                killer.interrupt();
                killer.join();
            }
        }
    }
}
