package dev.assay.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.error.AssayException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ResultKeyTest {
    @Test
    void a_key_reads_back_as_the_same_parts_whatever_the_names() {
        ResultKey key = new ResultKey(
                "orders / daily",
                "s3://lake/raw",
                "{day=2024-01-31}",
                Instant.parse("2024-01-31T06:00:00.123456Z"),
                "a1b2");

        assertThat(key.key())
                .isEqualTo("validations/orders%20%2F%20daily/s3%3A%2F%2Flake%2Fraw/%7Bday%3D2024-01-31%7D/"
                        + "20240131T060000.123456Z-a1b2.json");
        assertThat(ResultKey.parse(key.key())).contains(key);
    }

    @Test
    void segments_are_safe_file_names_and_decode_to_the_name() {
        for (String name : new String[] {"", ".hidden", "..", "naïve café", "a%b", "x.y-z_1", "日本"}) {
            String segment = StoreKeys.segment(name);
            assertThat(segment).matches("[A-Za-z0-9_%-][A-Za-z0-9._%-]*");
            assertThat(StoreKeys.decode(segment)).isEqualTo(name);
        }
        assertThat(StoreKeys.segment("x.y-z_1")).isEqualTo("x.y-z_1");
    }

    @Test
    void keys_that_are_not_results_are_not_parsed() {
        assertThat(ResultKey.parse("validations/a/b/c/notes.txt")).isEmpty();
        assertThat(ResultKey.parse("validations/a/b/20240131T060000.000000Z-ab.json"))
                .isEmpty();
        assertThat(ResultKey.parse("metrics/a/20240131T060000.000000Z-ab.json")).isEmpty();
        assertThat(ResultKey.parse("validations/a/b/c/20241331T060000.000000Z-ab.json"))
                .isEmpty();
    }

    @Test
    void a_run_id_is_lower_case_letters_and_digits() {
        assertThatThrownBy(() -> new ResultKey("s", "a", "b", Instant.EPOCH, "../x"))
                .isInstanceOf(AssayException.class)
                .hasMessageContaining("a run id is lower-case letters and digits: '../x'");
        assertThat(ResultStore.newRunId()).matches("[0-9a-f]{12}");
    }
}
