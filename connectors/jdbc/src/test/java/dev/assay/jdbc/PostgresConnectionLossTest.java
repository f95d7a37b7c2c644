package dev.assay.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.error.SourceUnavailableException;
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
}
