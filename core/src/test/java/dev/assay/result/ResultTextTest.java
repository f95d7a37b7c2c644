package dev.assay.result;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.expectation.ColumnValuesInSet;
import dev.assay.expectation.ColumnValuesNotNull;
import dev.assay.model.ResultFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ResultTextTest {
    private static ValidationResult of(String suite, String batch, List<ExpectationResult> results) {
        return new ValidationResult(suite, batch, results, Results.RUN);
    }

    @Test
    void renders_a_header_then_one_line_per_expectation_grouped_by_dimension() {
        assertThat(ResultText.render(Results.trips(), true))
                .isEqualTo(
                        """
                        Suite trips on examples/project/data/trips.csv: FAILED · 4/8 expectations passed (1 errored) · 5,000 rows scanned · 1.2 s

                        Completeness: 1/1 passed
                          ✓ expect_column_values_to_not_be_null  trip_id
                        Validity: 0/3 passed
                          ✗ expect_column_values_to_be_between  passenger_count
                              7 of 4990 non-null values (0.14%) are outside [0, 6]; mostly=0.999 allows at most 0.1%
                              samples: 9 (row 3), 7 (row 17), 9 (row 230), 12 (row 1101), 9 (row 2000), 2 more
                          ✗ expect_column_values_to_be_in_set  payment_type
                              2 of 4999 non-null values (0.04%) are not in {'CARD', 'CASH'}
                              samples: 'BITCOIN' (trip_id=4), 'café\\ncrème' (trip_id=9)
                          ! expect_column_values_to_match_regex  booking_code
                              error: column 'booking_code' not found in dataset 'trips'; available columns: [trip_id,
                              passenger_count]
                        Consistency: 1/1 passed
                          ✓ expect_column_pair_values_a_to_be_greater_than_b  dropoff_ts, pickup_ts
                        Accuracy: 0/1 passed
                          ✗ expect_column_mean_to_be_between  fare_amount
                              the mean 62.5 is not [5, 50]
                        Volume: 1/1 passed
                          ✓ expect_table_row_count_to_be_between
                        Schema: 1/1 passed
                          ✓ expect_column_to_exist  trip_id
                        """);
    }

    @Test
    void renders_plain_ascii_on_request() {
        String text = ResultText.render(Results.trips(), false);

        assertThat(text)
                .isEqualTo(
                        """
                        Suite trips on examples/project/data/trips.csv: FAILED | 4/8 expectations passed (1 errored) | 5,000 rows scanned | 1.2 s

                        Completeness: 1/1 passed
                          ok    expect_column_values_to_not_be_null  trip_id
                        Validity: 0/3 passed
                          FAIL  expect_column_values_to_be_between  passenger_count
                              7 of 4990 non-null values (0.14%) are outside [0, 6]; mostly=0.999 allows at most 0.1%
                              samples: 9 (row 3), 7 (row 17), 9 (row 230), 12 (row 1101), 9 (row 2000), 2 more
                          FAIL  expect_column_values_to_be_in_set  payment_type
                              2 of 4999 non-null values (0.04%) are not in {'CARD', 'CASH'}
                              samples: 'BITCOIN' (trip_id=4), 'caf\\u00e9\\ncr\\u00e8me' (trip_id=9)
                          ERROR expect_column_values_to_match_regex  booking_code
                              error: column 'booking_code' not found in dataset 'trips'; available columns: [trip_id,
                              passenger_count]
                        Consistency: 1/1 passed
                          ok    expect_column_pair_values_a_to_be_greater_than_b  dropoff_ts, pickup_ts
                        Accuracy: 0/1 passed
                          FAIL  expect_column_mean_to_be_between  fare_amount
                              the mean 62.5 is not [5, 50]
                        Volume: 1/1 passed
                          ok    expect_table_row_count_to_be_between
                        Schema: 1/1 passed
                          ok    expect_column_to_exist  trip_id
                        """);
        assertThat(text.chars().allMatch(c -> c < 0x80)).isTrue();
    }

    @Test
    void says_passed_when_every_expectation_passed() {
        ValidationResult result = of("trips", "trips.csv", List.of(Results.notNullPassed(), Results.rowCountPassed()));

        assertThat(ResultText.render(result, true))
                .startsWith(
                        "Suite trips on trips.csv: PASSED · 2/2 expectations passed · 5,000 rows scanned · 1.2 s\n");
    }

    @Test
    void says_so_for_an_empty_suite() {
        assertThat(ResultText.render(of("empty", "t.csv", List.of()), true))
                .isEqualTo("Suite empty on t.csv: PASSED · 0/0 expectations passed · 5,000 rows scanned · 1.2 s\n\n"
                        + "The suite has no expectations.\n");
    }

    @Test
    void counts_bad_rows_and_reads_durations_at_a_glance() {
        ValidationResult result = new ValidationResult(
                "s",
                "t.csv",
                List.of(),
                new ValidationResult.RunInfo(
                        Instant.EPOCH, Duration.ofSeconds(125), Duration.ofSeconds(120), "arrow", 1, 12_345_678, 12));

        assertThat(ResultText.render(result, true))
                .startsWith("Suite s on t.csv: PASSED · 0/0 expectations passed · 12,345,678 rows scanned, 12 bad"
                        + " · 2 min 5 s\n");
    }

    @Nested
    class Failures {
        @Test
        void show_rows_only_when_the_result_format_excludes_values() {
            ResultFormat format = new ResultFormat(ResultFormat.Level.SUMMARY, 20, List.of(), true);
            ValidationResult result = of("s", "t.csv", List.of(Results.betweenFailed(format)));

            assertThat(ResultText.render(result, true))
                    .contains("      rows: row 3, row 17, row 230, row 1101, row 2000, 2 more\n")
                    .doesNotContain("samples");
        }

        @Test
        void show_no_sample_line_without_samples() {
            Failed failed = new Failed(
                    new ColumnValuesNotNull("a"),
                    ResultFormat.BOOLEAN_ONLY,
                    Results.rows(10, 3, 3, List.of(), List.of()),
                    "3 of 10 values (30%) are null");

            assertThat(ResultText.render(of("s", "t.csv", List.of(failed)), true))
                    .endsWith("  ✗ expect_column_values_to_not_be_null  a\n      3 of 10 values (30%) are null\n");
        }
    }

    @Nested
    class At_100_columns {
        @Test
        void long_values_reasons_and_batch_names_stay_within_the_width() {
            String longValue = "x".repeat(300);
            String longWord = "/data/" + "y".repeat(250) + ".csv";
            List<Object> values = new ArrayList<>(List.of(longValue, longValue));
            Failed failed = new Failed(
                    new ColumnValuesInSet("c".repeat(120), List.of("A")),
                    ResultFormat.BASIC,
                    Results.rows(2, 0, 2, values, List.of(0L, 1L)),
                    "2 of 2 values are not in the set, and this reason goes on and on " + "and on ".repeat(30)
                            + longWord);
            ValidationResult result = of("s", "/very/long/path/" + "z".repeat(150) + "/trips.csv", List.of(failed));

            for (boolean unicode : List.of(true, false)) {
                String text = ResultText.render(result, unicode);
                for (String line : text.split("\n")) {
                    assertThat(line.codePointCount(0, line.length())).as(line).isLessThanOrEqualTo(100);
                }
                assertThat(text).contains("trips.csv: FAILED");
            }
        }

        @Test
        void a_long_value_is_cut_with_an_ellipsis() {
            Failed failed = new Failed(
                    new ColumnValuesInSet("c", List.of("A")),
                    ResultFormat.BASIC,
                    Results.rows(1, 0, 1, List.of("abcdefghij".repeat(5)), List.of(0L)),
                    "1 of 1 values (100%) are not in {'A'}");

            assertThat(ResultText.render(of("s", "t.csv", List.of(failed)), true))
                    .contains("      samples: 'abcdefghijabcdefghijabcdefghijabcdefghi…' (row 0)\n");
        }
    }
}
