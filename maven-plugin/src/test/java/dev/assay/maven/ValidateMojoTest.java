package dev.assay.maven;

import static dev.assay.maven.MojoFixture.assertBuildFailure;
import static dev.assay.maven.MojoFixture.assertExecutionError;
import static dev.assay.maven.Trips.BAD_TRIPS;
import static dev.assay.maven.Trips.GOOD_TRIPS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.parquet.ParquetFiles;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.parquet.example.data.Group;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The validate goal with a suite and file data; see also ValidateMojoDatabaseTest and ValidateMojoCheckpointTest. */
class ValidateMojoTest {
    @TempDir
    Path dir;

    private MojoFixture module;
    private RecordingLog log;
    private ValidateMojo mojo;

    @BeforeEach
    void suite() throws IOException {
        module = new MojoFixture(dir);
        log = module.log;
        mojo = Trips.suiteMojo(module);
    }

    /** Writes {@code csv} to {@code data/trips.csv} and makes that file the goal's data. */
    private void data(String csv) throws IOException {
        module.write("data/trips.csv", csv);
        mojo.data = "data/trips.csv";
    }

    @Nested
    class A_suite_against_files {
        @Test
        void passes_logs_the_summary_and_writes_a_junit_report() throws Exception {
            data(GOOD_TRIPS);

            mojo.execute();

            assertThat(log.lines("info")).anyMatch(l -> l.startsWith("Suite trips on ") && l.contains("PASSED"));
            assertThat(log.lines("info")).contains("  ✓ expect_column_values_to_not_be_null  trip_id");
            assertThat(log.lines("warn")).isEmpty();
            String xml = Files.readString(module.report("trips"));
            assertThat(xml).contains("<testsuites name=\"assay trips\" tests=\"3\" failures=\"0\" errors=\"0\"");
            assertThat(xml).contains("name=\"expect_column_values_to_be_between(fare)\"");
        }

        @Test
        void a_breach_fails_the_build_listing_each_failed_expectation() throws Exception {
            data(BAD_TRIPS);

            assertBuildFailure(mojo)
                    .hasMessage("Assay: the data of suite trips breached its expectations. 2 expectations did not"
                            + " hold:\n\nSuite trips on trips.csv: 2 of 3 failed\n"
                            + "  ✗ expect_column_values_to_not_be_null  trip_id\n"
                            + "      1 of 4 values (25%) are null\n"
                            + "      samples: null (row 1)\n"
                            + "  ✗ expect_column_values_to_be_between  fare\n"
                            + "      2 of 4 values (50%) are outside [0, 100]\n"
                            + "      samples: -4.0 (row 2), 250.0 (row 3)\n\n"
                            + "Report: " + module.report("trips"));
            assertThat(log.lines("warn")).anyMatch(l -> l.contains("FAILED"));
            String xml = Files.readString(module.report("trips"));
            assertThat(xml).contains("tests=\"3\" failures=\"2\" errors=\"0\"");
        }

        @Test
        void in_ascii_the_marks_are_words() throws Exception {
            data(BAD_TRIPS);
            mojo.ascii = true;

            assertBuildFailure(mojo).hasMessageContaining("\n  FAIL  expect_column_values_to_not_be_null  trip_id\n");
            assertThat(log.lines("warn")).contains("  FAIL  expect_column_values_to_be_between  fare");
        }

        @Test
        void without_fail_on_error_a_breach_is_a_warning_and_the_build_goes_on() throws Exception {
            data(BAD_TRIPS);
            mojo.failOnError = false;

            mojo.execute();

            assertThat(log.lines("warn"))
                    .anyMatch(l -> l.startsWith("Assay: the data of suite trips breached its expectations."))
                    .contains("The build goes on: <failOnError> is false");
            assertThat(module.report("trips")).exists();
        }

        @Test
        void suite_parameters_are_read_as_yaml_values() throws Exception {
            data(GOOD_TRIPS);
            mojo.parameters = Map.of("min_rows", "4");

            assertBuildFailure(mojo).hasMessageContaining("expect_table_row_count_to_be_between");
        }

        @Test
        void a_glob_validates_the_matching_files_as_one_batch() throws Exception {
            module.write("data/trips-1.csv", GOOD_TRIPS);
            module.write("data/trips-2.csv", BAD_TRIPS);
            module.write("data/other.csv", "x\n1\n");
            mojo.data = "data/trips-*.csv";

            assertBuildFailure(mojo)
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

            assertBuildFailure(mojo)
                    .hasMessageContaining("Suite trips on lake: 1 of 3 failed\n"
                            + "  ✗ expect_column_values_to_be_between  fare\n"
                            + "      1 of 3 values (33.33%) are outside [0, 100]\n"
                            + "      samples: 300.0 (row 2)");
        }

