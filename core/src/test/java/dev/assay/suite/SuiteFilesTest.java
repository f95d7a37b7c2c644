package dev.assay.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.error.SourceUnavailableException;
import dev.assay.error.SuiteFormatException;
import dev.assay.expectation.ColumnDistinctValuesMatchSet;
import dev.assay.expectation.ColumnDistinctValuesMatchSet.SetRelation;
import dev.assay.expectation.ColumnExists;
import dev.assay.expectation.ColumnMeanBetween;
import dev.assay.expectation.ColumnPairValuesAGreaterThanB;
import dev.assay.expectation.ColumnQuantileValuesBetween;
import dev.assay.expectation.ColumnStdevBetween;
import dev.assay.expectation.ColumnValueLengthsEqual;
import dev.assay.expectation.ColumnValuesBetween;
import dev.assay.expectation.ColumnValuesFresh;
import dev.assay.expectation.ColumnValuesInSet;
import dev.assay.expectation.ColumnValuesMatchRegex;
import dev.assay.expectation.ColumnValuesNotNull;
import dev.assay.expectation.ColumnValuesOfType;
import dev.assay.expectation.ColumnValuesUnique;
import dev.assay.expectation.CompoundColumnsUnique;
import dev.assay.expectation.Range;
import dev.assay.expectation.TableColumnsMatchOrderedList;
import dev.assay.expectation.TableColumnsMatchSet;
import dev.assay.expectation.TableRowCountBetween;
import dev.assay.expectation.TableRowCountEqual;
import dev.assay.metric.RowPredicate.IgnoreRowIf;
import dev.assay.model.ExpectationOptions;
import dev.assay.model.ExpectationSuite;
import dev.assay.model.ResultFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuiteFilesTest {
    private static final ExpectationOptions DEFAULT = ExpectationOptions.DEFAULT;

    static Path resource(String name) {
        return Path.of("src/test/resources/suites", name);
    }

    @Nested
    class Reading_gx_1x {
        @Test
        void reads_a_json_suite_with_every_shared_option() {
            ExpectationSuite suite = SuiteFiles.read(resource("gx1-taxi.json"));

            assertThat(suite.name()).isEqualTo("taxi_trips.warning");
            assertThat(suite.meta()).isEqualTo(Map.of("great_expectations_version", "1.3.5"));
            assertThat(suite.expectations())
                    .containsExactly(
                            new TableRowCountBetween(
                                    Range.between(1000L, 2_000_000L),
                                    DEFAULT.withId("0b6c1d2e-7f6a-4a0e-9d1b-1b2f3c4d5e6f")),
                            new ColumnValuesNotNull(
                                    "vendor_id",
                                    DEFAULT.withMostly(0.99)
                                            .withMeta(Map.of("owner", "ingest"))
                                            .withNotes("Vendor is set by the meter; nulls come from manual entries.")
                                            .withId("8d5e0b1a-3c2f-4e6d-8a9b-0c1d2e3f4a5b")),
                            new ColumnValuesBetween(
                                    "passenger_count",
                                    Range.between(1L, 6L),
                                    DEFAULT.withResultFormat(ResultFormat.SUMMARY.withPartialUnexpectedCount(5))),
                            new ColumnValuesInSet("payment_type", List.of(1L, 2L, 3L, 4L, 5L, 6L)),
                            new ColumnPairValuesAGreaterThanB(
                                    "tpep_dropoff_datetime",
                                    "tpep_pickup_datetime",
                                    true,
                                    IgnoreRowIf.EITHER_VALUE_IS_MISSING),
                            new ColumnQuantileValuesBetween(
                                    "fare_amount",
                                    List.of(0.05, 0.5, 0.95),
                                    List.of(Range.between(0L, 5L), Range.between(8.5, 15L), Range.atMost(80L))),
                            new TableColumnsMatchSet(
                                    List.of(
                                            "vendor_id",
                                            "tpep_pickup_datetime",
                                            "tpep_dropoff_datetime",
                                            "passenger_count",
                                            "payment_type",
                                            "fare_amount"),
                                    false),
                            new ColumnValuesMatchRegex(
                                    "store_and_fwd_flag",
                                    "^[YN]$",
                                    DEFAULT.withCatchExceptions(false).withResultFormat(ResultFormat.COMPLETE)));
        }

        @Test
        void reads_a_yaml_suite_with_notes_as_a_list_and_unquoted_timestamps() {
            ExpectationSuite suite = SuiteFiles.read(resource("gx1-orders.yaml"));

            assertThat(suite.name()).isEqualTo("orders");
            assertThat(suite.meta()).isEqualTo(Map.of("owner", "shop-data", "tags", List.of("orders", "daily")));
            assertThat(suite.expectations())
                    .containsExactly(
                            new ColumnValuesNotNull("order_id"),
                            new ColumnValuesUnique("order_id"),
                            new ColumnValuesInSet(
                                    "status",
                                    List.of("NEW", "PAID", "SHIPPED", "yes", "1"),
                                    DEFAULT.withMostly(0.999)
                                            .withMeta(Map.of("why", "status comes from the shop's state machine"))),
                            new ColumnValuesFresh(
                                    "created_at",
                                    Duration.ofHours(6),
                                    Optional.of(Instant.parse("2024-05-02T06:00:00Z")),
                                    DEFAULT),
                            new ColumnExists("amount", Optional.of(3L)),
                            new CompoundColumnsUnique(
                                    List.of("order_id", "line_no"),
                                    IgnoreRowIf.ANY_VALUE_IS_MISSING,
                                    DEFAULT.withNotes("One line per order line.\nLines are numbered from 1.")));
        }

        @Test
        void reads_the_same_suite_from_json_and_yaml_text() {
            String json = "{\"name\": \"s\", \"expectations\": [{\"type\": \"expect_column_values_to_not_be_null\","
                    + " \"kwargs\": {\"column\": \"a\", \"mostly\": 0.5}}]}";
            String yaml = "name: s\nexpectations:\n  - type: expect_column_values_to_not_be_null\n"
                    + "    kwargs: {column: a, mostly: 0.5}\n";

            assertThat(SuiteFiles.parse(yaml, SuiteFormat.YAML, "s.yaml"))
                    .isEqualTo(SuiteFiles.parse(json, SuiteFormat.JSON, "s.json"));
        }

        @Test
        void reads_a_missing_kwargs_object_as_empty_kwargs() {
            ExpectationSuite suite = SuiteFiles.parse(
                    "{\"name\": \"s\", \"expectations\": [{\"type\": \"expect_table_column_count_to_be_between\"}]}",
                    SuiteFormat.JSON,
                    "s.json");

            assertThat(suite.expectations()).hasSize(1);
        }

        @Test
        void ignores_a_schema_reference() {
            ExpectationSuite suite = SuiteFiles.parse(
                    "{\"$schema\": \"../docs/suite.schema.json\", \"name\": \"s\", \"expectations\": []}",
                    SuiteFormat.JSON,
                    "s.json");

            assertThat(suite).isEqualTo(new ExpectationSuite("s", List.of(), Map.of()));
        }

        @Test
        void reads_an_empty_list_of_expectations() {
            ExpectationSuite suite = SuiteFiles.parse("name: empty\nexpectations: []\n", SuiteFormat.YAML, "e.yaml");

            assertThat(suite).isEqualTo(new ExpectationSuite("empty", List.of(), Map.of()));
        }

        @Test
        void reads_a_whole_number_written_with_a_fraction_as_an_integer() {
            ExpectationSuite suite = SuiteFiles.parse(
                    "name: s\nexpectations:\n  - type: expect_table_row_count_to_equal\n    kwargs: {value: 1500.0}\n",
                    SuiteFormat.YAML,
                    "s.yaml");

            assertThat(suite.expectations()).containsExactly(new TableRowCountEqual(1500L));
        }

        @Test
        void accepts_false_for_result_format_options_assay_does_not_support() {
            ExpectationSuite suite = SuiteFiles.parse(
                    "name: s\nexpectations:\n  - type: expect_column_values_to_be_unique\n    kwargs:\n"
                            + "      column: a\n      result_format: {result_format: BASIC, include_unexpected_rows: false,"
                            + " return_unexpected_index_query: false}\n",
                    SuiteFormat.YAML,
                    "s.yaml");

            assertThat(suite.expectations())
                    .containsExactly(new ColumnValuesUnique("a", DEFAULT.withResultFormat(ResultFormat.BASIC)));
        }

        @Test
        void accepts_null_shared_kwargs_the_type_does_not_take() {
            ExpectationSuite suite = SuiteFiles.parse(
                    "name: s\nexpectations:\n  - type: expect_column_to_exist\n"
                            + "    kwargs: {column: a, mostly: null, row_condition: null, condition_parser: null}\n",
                    SuiteFormat.YAML,
                    "s.yaml");

            assertThat(suite.expectations()).containsExactly(new ColumnExists("a", Optional.empty()));
        }

        @Test
        void passes_row_condition_and_condition_parser_to_the_condition_parser() {
            String yaml = "name: s\nexpectations:\n  - type: expect_column_values_to_be_between\n    kwargs:\n"
                    + "      column: fare\n      min_value: 0\n      row_condition: status <> 'test'\n"
                    + "  - type: expect_table_row_count_to_be_between\n    kwargs:\n      min_value: 1\n"
                    + "      row_condition: 'col(\"x\") > 5'\n      condition_parser: great_expectations\n";

            ExpectationSuite suite = SuiteFiles.parse(yaml, SuiteFormat.YAML, "s.yaml", FakeFilter::parse);

            assertThat(suite.expectations())
                    .containsExactly(
                            new ColumnValuesBetween(
                                    "fare",
                                    Range.atLeast(0L),
                                    DEFAULT.withRowFilter(new FakeFilter("status <> 'test'", "default"))),
                            new TableRowCountBetween(
                                    Range.atLeast(1L),
                                    DEFAULT.withRowFilter(new FakeFilter("col(\"x\") > 5", "great_expectations"))));
        }
    }

    @Nested
    class Reading_gx_0x {
        @Test
        void reads_expectation_suite_name_and_expectation_type_and_ignores_the_0x_extras() {
            ExpectationSuite suite = SuiteFiles.read(resource("gx0-taxi.json"));

            assertThat(suite.name()).isEqualTo("taxi.demo");
            assertThat(suite.meta()).containsOnlyKeys("citations", "great_expectations_version");
            assertThat(suite.expectations())
                    .containsExactly(
                            new TableColumnsMatchOrderedList(List.of(
                                    "vendor_id",
                                    "pickup_datetime",
                                    "dropoff_datetime",
                                    "passenger_count",
                                    "trip_distance",
                                    "rate_code_id",
                                    "store_and_fwd_flag",
                                    "fare_amount")),
                            new ColumnValuesNotNull("passenger_count", DEFAULT.withMostly(0.95)),
                            new ColumnMeanBetween(
                                    "fare_amount",
                                    Range.between(5.5, 30.0),
                                    DEFAULT.withMeta(Map.of(
                                            "profiler_details",
                                            Map.of(
                                                    "metric_configuration",
                                                    Map.of(
                                                            "metric_name",
                                                            "column.mean",
                                                            "domain_kwargs",
                                                            Map.of("column", "fare_amount")),
                                                    "num_batches",
                                                    2L)))),
                            new ColumnDistinctValuesMatchSet(
                                    "rate_code_id", List.of(1L, 2L, 3L, 4L, 5L, 6L, 99L), SetRelation.IN_SET, DEFAULT),
                            new ColumnValuesUnique("trip_id", DEFAULT.withResultFormat(ResultFormat.COMPLETE)),
                            new ColumnValueLengthsEqual("store_and_fwd_flag", 1L));
        }

        @Test
        void reads_a_yaml_0x_suite() {
            ExpectationSuite suite = SuiteFiles.read(resource("gx0-orders.yml"));

            assertThat(suite.name()).isEqualTo("orders.legacy");
            assertThat(suite.meta()).isEqualTo(Map.of("great_expectations_version", "0.13.49"));
            assertThat(suite.expectations())
                    .containsExactly(
                            new TableRowCountEqual(1500L),
                            new ColumnValuesOfType("amount", "float64"),
                            new ColumnStdevBetween(
                                    "amount",
                                    Range.between(0L, 250.5),
                                    DEFAULT.withResultFormat(ResultFormat.BOOLEAN_ONLY)));
        }
    }

    @Nested
    class File_errors {
        @Test
        void a_missing_file_is_named() {
            Path file = Path.of("suites/none.json");

            assertThatThrownBy(() -> SuiteFiles.read(file))
                    .isInstanceOf(SourceUnavailableException.class)
                    .hasMessage("suites/none.json: cannot read the suite file: no such file");
        }

        @Test
        void an_unknown_extension_is_refused() {
            assertThatThrownBy(() -> SuiteFiles.read(Path.of("suites/trips.txt")))
                    .isInstanceOf(SuiteFormatException.class)
                    .hasMessage("suites/trips.txt: unknown suite file extension; use .json, .yaml or .yml");
        }

        @Test
        void text_that_is_not_utf8_is_refused(@TempDir Path dir) throws IOException {
            Path file = dir.resolve("latin1.yaml");
            Files.write(file, "name: caf\u00e9\nexpectations: []\n".getBytes(StandardCharsets.ISO_8859_1));

            assertThatThrownBy(() -> SuiteFiles.read(file))
                    .isInstanceOf(SuiteFormatException.class)
                    .hasMessage(file + ": the file is not UTF-8 text");
        }

        @Test
        void a_byte_order_mark_is_skipped(@TempDir Path dir) throws IOException {
            Path file = dir.resolve("bom.json");
            Files.writeString(file, "\uFEFF{\"name\": \"s\", \"expectations\": []}");

            assertThat(SuiteFiles.read(file).name()).isEqualTo("s");
        }
    }
}
