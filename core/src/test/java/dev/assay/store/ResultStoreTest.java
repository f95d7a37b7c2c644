package dev.assay.store;

import static dev.assay.expectation.Expectations.table;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.engine.Validator;
import dev.assay.model.ExpectationSuite;
import dev.assay.result.ValidationResult;
import dev.assay.source.InMemoryBatch;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultStoreTest {
    @TempDir
    Path dir;

    private static ValidationResult result(String suite, Instant at) {
        ExpectationSuite s = ExpectationSuite.named(suite)
                .expect(table().rowCountBetween(1, 5))
                .build();
        return Validator.create()
                .withClock(Clock.fixed(at, ZoneOffset.UTC))
                .validate(
                        InMemoryBatch.named("orders.csv")
                                .column("id", "int64", 1L, 2L)
                                .build(),
                        s);
    }

    @Test
    void results_of_one_batch_at_one_instant_never_overwrite_each_other() throws Exception {
        ResultStore store = new ResultStore(Store.local(dir));
        Instant at = Instant.parse("2024-01-31T06:00:00Z");

        ResultKey first = store.save(result("orders", at), Map.of("checkpoint", "nightly"));
        ResultKey second = store.save(result("orders", at), Map.of());

        assertThat(first).isNotEqualTo(second);
        assertThat(first.key()).startsWith("validations/orders/orders.csv/orders.csv/20240131T060000.000000Z-");
        assertThat(store.list()).containsExactlyInAnyOrder(first, second);
        JsonNode json = new ObjectMapper().readTree(store.read(first).orElseThrow());
        assertThat(json.at("/meta/checkpoint").asText()).isEqualTo("nightly");
        assertThat(json.at("/meta/run_id").asText()).isEqualTo(first.runId());
        assertThat(json.at("/meta/data_asset").asText()).isEqualTo("orders.csv");
        assertThat(json.at("/success").asBoolean()).isTrue();
    }

    @Test
    void the_list_is_newest_first_and_skips_other_objects() {
        Store raw = Store.local(dir);
        ResultStore store = new ResultStore(raw);
        ResultKey old = store.save(result("b", Instant.parse("2024-01-01T00:00:00Z")), Map.of());
        ResultKey recent = store.save(result("a", Instant.parse("2024-02-01T00:00:00Z")), Map.of());
        raw.write("validations/README.txt", new byte[] {1});

        List<ResultKey> keys = store.list();

        assertThat(keys).containsExactly(recent, old);
        assertThat(store.read(new ResultKey("x", "y", "z", Instant.EPOCH, "ab")))
                .isEmpty();
    }
}