        @Test
        void an_absolute_path_is_used_as_given() throws Exception {
            Path file = module.write("elsewhere/trips.csv", GOOD_TRIPS);
            mojo.data = file.toString();
            mojo.basedir = dir.resolve("module").toFile();

            mojo.execute();

            assertThat(log.lines("info")).anyMatch(l -> l.contains("PASSED"));
        }

        @Test
        void the_report_goes_where_junit_xml_says() throws Exception {
            data(GOOD_TRIPS);
            mojo.junitXml = dir.resolve("reports/ci/assay.xml").toFile();

            mojo.execute();

            assertThat(dir.resolve("reports/ci/assay.xml")).exists();
            assertThat(module.report("trips")).doesNotExist();
            assertThat(log.lines("info")).contains("JUnit XML report: " + dir.resolve("reports/ci/assay.xml"));
        }

        @Test
        void a_result_format_of_boolean_only_keeps_no_samples() throws Exception {
            data(BAD_TRIPS);
            mojo.resultFormat = "boolean_only";

            assertBuildFailure(mojo).message().doesNotContain("samples:");
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
        @Test
        void a_missing_file_is_named() {
            mojo.data = "data/missing.csv";

            assertExecutionError(mojo)
                    .hasMessage(
                            "Assay: file not found: data/missing.csv (" + dir + File.separator + "data/missing.csv)");
            assertThat(dir.resolve("target")).doesNotExist();
        }

        @Test
        void a_missing_suite_file_is_named() {
            mojo.suite = dir.resolve("src/assay/nope.json").toFile();
            mojo.data = "data/trips.csv";

            assertExecutionError(mojo).hasMessageStartingWith("Assay: ").hasMessageContaining("nope.json");
        }

        @Test
        void a_suite_parameter_without_a_value_is_named() throws IOException {
            data(GOOD_TRIPS);
            mojo.parameters = null;

            assertExecutionError(mojo).hasMessageContaining("min_rows");
        }

        @Test
        void suite_and_checkpoint_together_are_refused() {
            mojo.data = "data/trips.csv";
            mojo.checkpoint = "nightly";

            assertExecutionError(mojo)
                    .hasMessage("Assay: set either <suite> (with <data>) or <checkpoint>, not both; got suite "
                            + mojo.suite + " and checkpoint 'nightly'");
        }

        @Test
        void neither_suite_nor_checkpoint_says_what_to_set() {
            mojo.suite = null;

            assertExecutionError(mojo)
                    .hasMessage("Assay: nothing to validate: set <suite> and <data> to validate data against a"
                            + " suite, or <checkpoint> to run a checkpoint of the project in " + mojo.project);
        }

        @Test
        void a_suite_without_data_is_refused() {
            assertExecutionError(mojo)
                    .hasMessage("Assay: <suite> " + mojo.suite
                            + " needs <data>: the file, folder, glob or jdbc: URL to validate");
        }

        @Test
        void an_unknown_result_format_is_named() throws IOException {
            data(GOOD_TRIPS);
            mojo.resultFormat = "FULL";

            assertExecutionError(mojo)
                    .hasMessage("Assay: <resultFormat> must be BOOLEAN_ONLY, BASIC, SUMMARY or COMPLETE, got 'FULL'");
        }

        @Test
        void a_malformed_now_is_named() throws IOException {
            data(GOOD_TRIPS);
            mojo.now = "yesterday";

            assertExecutionError(mojo)
                    .hasMessage("Assay: <now> must be an ISO-8601 instant such as 2024-05-01T00:00:00Z, got"
                            + " 'yesterday'");
        }

        @Test
        void an_unknown_input_format_is_named() throws IOException {
            module.write("data/trips.txt", GOOD_TRIPS);
            mojo.data = "data/trips.txt";
            mojo.inputFormat = "orc";

            assertExecutionError(mojo).hasMessage("Assay: <inputFormat> must be one of [csv, parquet], got 'orc'");
        }

        @Test
        void jdbc_settings_on_files_are_refused() throws IOException {
            data(GOOD_TRIPS);
            mojo.table = "trips";

            assertExecutionError(mojo)
                    .hasMessage("Assay: <table>, <query> and <user> apply to jdbc: data only, not to"
                            + " 'data/trips.csv'");
        }

        @Test
        void a_malformed_parameter_is_named() throws IOException {
            data(GOOD_TRIPS);
            mojo.parameters = Map.of("min_rows", "[1, 2");

            assertExecutionError(mojo)
                    .hasMessageStartingWith("Assay: <parameters><min_rows> is not a YAML value: '[1, 2'");
        }
    }

    @Test
    void file_names_keep_only_portable_characters() {
        assertThat(ValidateMojo.fileName("orders v2/daily:é")).isEqualTo("orders_v2_daily__");
    }
}
