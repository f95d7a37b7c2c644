package dev.assay.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.parquet.ParquetFiles;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.parquet.example.data.Group;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateMojoTest {
    private static final String TRIPS_SUITE =
            """
            {"name": "trips", "expectations": [
              {"type": "expect_column_values_to_not_be_null", "kwargs": {"column": "trip_id"}},
              {"type": "expect_column_values_to_be_between",
               "kwargs": {"column": "fare", "min_value": 0, "max_value": 100}},
              {"type": "expect_table_row_count_to_be_between",
               "kwargs": {"min_value": {"$PARAMETER": "min_rows"}, "max_value": 1000}}
            ]}
            """;
    private static final String GOOD_TRIPS = "trip_id,fare\n1,12.5\n2,30\n3,7.25\n";
    private static final String BAD_TRIPS = "trip_id,fare\n1,12.5\n,30\n3,-4\n4,250\n";

    @TempDir
    Path dir;

    private final RecordingLog log = new RecordingLog();

    private ValidateMojo mojo() {
        ValidateMojo mojo = new ValidateMojo();
        mojo.setLog(log);
        mojo.basedir = dir.toFile();
        mojo.buildDirectory = dir.resolve("target").toFile();
        mojo.project = dir.resolve("src/assay").toFile();
        mojo.failOnError = true;
        mojo.environment = Map.of();
        return mojo;
    }

    private Path write(String path, String text) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private Path report(String name) {
        return dir.resolve("target/assay-reports/TEST-assay-" + name + ".xml");
    }

    @Nested
    class A_suite_against_files {
        private ValidateMojo mojo;

        @BeforeEach
        void suite() throws IOException {
            mojo = mojo();
            mojo.suite = write("src/assay/trips.json", TRIPS_SUITE).toFile();
            mojo.parameters = Map.of("min_rows", "2");
        }

        @Test
        void passes_logs_the_summary_and_writes_a_junit_report() throws Exception {
            write("data/trips.csv", GOOD_TRIPS);
            mojo.data = "data/trips.csv";

            mojo.execute();

            assertThat(log.lines("info")).anyMatch(l -> l.startsWith("Suite trips on ") && l.contains("PASSED"));
            assertThat(log.lines("info")).contains("  ✓ expect_column_values_to_not_be_null  trip_id");
            assertThat(log.lines("warn")).isEmpty();
            String xml = Files.readString(report("trips"));
            assertThat(xml).contains("<testsuites name=\"assay trips\" tests=\"3\" failures=\"0\" errors=\"0\"");
            assertThat(xml).contains("name=\"expect_column_values_to_be_between(fare)\"");
        }

        @Test
        void a_breach_fails_the_build_listing_each_failed_expectation() throws Exception {
            write("data/trips.csv", BAD_TRIPS);
            mojo.data = "data/trips.csv";

            assertThatThrownBy(mojo::execute)
                    .isInstanceOf(MojoFailureException.class)
                    .hasMessage("Assay: the data of suite trips breached its expectations. 2 expectations did not"
                            + " hold:\n\nSuite trips on trips.csv: 2 of 3 failed\n"
                            + "  ✗ expect_column_values_to_not_be_null  trip_id\n"
                            + "      1 of 4 values (25%) are null\n"
                            + "      samples: null (row 1)\n"
                            + "  ✗ expect_column_values_to_be_between  fare\n"
                            + "      2 of 4 values (50%) are outside [0, 100]\n"
                            + "      samples: -4.0 (row 2), 250.0 (row 3)\n\n"
                            + "Report: " + report("trips"));
            assertThat(log.lines("warn")).anyMatch(l -> l.contains("FAILED"));
            String xml = Files.readString(report("trips"));
            assertThat(xml).contains("tests=\"3\" failures=\"2\" errors=\"0\"");
        }

        @Test
        void in_ascii_the_marks_are_words() throws Exception {
            write("data/trips.csv", BAD_TRIPS);
            mojo.data = "data/trips.csv";
            mojo.ascii = true;

            assertThatThrownBy(mojo::execute)
                    .isInstanceOf(MojoFailureException.class)
                    .hasMessageContaining("\n  FAIL  expect_column_values_to_not_be_null  trip_id\n");
            assertThat(log.lines("warn")).contains("  FAIL  expect_column_values_to_be_between  fare");
        }

        @Test
        void without_fail_on_error_a_breach_is_a_warning_and_the_build_goes_on() throws Exception {
            write("data/trips.csv", BAD_TRIPS);
            mojo.data = "data/trips.csv";
            mojo.failOnError = false;

            mojo.execute();

            assertThat(log.lines("warn"))
                    .anyMatch(l -> l.startsWith("Assay: the data of suite trips breached its expectations."))
                    .contains("The build goes on: <failOnError> is false");
            assertThat(report("trips")).exists();
        }

        @Test
        void suite_parameters_are_read_as_yaml_values() throws Exception {
            write("data/trips.csv", GOOD_TRIPS);
            mojo.data = "data/trips.csv";
            mojo.parameters = Map.of("min_rows", "4");

            assertThatThrownBy(mojo::execute)
                    .isInstanceOf(MojoFailureException.class)
                    .hasMessageContaining("expect_table_row_count_to_be_between");
        }

        @Test
        void a_glob_validates_the_matching_files_as_one_batch() throws Exception {
            write("data/trips-1.csv", GOOD_TRIPS);
            write("data/trips-2.csv", BAD_TRIPS);
            write("data/other.csv", "x\n1\n");
            mojo.data = "data/trips-*.csv";

            assertThatThrownBy(mojo::execute)
                    .isInstanceOf(MojoFailureException.class)
                    .hasMessageContaining("Suite trips on data/trips-*.csv: 2 of 3 failed")
                    .hasMessageContaining("2 of 7 values (28.57%) are outside [0, 100]");
        }

        @Test
        void a_folder_of_parquet_files_is_read_by_extension() throws Exception {
            ParquetFiles writer =
                    ParquetFiles.schema("message trips { optional int64 trip_id; required double fare; }");
            List<Group> rows = new ArrayList<>();
            for (long i = 1; i <= 3; i++) {
                Group row = writer.row();
                row.add("trip_id", i);
                row.add("fare", i == 3 ? 300.0 : i * 10.0);
                rows.add(row);
            }
            Files.createDirectories(dir.resolve("lake"));
            writer.write(dir.resolve("lake/part-0.parquet"), rows);
            mojo.data = "lake/";

            assertThatThrownBy(mojo::execute)
                    .isInstanceOf(MojoFailureException.class)
                    .hasMessageContaining("Suite trips on lake: 1 of 3 failed\n"
                            + "  ✗ expect_column_values_to_be_between  fare\n"
                            + "      1 of 3 values (33.33%) are outside [0, 100]\n"
                            + "      samples: 300.0 (row 2)");
        }

        @Test
        void an_absolute_path_is_used_as_given() throws Exception {
            Path file = write("elsewhere/trips.csv", GOOD_TRIPS);
            mojo.data = file.toString();
            mojo.basedir = dir.resolve("module").toFile();

            mojo.execute();

            assertThat(log.lines("info")).anyMatch(l -> l.contains("PASSED"));
        }

        @Test
        void the_report_goes_where_junit_xml_says() throws Exception {
            write("data/trips.csv", GOOD_TRIPS);
            mojo.data = "data/trips.csv";
            mojo.junitXml = dir.resolve("reports/ci/assay.xml").toFile();

            mojo.execute();

            assertThat(dir.resolve("reports/ci/assay.xml")).exists();
            assertThat(report("trips")).doesNotExist();
            assertThat(log.lines("info")).contains("JUnit XML report: " + dir.resolve("reports/ci/assay.xml"));
        }

        @Test
        void a_result_format_of_boolean_only_keeps_no_samples() throws Exception {
            write("data/trips.csv", BAD_TRIPS);
            mojo.data = "data/trips.csv";
            mojo.resultFormat = "boolean_only";

            assertThatThrownBy(mojo::execute)
                    .isInstanceOf(MojoFailureException.class)
                    .message()
                    .doesNotContain("samples:");
        }

        @Test
        void skip_does_nothing() throws Exception {
            mojo.data = "data/missing.csv";
            mojo.skip = true;

            mojo.execute();

            assertThat(log.lines("info")).containsExactly("Skipping Assay (assay.skip)");
            assertThat(dir.resolve("target")).doesNotExist();
        }
    }

    @Nested
    class Errors_in_configuration_or_data {
        private ValidateMojo mojo;

        @BeforeEach
        void suite() throws IOException {
            mojo = mojo();
            mojo.suite = write("src/assay/trips.json", TRIPS_SUITE).toFile();
            mojo.parameters = Map.of("min_rows", "2");
        }

        @Test
        void a_missing_file_is_named() {
            mojo.data = "data/missing.csv";

            assertThatThrownBy(mojo::execute)
                    .isInstanceOf(MojoExecutionException.class)
                    .hasMessage(
                            "Assay: file not found: data/missing.csv (" + dir + File.separator + "data/missing.csv)");
            assertThat(dir.resolve("target")).doesNotExist();
        }

        @Test
        void a_missing_suite_file_is_named() {
            mojo.suite = dir.resolve("src/assay/nope.json").toFile();
            mojo.data = "data/trips.csv";

            assertThatThrownBy(mojo::execute)
                    .isInstanceOf(MojoExecutionException.class)
                    .hasMessageStartingWith("Assay: ")
                    .hasMessageContaining("nope.json");
        }

        @Test
        void a_suite_parameter_without_a_value_is_named() throws IOException {
            write("data/trips.csv", GOOD_TRIPS);
            mojo.data = "data/trips.csv";
            mojo.parameters = null;

            assertThatThrownBy(mojo::execute)
                    .isInstanceOf(MojoExecutionException.class)
                    .hasMessageContaining("min_rows");
        }

        @Test
        void suite_and_checkpoint_together_are_refused() {
            mojo.data = "data/trips.csv";
            mojo.checkpoint = "nightly";

            assertThatThrownBy(mojo::execute)
                    .isInstanceOf(MojoExecutionException.class)
                    .hasMessage("Assay: set either <suite> (with <data>) or <checkpoint>, not both; got suite "
                            + mojo.suite + " and checkpoint 'nightly'");
        }

        @Test
        void neither_suite_nor_checkpoint_says_what_to_set() {
            mojo.suite = null;

            assertThatThrownBy(mojo::execute)
                    .isInstanceOf(MojoExecutionException.class)
                    .hasMessage("Assay: nothing to validate: set <suite> and <data> to validate data against a"
                            + " suite, or <checkpoint> to run a checkpoint of the project in " + mojo.project);
        }

        @Test
        void a_suite_without_data_is_refused() {
            assertThatThrownBy(mojo::execute)
                    .isInstanceOf(MojoExecutionException.class)
                    .hasMessage("Assay: <suite> " + mojo.suite
                            + " needs <data>: the file, folder, glob or jdbc: URL to validate");
        }

        @Test
        void an_unknown_result_format_is_named() throws IOException {
            write("data/trips.csv", GOOD_TRIPS);
            mojo.data = "data/trips.csv";
            mojo.resultFormat = "FULL";

            assertThatThrownBy(mojo::execute)
                    .isInstanceOf(MojoExecutionException.class)
                    .hasMessage("Assay: <resultFormat> must be BOOLEAN_ONLY, BASIC, SUMMARY or COMPLETE, got 'FULL'");
        }

        @Test
        void a_malformed_now_is_named() throws IOException {
            write("data/trips.csv", GOOD_TRIPS);
            mojo.data = "data/trips.csv";
            mojo.now = "yesterday";

            assertThatThrownBy(mojo::execute)
                    .isInstanceOf(MojoExecutionException.class)
                    .hasMessage("Assay: <now> must be an ISO-8601 instant such as 2024-05-01T00:00:00Z, got"
                            + " 'yesterday'");
        }

        @Test
        void an_unknown_input_format_is_named() throws IOException {
            write("data/trips.txt", GOOD_TRIPS);
            mojo.data = "data/trips.txt";
            mojo.inputFormat = "orc";

            assertThatThrownBy(mojo::execute)
                    .isInstanceOf(MojoExecutionException.class)
                    .hasMessage("Assay: <inputFormat> must be one of [csv, parquet], got 'orc'");
        }

        @Test
        void jdbc_settings_on_files_are_refused() throws IOException {
            write("data/trips.csv", GOOD_TRIPS);
            mojo.data = "data/trips.csv";
            mojo.table = "trips";

            assertThatThrownBy(mojo::execute)
                    .isInstanceOf(MojoExecutionException.class)
                    .hasMessage("Assay: <table>, <query> and <user> apply to jdbc: data only, not to"
                            + " 'data/trips.csv'");
        }

        @Test
        void a_malformed_parameter_is_named() throws IOException {
            write("data/trips.csv", GOOD_TRIPS);
            mojo.data = "data/trips.csv";
            mojo.parameters = Map.of("min_rows", "[1, 2");

            assertThatThrownBy(mojo::execute)
                    .isInstanceOf(MojoExecutionException.class)
                    .hasMessageStartingWith("Assay: <parameters><min_rows> is not a YAML value: '[1, 2'");
        }
    }

    @Nested
    class A_suite_against_a_database {
        private static final String URL = "jdbc:h2:mem:maven_plugin_trips;DB_CLOSE_DELAY=-1";
        private ValidateMojo mojo;

        @BeforeEach
        void database() throws Exception {
            try (Connection c = DriverManager.getConnection(URL);
                    Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS trips");
                s.execute("CREATE TABLE trips (\"trip_id\" INT, \"fare\" DOUBLE PRECISION)");
                s.execute("INSERT INTO trips VALUES (1, 12.5), (2, 30), (3, 250)");
            }
            mojo = mojo();
            mojo.suite = write("src/assay/trips.json", TRIPS_SUITE).toFile();
            mojo.parameters = Map.of("min_rows", "2");
            mojo.data = URL;
        }

        @Test
        void a_table_is_validated_in_the_database() {
            mojo.table = "TRIPS";

            assertThatThrownBy(mojo::execute)
                    .isInstanceOf(MojoFailureException.class)
                    .hasMessageContaining("1 expectation did not hold")
                    .hasMessageContaining("1 of 3 values (33.33%) are outside [0, 100]");
        }

        @Test
        void a_query_is_validated_in_the_database() throws Exception {
            mojo.query = "SELECT * FROM trips WHERE \"fare\" < 100";

            mojo.execute();

            assertThat(log.lines("info")).anyMatch(l -> l.contains("PASSED"));
        }

        @Test
        void table_and_query_together_are_refused() {
            mojo.table = "TRIPS";
            mojo.query = "SELECT 1";

            assertThatThrownBy(mojo::execute)
                    .isInstanceOf(MojoExecutionException.class)
                    .hasMessage("Assay: <table> and <query> cannot be combined: give one");
        }

        @Test
        void a_password_needs_a_user() {
            mojo.table = "TRIPS";
            mojo.environment = Map.of("ASSAY_JDBC_PASSWORD", "secret");

            assertThatThrownBy(mojo::execute)
                    .isInstanceOf(MojoExecutionException.class)
                    .hasMessage("Assay: ASSAY_JDBC_PASSWORD is set: give the user with <user>");
        }

        @Test
        void a_url_without_a_driver_says_how_to_add_one() {
            mojo.data = "jdbc:nosuchdb://127.0.0.1/x";
            mojo.table = "trips";

            assertThatThrownBy(mojo::execute)
                    .isInstanceOf(MojoExecutionException.class)
                    .hasMessageContaining("No JDBC driver for ")
                    .hasMessageEndingWith("add the driver to the assay-maven-plugin's <dependencies> in the POM");
        }

        @Test
        void an_unknown_table_is_named() throws SQLException {
            mojo.table = "NO_SUCH_TABLE";

            assertThatThrownBy(mojo::execute)
                    .isInstanceOf(MojoExecutionException.class)
                    .hasMessageContaining("NO_SUCH_TABLE");
        }
    }

    @Nested
    class A_checkpoint {
        private ValidateMojo mojo;

        @BeforeEach
        void project() throws IOException {
            write(
                    "src/assay/assay.yml",
                    """
                    name: shop
                    sources:
                      local:
                        type: files
                        location: ../../data/
                    """);
            write("src/assay/suites/trips.json", TRIPS_SUITE);
            write(
                    "src/assay/checkpoints/nightly.yml",
                    """
                    parameters: {min_rows: 2}
                    validations:
                      - source: local
                        asset: trips
                        pattern: trips.csv
                        suite: trips
                    """);
            mojo = mojo();
            mojo.checkpoint = "nightly";
        }

        @Test
        void passes_stores_its_results_and_writes_a_junit_report() throws Exception {
            write("data/trips.csv", GOOD_TRIPS);

            mojo.execute();

            assertThat(log.lines("info"))
                    .anyMatch(l -> l.startsWith("Checkpoint nightly (run "))
                    .anyMatch(l -> l.startsWith("Suite trips on ") && l.contains("PASSED"))
                    .anyMatch(l -> l.startsWith("  ✓ store_validation_result: stored 1 result in "));
            assertThat(dir.resolve("src/assay/results/validations/trips")).isDirectory();
            String xml = Files.readString(report("nightly"));
            assertThat(xml)
                    .contains("<testsuites name=\"assay nightly\" tests=\"3\" failures=\"0\"")
                    .contains("<property name=\"checkpoint\" value=\"nightly\"/>")
                    .contains("<property name=\"asset\" value=\"trips\"/>");
        }

        @Test
        void its_actions_run_and_what_they_print_goes_to_the_log() throws Exception {
            write("data/trips.csv", GOOD_TRIPS);
            write(
                    "src/assay/checkpoints/nightly.yml",
                    """
                    parameters: {min_rows: 2}
                    validations:
                      - source: local
                        asset: trips
                        pattern: trips.csv
                        suite: trips
                    actions:
                      - type: update_data_docs
                    """);
            mojo.environment = Map.of();

            mojo.execute();

            assertThat(dir.resolve("src/assay/docs/index.html")).isRegularFile();
            assertThat(log.lines("info")).anyMatch(l -> l.startsWith("  ✓ update_data_docs: "));
        }

        @Test
        void a_breach_fails_the_build() throws Exception {
            write("data/trips.csv", BAD_TRIPS);

            assertThatThrownBy(mojo::execute)
                    .isInstanceOf(MojoFailureException.class)
                    .hasMessageStartingWith("Assay: the data of checkpoint nightly breached its expectations. 2"
                            + " expectations did not hold:\n\nSuite trips on ")
                    .hasMessageContaining("  ✗ expect_column_values_to_be_between  fare\n"
                            + "      2 of 4 values (50%) are outside [0, 100]\n");
            assertThat(Files.readString(report("nightly"))).contains("failures=\"2\"");
        }

        @Test
        void parameters_override_the_checkpoint_s() throws Exception {
            write("data/trips.csv", GOOD_TRIPS);
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put("min_rows", "10");
            mojo.parameters = parameters;

            assertThatThrownBy(mojo::execute)
                    .isInstanceOf(MojoFailureException.class)
                    .hasMessageContaining("expect_table_row_count_to_be_between");
        }

        @Test
        void a_validation_that_cannot_run_is_an_error_not_a_breach() {
            assertThatThrownBy(mojo::execute)
                    .isInstanceOf(MojoExecutionException.class)
                    .hasMessage("Assay: checkpoint nightly did not complete:\n"
                            + "  validations[0] (local/trips, suite trips): folder not found: " + dir.resolve("data"));
        }

        @Test
        void an_unknown_checkpoint_is_named() {
            mojo.checkpoint = "hourly";

            assertThatThrownBy(mojo::execute)
                    .isInstanceOf(MojoExecutionException.class)
                    .hasMessageStartingWith("Assay: no checkpoint 'hourly' in ");
        }

        @Test
        void a_missing_project_is_named() {
            mojo.project = dir.resolve("assay").toFile();

            assertThatThrownBy(mojo::execute)
                    .isInstanceOf(MojoExecutionException.class)
                    .hasMessageStartingWith("Assay: ")
                    .hasMessageContaining("assay.yml");
        }

        @Test
        void data_settings_are_refused() {
            mojo.data = "data/trips.csv";

            assertThatThrownBy(mojo::execute)
                    .isInstanceOf(MojoExecutionException.class)
                    .hasMessage("Assay: <data>, <inputFormat>, <table>, <query> and <user> go with <suite>;"
                            + " checkpoint 'nightly' names its data in its own file");
        }

        @Test
        void a_result_format_is_refused() {
            mojo.resultFormat = "COMPLETE";

            assertThatThrownBy(mojo::execute)
                    .isInstanceOf(MojoExecutionException.class)
                    .hasMessage("Assay: <resultFormat> goes with <suite>; a checkpoint's result format is"
                            + " defaults.result_format in assay.yml or result_format in the checkpoint");
        }
    }

    @Test
    void file_names_keep_only_portable_characters() {
        assertThat(ValidateMojo.fileName("orders v2/daily:é")).isEqualTo("orders_v2_daily__");
    }
}
