package dev.assay.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Year;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
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

    @Nested
    class Typed_partitions {
        @Test
        void dates_are_written_as_iso_days_months_and_years() {
            assertThat(BatchRequest.partition("d", LocalDate.of(2024, 1, 31)).values())
                    .containsExactly(Map.entry("d", "2024-01-31"));
            assertThat(BatchRequest.partition("d", YearMonth.of(2024, 1)).values())
                    .containsExactly(Map.entry("d", "2024-01"));
            assertThat(BatchRequest.partition("d", Year.of(2024)).values()).containsExactly(Map.entry("d", "2024"));
            assertThat(BatchRequest.partition("d", LocalDateTime.of(2024, 1, 31, 10, 15))
                            .values())
                    .containsExactly(Map.entry("d", "2024-01-31T10:15"));
        }

        @Test
        void numbers_are_written_in_plain_digits() {
            assertThat(text(42)).isEqualTo("42");
            assertThat(text(-7L)).isEqualTo("-7");
            assertThat(text(2.5)).isEqualTo("2.5");
            assertThat(text(0.1f)).isEqualTo("0.1");
            assertThat(text(1e10)).isEqualTo("10000000000");
            assertThat(text(new BigDecimal("1E+3"))).isEqualTo("1000");
            assertThat(text(new BigInteger("12345678901234567890"))).isEqualTo("12345678901234567890");
        }

        @Test
        void booleans_and_strings_are_written_as_they_read() {
            assertThat(text(true)).isEqualTo("true");
            assertThat(text("eu-west")).isEqualTo("eu-west");
        }

        @Test
        void the_conditions_are_the_ones_the_string_factories_make() {
            assertThat(BatchRequest.partition("day", LocalDate.of(2024, 1, 31)).and("region", (Object) "eu"))
                    .isEqualTo(BatchRequest.of("day", "2024-01-31", "region", "eu"));
            assertThat(BatchRequest.partition("m", YearMonth.of(2024, 1), YearMonth.of(2024, 3)))
                    .isEqualTo(BatchRequest.range("m", "2024-01", "2024-03"))
                    .hasToString("{m=2024-01..2024-03}");
            assertThat(BatchRequest.partition("y", Year.of(2024))
                            .andRange("n", 1, 10L)
                            .conditions())
                    .containsExactly(
                            new BatchRequest.Condition("y", "2024", "2024"),
                            new BatchRequest.Condition("n", "1", "10"));
        }

        @Test
        void a_range_of_one_value_is_a_value() {
            BatchRequest request = BatchRequest.partition("d", LocalDate.of(2024, 1, 31), LocalDate.of(2024, 1, 31));

            assertThat(request.values()).containsExactly(Map.entry("d", "2024-01-31"));
        }

        @Test
        void a_value_of_another_type_is_rejected_with_the_types_taken() {
            assertThatThrownBy(() -> BatchRequest.partition("d", List.of(1)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("a partition value must be a LocalDate, YearMonth, Year, LocalDateTime, Number, Boolean"
                            + " or String, got java.util.ImmutableCollections$List12 [1]");
        }

        @Test
        void an_instant_is_rejected_with_a_hint_to_convert_it() {
            assertThatThrownBy(() -> BatchRequest.partition("d", Instant.parse("2024-01-31T00:00:00Z")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("a partition value must be a LocalDate, YearMonth, Year, LocalDateTime, Number, Boolean"
                            + " or String, got java.time.Instant 2024-01-31T00:00:00Z; convert it to one of those in"
                            + " the data's time zone");
            assertThatThrownBy(() -> BatchRequest.partition("t", LocalTime.NOON))
                    .hasMessageEndingWith(
                            "got java.time.LocalTime 12:00; convert it to one of those in the data's" + " time zone");
        }

        @Test
        void a_number_that_is_not_finite_is_rejected() {
            assertThatThrownBy(() -> BatchRequest.partition("x", Double.NaN))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("a partition value must be a finite number, got NaN");
            assertThatThrownBy(() -> BatchRequest.partition("x", Float.NEGATIVE_INFINITY))
                    .hasMessage("a partition value must be a finite number, got -Infinity");
        }

        @Test
        void null_is_rejected_naming_the_argument() {
            assertThatThrownBy(() -> BatchRequest.partition("d", null))
                    .isInstanceOf(NullPointerException.class)
                    .hasMessage("value is null");
            assertThatThrownBy(() -> BatchRequest.partition("d", null, Year.of(2024)))
                    .isInstanceOf(NullPointerException.class)
                    .hasMessage("from is null");
            assertThatThrownBy(() -> BatchRequest.partition("d", Year.of(2024), null))
                    .isInstanceOf(NullPointerException.class)
                    .hasMessage("to is null");
            assertThatThrownBy(() -> BatchRequest.partition(null, Year.of(2024)))
                    .isInstanceOf(NullPointerException.class)
                    .hasMessage("group is null");
        }

        @Test
        void a_range_of_two_kinds_is_rejected() {
            assertThatThrownBy(() -> BatchRequest.partition("d", LocalDate.of(2024, 1, 1), YearMonth.of(2024, 3)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the ends of a partition range for 'd' must be of one kind, got 2024-01-01 (LocalDate)"
                            + " and 2024-03 (YearMonth)");
            assertThatThrownBy(() -> BatchRequest.partition("d", "2024-01-01", LocalDate.of(2024, 3, 1)))
                    .hasMessage("the ends of a partition range for 'd' must be of one kind, got 2024-01-01 (String)"
                            + " and 2024-03-01 (LocalDate)");
        }

        @Test
        void numbers_of_any_type_are_one_kind() {
            assertThat(BatchRequest.partition("n", 1, new BigDecimal("2.5")))
                    .isEqualTo(BatchRequest.range("n", "1", "2.5"));
        }

        @Test
        void a_range_that_ends_before_it_starts_is_rejected() {
            assertThatThrownBy(() -> BatchRequest.partition("m", YearMonth.of(2024, 3), YearMonth.of(2024, 1)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("a partition range for 'm' must not end before it starts, got 2024-03..2024-01");
            assertThatThrownBy(() -> BatchRequest.partition("n", 10, 9.5))
                    .hasMessage("a partition range for 'n' must not end before it starts, got 10..9.5");
        }

        @Test
        void a_range_of_strings_is_taken_as_given() {
            assertThat(BatchRequest.partition("r", "us", "eu")).isEqualTo(BatchRequest.range("r", "us", "eu"));
        }

        private String text(Object value) {
            return BatchRequest.partition("x", value).values().get("x");
        }
    }
}
