package dev.assay.cli;

import static dev.assay.cli.CliRun.run;
import static dev.assay.cli.CliRun.validate;
import static dev.assay.cli.CliRun.validateWith;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.cli.CliRun.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
    private static final Path EXAMPLES = Path.of("..", "examples", "project");
    private static final String DATA = EXAMPLES.resolve("data/trips.csv").toString();

    @TempDir
    Path dir;

    @Nested
    class Exit_codes {
        @Test
        void zero_when_every_expectation_passes() {
            Result r = run(validate(EXAMPLES.resolve("suites/trips.json").toString(), DATA, "--ascii"));

            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).startsWith("Suite trips on trips.csv: PASSED");
        }

        @Test
        void one_when_an_expectation_fails() {
            Result r = run(validate(EXAMPLES.resolve("suites/trips-strict.yaml").toString(), DATA));

            assertThat(r.code()).isEqualTo(1);
            assertThat(r.out()).contains("1 of 199 non-null values (0.5%) are outside [0, 6]");
        }

        @Test
        void two_for_a_missing_data_file() {
            Result r = run(validate(EXAMPLES.resolve("suites/trips.json").toString(), "nope.csv"));

            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).isEqualTo("assay: file not found: nope.csv" + System.lineSeparator());
        }

        @Test
        void two_for_a_misspelt_kwarg_naming_the_nearest_key() throws IOException {
            Path suite = dir.resolve("bad.json");
            Files.writeString(
                    suite,
                    "{\"name\": \"bad\", \"expectations\": [{\"type\": \"expect_column_values_to_be_between\","
                            + " \"kwargs\": {\"column\": \"fare_amount\", \"max_vale\": 5}}]}");

            Result r = run(validate(suite.toString(), DATA));

            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).contains("unknown kwarg 'max_vale'").contains("did you mean 'max_value'?");
        }

        @Test
        void two_for_a_bad_option() {
            Result r = run(validate("s.json", DATA, "--format", "xml"));

            assertThat(r.code()).isEqualTo(2);
        }

        @Test
        void two_for_malformed_data_naming_file_line_and_column() throws IOException {
            Path csv = dir.resolve("bad.csv");
            Files.writeString(csv, "a,b\n1,2\n3\n");
            Path suite = dir.resolve("s.json");
            Files.writeString(
                    suite,
                    "{\"name\": \"s\", \"expectations\": [{\"type\": \"expect_column_values_to_not_be_null\","
                            + " \"kwargs\": {\"column\": \"a\"}}]}");

            Result r = run(validate(suite.toString(), csv.toString()));

            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).contains("bad.csv:3");
        }
    }

    @Test
    void json_output_is_the_gx_result_shape() throws IOException {
        Result r = run(validate(EXAMPLES.resolve("suites/trips-strict.yaml").toString(), DATA, "--format", "json"));

        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("success").asBoolean()).isFalse();
        assertThat(json.get("statistics").get("evaluated_expectations").asInt()).isEqualTo(5);
        JsonNode between = json.get("results").get(1);
        assertThat(between.get("expectation_config").get("type").asText())
                .isEqualTo("expect_column_values_to_be_between");
        assertThat(between.get("result").get("unexpected_count").asLong()).isEqualTo(1);
        assertThat(between.get("result").get("partial_unexpected_list").get(0).asLong())
                .isEqualTo(9);
    }

    @Test
    void bad_rows_can_be_counted_instead_of_failing() throws IOException {
        Path csv = dir.resolve("ragged.csv");
        Files.writeString(csv, "a,b\n1,2\n3,x\n4,5\n");
        Path suite = dir.resolve("s.json");
        Files.writeString(
                suite,
                "{\"name\": \"s\", \"expectations\": [{\"type\": \"expect_column_values_to_not_be_null\","
                        + " \"kwargs\": {\"column\": \"b\"}}]}");

        Result failing = run(validate(suite.toString(), csv.toString(), "--infer-rows", "1"));
        Result counted = run(validate(
                suite.toString(), csv.toString(), "--infer-rows", "1", "--bad-rows", "report", "--format", "json"));

        assertThat(failing.code()).isEqualTo(2);
        assertThat(failing.err()).contains("ragged.csv:3").contains("'x'");
        assertThat(counted.code()).as(counted.err()).isEqualTo(1);
        assertThat(counted.out()).contains("\"unexpected_count\": 1,");
    }

    @Nested
    class Assets {
        private String suite(int rows) throws IOException {
            Path suite = dir.resolve("rows.json");
            Files.writeString(
                    suite,
                    "{\"name\": \"rows\", \"expectations\": [{\"type\": \"expect_table_row_count_to_be_between\","
                            + " \"kwargs\": {\"min_value\": " + rows + ", \"max_value\": " + rows + "}}]}");
            return suite.toString();
        }

        private String data() throws IOException {
            write("trips/year=2024/month=9/part-0.csv", "id\n1\n2\n");
            write("trips/year=2024/month=9/part-1.csv", "id\n3\n");
            write("trips/year=2024/month=10/part-0.csv", "id\n4\n");
            write("trips/year=2023/month=12/part-0.csv", "id\n5\n6\n7\n8\n");
            return dir.resolve("data").toString();
        }

        private void write(String path, String text) throws IOException {
            Path file = dir.resolve("data").resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        }

        private static final String PATTERN = "trips/year={year}/month={month}/*.csv";

        /** Validates {@code data} as the asset of {@link #PATTERN}, with {@code more} options. */
        private Result onAsset(String suite, String data, String... more) {
            return run(validateWith(suite, data, "--asset", PATTERN, more));
        }

        @Test
        void batch_selects_by_group_values_and_reads_every_file_of_the_batch() throws IOException {
            Result r = onAsset(suite(3), data(), "--batch", "year=2024", "--batch", "month=9", "--ascii");

            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).startsWith("Suite rows on trips [year=2024, month=9]: PASSED");
        }

        @Test
        void batch_takes_a_range() throws IOException {
            Result r = onAsset(suite(4), data(), "--batch", "month=9..10");

            assertThat(r.code()).as(r.err()).isZero();
        }

        @Test
        void latest_takes_the_greatest_group_values_and_records_the_identity() throws IOException {
            Result r = onAsset(suite(1), data(), "--latest", "--format", "json");

            assertThat(r.code()).as(r.err()).isZero();
            JsonNode identity = new ObjectMapper().readTree(r.out()).get("meta").get("batch_identity");
            assertThat(identity.toString())
                    .isEqualTo("{\"asset\":\"trips\",\"request\":\"{year=2024, month=10}\","
                            + "\"files\":[\"trips/year=2024/month=10/part-0.csv\"],"
                            + "\"groups\":{\"year\":\"2024\",\"month\":\"10\"}}");
        }

        @Test
        void without_batch_or_latest_every_file_is_one_batch() throws IOException {
            Result r = onAsset(suite(8), data());

            assertThat(r.code()).as(r.err()).isZero();
        }

        @Test
        void two_when_no_file_matches() throws IOException {
            String data = data();
            Result r = onAsset(suite(1), data, "--batch", "year=2022");

            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err())
                    .isEqualTo("assay: no files of asset 'trips' match batch request {year=2022} (pattern '" + PATTERN
                            + "' in " + data + "); available batches: {year=2023, month=12},"
                            + " {year=2024, month=9}, {year=2024, month=10}" + System.lineSeparator());
        }

        @Test
        void two_for_an_unknown_group() throws IOException {
            Result r = onAsset(suite(1), data(), "--batch", "yaer=2024");

            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err())
                    .isEqualTo("assay: asset 'trips' has no group 'yaer' (groups: [year, month]); did you mean 'year'?"
                            + System.lineSeparator());
        }

        @Test
        void two_for_a_batch_without_an_equals_sign() throws IOException {
            Result r = onAsset(suite(1), data(), "--batch", "2024");

            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).startsWith("--batch must be GROUP=VALUE or GROUP=FROM..TO, got '2024'");
        }

        @Test
        void two_for_latest_with_batch() throws IOException {
            Result r = onAsset(suite(1), data(), "--latest", "--batch", "year=2024");

            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).startsWith("--latest cannot be combined with --batch");
        }

        @Test
        void two_for_latest_without_asset() throws IOException {
            Result r = run(validate(suite(1), data(), "--latest"));

            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).startsWith("--batch and --latest need --asset");
        }

        @Test
        void a_folder_without_asset_is_one_batch_of_every_file_of_a_known_format() throws IOException {
            String data = data();
            write("trips/_SUCCESS", "");
            write("trips/README.md", "not data");

            Result r = run(validate(suite(8), data + "/trips", "--ascii"));

            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).startsWith("Suite rows on trips: PASSED");
        }

        @Test
        void a_glob_over_folders_is_one_batch() throws IOException {
            String data = data();

            Result r = run(validate(suite(4), data + "/trips/year=2024/*/*.csv", "--ascii"));

            assertThat(r.code()).as(r.err()).isZero();
        }

        @Test
        void two_for_store_options_on_local_data() throws IOException {
            Result r = run(validate(suite(1), data(), "--region", "eu-west-1"));

            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err())
                    .startsWith("--s3-endpoint, --s3-path-style, --profile and --region apply to s3:// data only");
        }

        @Test
        void two_for_an_unknown_input_format() throws IOException {
            Result r = run(validate(suite(1), data(), "--input-format", "orc"));

            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).startsWith("assay: --input-format must be one of [");
        }

        @Test
        void two_for_csv_options_with_another_input_format() throws IOException {
            Result r = run(validate(suite(1), data(), "--input-format", "parquet", "--delimiter", ";"));

            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err())
                    .startsWith(
                            "--delimiter, --quote, --escape, --no-header, --null and --infer-rows apply to CSV only,"
                                    + " not to --input-format parquet");
        }

        @Test
        void two_for_a_missing_folder() throws IOException {
            Result r = onAsset(suite(1), "nope", "--latest");

            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).isEqualTo("assay: folder not found: nope" + System.lineSeparator());
        }
    }

    @Test
    void a_junit_xml_report_has_a_test_case_per_expectation() throws IOException {
        Path report = dir.resolve("reports/TEST-trips.xml");
        Result r = run(validate(
                EXAMPLES.resolve("suites/trips-strict.yaml").toString(),
                DATA,
                "--ascii",
                "--junit-xml",
                report.toString()));

        assertThat(r.code()).as(r.err()).isEqualTo(1);
        String xml = Files.readString(report);
        assertThat(xml)
                .contains("<testsuite name=\"trips-strict")
                .contains("tests=\"5\"")
                .contains("failures=\"4\"")
                .contains(
                        "<testcase classname=\"trips-strict\" name=\"expect_column_values_to_not_be_null(passenger_count)\"");
    }
}
