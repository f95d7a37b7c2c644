package dev.assay.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.error.StoreUnavailableException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultStoreSavingTest {
    @TempDir
    Path dir;

    /** A store whose create always finds something there: broken, as a store must never be. */
    private static final class AlwaysTaken implements Store {
        final AtomicInteger creates = new AtomicInteger();

        @Override
        public String root() {
            return "always-taken";
        }

        @Override
        public Optional<byte[]> read(String key) {
            return Optional.empty();
        }

        @Override
        public void write(String key, byte[] content) {}

        @Override
        public boolean create(String key, byte[] content) {
            creates.incrementAndGet();
            return false;
        }

        @Override
        public List<String> list(String prefix) {
            return List.of();
        }

        @Override
        public boolean delete(String key) {
            return false;
        }
    }

    @Test
    void saves_under_the_suite_asset_batch_and_time_and_reads_back() {
        ResultStore results = new ResultStore(Store.local(dir));

        ResultKey key = results.save(StoreChild.result(), Map.of("checkpoint", "nightly"));

        assertThat(key.key())
                .matches("validations/orders%20suite/orders/orders/20240131T060000\\.123456Z-[0-9a-f]{12}\\.json");
        assertThat(results.list()).containsExactly(key);
        assertThat(results.read(key))
                .hasValueSatisfying(json -> assertThat(json).containsPattern("\"checkpoint\"\\s*:\\s*\"nightly\""));
    }

    @Test
    void a_store_that_always_reports_the_key_taken_fails_the_save_instead_of_hanging() {
        AlwaysTaken store = new AlwaysTaken();

        assertThatThrownBy(() -> new ResultStore(store).save(StoreChild.result(), Map.of()))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageStartingWith("cannot save the result of suite 'orders suite' in always-taken: 10 new keys"
                        + " such as validations/orders%20suite/orders/orders/20240131T060000.123456Z-")
                .hasMessageEndingWith(".json were each reported as already there");
        assertThat(store.creates).hasValue(10);
    }

    @Test
    void metric_history_refuses_a_negative_limit() {
        MetricHistory history = new MetricHistory(Store.local(dir));
        history.record(new MetricRecord(
                "orders", "b", "s", Instant.parse("2024-01-31T06:00:00Z"), "abc", Map.of("rows", 3.0)));

        assertThat(history.records("orders", 0)).isEmpty();
        assertThat(history.records("orders", 5)).hasSize(1);
        assertThatThrownBy(() -> history.records("orders", -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("limit must be >= 0, got -1");
    }
}
