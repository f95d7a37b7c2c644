package dev.assay.result;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.expectation.ColumnMaxBetween;
import dev.assay.expectation.ColumnQuantileValuesBetween;
import dev.assay.expectation.ColumnValuesInSet;
import dev.assay.expectation.ColumnValuesNotNull;
import dev.assay.expectation.Range;
import dev.assay.model.ExpectationOptions;
import dev.assay.model.ResultFormat;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ResultJsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode json(ValidationResult result) throws IOException {
        return MAPPER.readTree(ResultJson.toJson(result));
    }

    private static JsonNode json(ExpectationResult result) throws IOException {
        return json(new ValidationResult("s", "t.csv", List.of(result), Results.RUN))
                .at("/results/0");
    }

    /** The {@code result} object of {@code result}, compact. */
    private static String resultOf(ExpectationResult result) throws IOException {
        return json(result).get("result").toString();
    }

    /** A failed not-null check with the given samples. */
    private static Failed inSet(ResultFormat format, List<Object> values, List<Object> index) {
        return new Failed(
                new ColumnValuesInSet("payment_type", List.of("CARD", "CASH")),
                format,
                Results.rows(100, 10, values.size(), values, index),
                "some values are not in the set");
    }

    @Test
    void writes_the_gx_suite_validation_result_shape() {
        ValidationResult result = new ValidationResult(
                "trips",
                "trips.csv",
                List.of(
                        Results.notNullPassed(),
                        inSet(ResultFormat.BASIC.withPartialUnexpectedCount(1), List.of("BITCOIN"), List.of(4L))),
                Results.RUN);

        assertThat(ResultJson.toJson(result))
                .isEqualTo(
                        """
                        {
                          "success": false,
                          "suite_name": "trips",
                          "statistics": {
                            "evaluated_expectations": 2,
                            "successful_expectations": 1,
                            "unsuccessful_expectations": 1,
                            "success_percent": 50.0
                          },
                          "results": [
                            {
                              "success": true,
                              "expectation_config": {
                                "type": "expect_column_values_to_not_be_null",
                                "kwargs": {
                                  "column": "trip_id"
                                },
                                "meta": {}
                              },
                              "result": {
                                "element_count": 5000,
                                "missing_count": 0,
                                "missing_percent": 0.0,
                                "unexpected_count": 0,
                                "unexpected_percent": 0.0,
                                "unexpected_percent_total": 0.0,
                                "unexpected_percent_nonmissing": 0.0,
                                "partial_unexpected_list": []
                              },
                              "exception_info": {
                                "raised_exception": false,
                                "exception_message": null,
                                "exception_traceback": null
                              },
                              "dimension": "completeness"
                            },
                            {
                              "success": false,
                              "expectation_config": {
                                "type": "expect_column_values_to_be_in_set",
                                "kwargs": {
                                  "column": "payment_type",
                                  "value_set": [
                                    "CARD",
                                    "CASH"
                                  ]
                                },
                                "meta": {}
                              },
                              "result": {
                                "element_count": 100,
                                "missing_count": 10,
                                "missing_percent": 10.0,
                                "unexpected_count": 1,
                                "unexpected_percent": 1.1111111111111112,
                                "unexpected_percent_total": 1.0,
                                "unexpected_percent_nonmissing": 1.1111111111111112,
                                "partial_unexpected_list": [
                                  "BITCOIN"
                                ],
                                "reason": "some values are not in the set"
                              },
                              "exception_info": {
                                "raised_exception": false,
                                "exception_message": null,
                                "exception_traceback": null
                              },
                              "dimension": "validity"
                            }
                          ],
                          "meta": {
                            "batch": "trips.csv",
                            "engine": "arrow",
                            "run_started_at": "2024-05-02T06:00:00Z",
                            "elapsed_ms": 1234,
                            "scan_elapsed_ms": 987,
                            "scans": 1,
                            "rows_scanned": 5000,
                            "bad_rows": 0,
                            "assay_version": "@VERSION@"
                          },
                          "statistics_by_dimension": {
                            "completeness": {
                              "evaluated_expectations": 1,
                              "successful_expectations": 1,
                              "unsuccessful_expectations": 0,
                              "success_percent": 100.0
                            },
                            "validity": {
                              "evaluated_expectations": 1,
                              "successful_expectations": 0,
                              "unsuccessful_expectations": 1,
                              "success_percent": 0.0
                            }
                          }
                        }"""
                                .replace("@VERSION@", version()));
    }

    /** The version the build wrote into core's version.properties. */
    private static String version() {
        try (java.io.InputStream in = ResultJson.class.getResourceAsStream("/dev/assay/version.properties")) {
            java.util.Properties p = new java.util.Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Nested
    class Result_formats {
        private final List<Object> values = List.of("b", "a", "b", "c", "a", "b");
        private final List<Object> index = List.of(1L, 2L, 3L, 4L, 5L, 6L);

        @Test
        void boolean_only_writes_an_empty_result() throws IOException {
            assertThat(resultOf(inSet(ResultFormat.BOOLEAN_ONLY, values, index)))
                    .isEqualTo("{}");
        }

        @Test
        void basic_writes_counts_and_the_partial_list() throws IOException {
            assertThat(resultOf(inSet(ResultFormat.BASIC.withPartialUnexpectedCount(4), values, index)))
                    .isEqualTo("{\"element_count\":100,\"missing_count\":10,\"missing_percent\":10.0,"
                            + "\"unexpected_count\":6,\"unexpected_percent\":6.666666666666667,"
                            + "\"unexpected_percent_total\":6.0,\"unexpected_percent_nonmissing\":6.666666666666667,"
                            + "\"partial_unexpected_list\":[\"b\",\"a\",\"b\",\"c\"],"
                            + "\"reason\":\"some values are not in the set\"}");
        }

        @Test
        void summary_adds_counts_of_the_partial_list_by_count_then_value_and_its_rows() throws IOException {
            JsonNode result = json(inSet(ResultFormat.SUMMARY.withPartialUnexpectedCount(5), values, index))
                    .get("result");

            assertThat(result.get("partial_unexpected_counts").toString())
                    .isEqualTo("[{\"value\":\"a\",\"count\":2},{\"value\":\"b\",\"count\":2},"
                            + "{\"value\":\"c\",\"count\":1}]");
            assertThat(result.get("partial_unexpected_index_list").toString()).isEqualTo("[1,2,3,4,5]");
            assertThat(result.has("unexpected_list")).isFalse();
            assertThat(result.has("unexpected_index_column_names")).isFalse();
        }

        @Test
        void complete_adds_every_sample_kept() throws IOException {
            JsonNode result = json(inSet(ResultFormat.COMPLETE.withPartialUnexpectedCount(2), values, index))
                    .get("result");

            assertThat(result.get("partial_unexpected_list").toString()).isEqualTo("[\"b\",\"a\"]");
            assertThat(result.get("unexpected_list").toString()).isEqualTo("[\"b\",\"a\",\"b\",\"c\",\"a\",\"b\"]");
            assertThat(result.get("unexpected_index_list").toString()).isEqualTo("[1,2,3,4,5,6]");
        }

        @Test
        void complete_with_index_columns_names_them_and_lists_their_values() throws IOException {
            ResultFormat format = ResultFormat.COMPLETE.withUnexpectedIndexColumnNames(List.of("trip_id"));
            Failed failed = inSet(format, List.of("x"), List.of(Map.of("trip_id", 17L)));

            JsonNode result = json(failed).get("result");

            assertThat(result.get("unexpected_index_column_names").toString()).isEqualTo("[\"trip_id\"]");
            assertThat(result.get("unexpected_index_list").toString()).isEqualTo("[{\"trip_id\":17}]");
        }

        @Test
        void exclude_unexpected_values_drops_the_value_lists_but_keeps_the_rows() throws IOException {
            ResultFormat format = new ResultFormat(ResultFormat.Level.COMPLETE, 20, List.of(), true);

            JsonNode result = json(inSet(format, values, index)).get("result");

            assertThat(result.has("partial_unexpected_list")).isFalse();
            assertThat(result.has("partial_unexpected_counts")).isFalse();
            assertThat(result.has("unexpected_list")).isFalse();
            assertThat(result.get("partial_unexpected_index_list").toString()).isEqualTo("[1,2,3,4,5,6]");
            assertThat(result.get("unexpected_index_list").toString()).isEqualTo("[1,2,3,4,5,6]");
        }

        @Test
        void counts_nulls_first_then_numbers_then_text_among_equal_counts() throws IOException {
            Failed failed = inSet(ResultFormat.SUMMARY, Arrays.asList("z", null, 3L), List.of(0L, 1L, 2L));

            assertThat(json(failed).at("/result/partial_unexpected_counts").toString())
                    .isEqualTo("[{\"value\":null,\"count\":1},{\"value\":3,\"count\":1},"
                            + "{\"value\":\"z\",\"count\":1}]");
        }

        @Test
        void percentages_are_null_when_nothing_was_counted() throws IOException {
            Passed passed = new Passed(
                    new ColumnValuesNotNull("a"), ResultFormat.BASIC, Results.rows(0, 0, 0, List.of(), List.of()));

            assertThat(resultOf(passed))
                    .isEqualTo("{\"element_count\":0,\"missing_count\":0,\"missing_percent\":null,"
                            + "\"unexpected_count\":0,\"unexpected_percent\":null,\"unexpected_percent_total\":null,"
                            + "\"unexpected_percent_nonmissing\":null,\"partial_unexpected_list\":[]}");
        }
    }

    @Nested
    class Aggregates {
        @Test
        void write_the_observed_value_and_details() throws IOException {
            ColumnQuantileValuesBetween e =
                    new ColumnQuantileValuesBetween("fare", List.of(0.5), List.of(Range.between(1L, 2L)));
            Failed failed = new Failed(
                    e,
                    ResultFormat.SUMMARY,
                    ResultDetails.observed(Map.of("quantiles", List.of(0.5), "values", List.of(7L)))
                            .with("age", "PT3H"),
                    "q0.5 = 7 is not [1, 2]");

            JsonNode result = json(failed).get("result");

            assertThat(result.get("observed_value").get("values").toString()).isEqualTo("[7]");
            assertThat(result.get("details").toString()).isEqualTo("{\"age\":\"PT3H\"}");
            assertThat(result.get("reason").textValue()).isEqualTo("q0.5 = 7 is not [1, 2]");
        }

        @Test
        void write_a_null_observed_value_when_there_is_none() throws IOException {
            Failed failed = new Failed(
                    new ColumnMaxBetween("fare", Range.atMost(5L)),
                    ResultFormat.BASIC,
                    ResultDetails.EMPTY,
                    "the max is undefined: the column has no non-null values");

            assertThat(resultOf(failed))
                    .isEqualTo("{\"observed_value\":null,\"reason\":\"the max is undefined: the column has no"
                            + " non-null values\"}");
        }
    }

    @Test
    void writes_an_errored_result_with_its_exception() throws IOException {
        JsonNode errored = json(Results.regexErrored());

        assertThat(errored.get("success").booleanValue()).isFalse();
        assertThat(errored.get("result").toString()).isEqualTo("{}");
        assertThat(errored.get("exception_info").toString())
                .isEqualTo("{\"raised_exception\":true,\"exception_message\":\"column 'booking_code' not found in"
                        + " dataset 'trips'; available columns: [trip_id, passenger_count]\","
                        + "\"exception_traceback\":\"dev.assay.error.ColumnNotFoundException: column 'booking_code'"
                        + " not found\\n\\tat dev.assay.engine.Validator.validate(Validator.java:120)\\n\"}");
    }

    @Test
    void writes_the_expectation_config_with_shared_options_as_in_suite_files() throws IOException {
        ExpectationOptions options = ExpectationOptions.DEFAULT
                .withMostly(0.9)
                .withCatchExceptions(false)
                .withResultFormat(ResultFormat.SUMMARY.withPartialUnexpectedCount(3))
                .withMeta(Map.of("owner", "ingest"))
                .withNotes("see the runbook")
                .withId("e-1");
        Passed passed = new Passed(
                new ColumnValuesNotNull("a", options),
                ResultFormat.SUMMARY.withPartialUnexpectedCount(3),
                Results.rows(1, 0, 0, List.of(), List.of()));

        assertThat(json(passed).get("expectation_config").toString())
                .isEqualTo("{\"type\":\"expect_column_values_to_not_be_null\",\"kwargs\":{\"column\":\"a\","
                        + "\"mostly\":0.9,\"result_format\":{\"result_format\":\"SUMMARY\","
                        + "\"partial_unexpected_count\":3},\"catch_exceptions\":false},\"meta\":{\"owner\":\"ingest\"},"
                        + "\"notes\":\"see the runbook\",\"id\":\"e-1\"}");
    }

    @Test
    void writes_values_as_plain_json() throws IOException {
        List<Object> values = Arrays.asList(
                LocalDate.of(2024, 5, 1),
                Instant.parse("2024-05-01T10:15:30Z"),
                LocalDateTime.of(2024, 5, 1, 10, 15),
                new BigDecimal("12345678901234567890.25"),
                new BigDecimal("1E+3"),
                Double.NaN,
                Double.POSITIVE_INFINITY,
                new byte[] {1, 2, 3},
                Optional.of("x"),
                null);
        Failed failed = inSet(ResultFormat.COMPLETE, values, List.of());

        // Read back with BigDecimal, so the check sees every digit written.
        ObjectMapper exact = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        JsonNode written =
                exact.readTree(ResultJson.toJson(new ValidationResult("s", "t", List.of(failed), Results.RUN)));

        assertThat(written.at("/results/0/result/unexpected_list").toString())
                .isEqualTo("[\"2024-05-01\",\"2024-05-01T10:15:30Z\",\"2024-05-01T10:15:00\","
                        + "12345678901234567890.25,1000,\"NaN\",\"Infinity\",\"AQID\",\"x\",null]");
    }

    @Test
    void passes_when_every_expectation_passed_and_reports_an_empty_suite() throws IOException {
        JsonNode empty = json(new ValidationResult("s", "t", List.of(), Results.RUN));

        assertThat(empty.get("success").booleanValue()).isTrue();
        assertThat(empty.get("statistics").toString())
                .isEqualTo("{\"evaluated_expectations\":0,\"successful_expectations\":0,"
                        + "\"unsuccessful_expectations\":0,\"success_percent\":100.0}");
        assertThat(empty.get("results").size()).isZero();
        assertThat(empty.get("statistics_by_dimension").toString()).isEqualTo("{}");
    }
}
