package dev.assay.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BatchRequestTest {
    @Test
    void prints_values_and_ranges_in_order() {
        BatchRequest request = BatchRequest.range("month", "01", "03").and("year", "2024");

        assertThat(request).hasToString("{month=01..03, year=2024}");
        assertThat(request.groups()).containsExactly("month", "year");
        assertThat(request.values()).containsExactly(Map.entry("year", "2024"));
        assertThat(BatchRequest.all()).hasToString("{}");
    }

    @Test
    void compares_numbers_by_value_and_texts_as_strings() {
        assertThat(BatchRequest.compareValues("9", "10")).isNegative();
        assertThat(BatchRequest.compareValues("2.5", "10")).isNegative();
        assertThat(BatchRequest.compareValues("b", "a")).isPositive();
        assertThat(BatchRequest.compareValues("9", "a")).isNegative();
    }

    @Test
    void a_value_matches_numerically_equal_text() {
        BatchRequest request = BatchRequest.of("month", "1");

        assertThat(request.matches(Map.of("month", "01"))).isTrue();
        assertThat(request.matches(Map.of("month", "11"))).isFalse();
        assertThat(request.matches(Map.of("year", "2024"))).isFalse();
    }

    @Test
    void a_range_includes_both_ends() {
        BatchRequest request = BatchRequest.range("m", "9", "10");

        assertThat(request.matches(Map.of("m", "9"))).isTrue();
        assertThat(request.matches(Map.of("m", "10"))).isTrue();
        assertThat(request.matches(Map.of("m", "11"))).isFalse();
        assertThat(request.matches(Map.of("m", "1"))).isFalse();
    }

    @Test
    void builds_from_a_map_in_its_order() {
        assertThat(BatchRequest.of(new java.util.LinkedHashMap<>(Map.of("year", "2024"))))
                .isEqualTo(BatchRequest.of("year", "2024"));
    }
}
