package dev.assay.maven;

import static dev.assay.maven.MojoFixture.assertBuildFailure;
import static dev.assay.maven.MojoFixture.assertExecutionError;
import static dev.assay.maven.Trips.BAD_TRIPS;
import static dev.assay.maven.Trips.GOOD_TRIPS;
import static dev.assay.maven.Trips.TRIPS_SUITE;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The validate goal running a checkpoint of an Assay project in {@code src/assay}. */
class ValidateMojoCheckpointTest {
    /** Checkpoint nightly: the trips suite on the project's local source, no actions. */
    private static final String NIGHTLY =
            """
            parameters: {min_rows: 2}
            validations:
              - source: local
                asset: trips
                pattern: trips.csv
                suite: trips
            """;

    @TempDir
    Path dir;

    private MojoFixture module;
    private RecordingLog log;
    private ValidateMojo mojo;

    @BeforeEach
    void project() throws IOException {
        module = new MojoFixture(dir);
        log = module.log;
        module.write(
                "src/assay/assay.yml",
                """
                name: shop
                sources:
                  local:
                    type: files
                    location: ../../data/
                """);
        module.write("src/assay/suites/trips.json", TRIPS_SUITE);
        module.write("src/assay/checkpoints/nightly.yml", NIGHTLY);
        mojo = module.validate();
        mojo.checkpoint = "nightly";
    }

    @Test
    void passes_stores_its_results_and_writes_a_junit_report() throws Exception {
        module.write("data/trips.csv", GOOD_TRIPS);

        mojo.execute();

        assertThat(log.lines("info"))
                .anyMatch(l -> l.startsWith("Checkpoint nightly (run "))
                .anyMatch(l -> l.startsWith("Suite trips on ") && l.contains("PASSED"))
                .anyMatch(l -> l.startsWith("  ✓ store_validation_result: stored 1 result in "));
        assertThat(dir.resolve("src/assay/results/validations/trips")).isDirectory();
        String xml = Files.readString(module.report("nightly"));
        assertThat(xml)
                .contains("<testsuites name=\"assay nightly\" tests=\"3\" failures=\"0\"")
                .contains("<property name=\"checkpoint\" value=\"nightly\"/>")
                .contains("<property name=\"asset\" value=\"trips\"/>");
    }

    @Test
    void its_actions_run_and_what_they_print_goes_to_the_log() throws Exception {
        module.write("data/trips.csv", GOOD_TRIPS);
        module.write(
                "src/assay/checkpoints/nightly.yml",
                NIGHTLY
                        + """
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
        module.write("data/trips.csv", BAD_TRIPS);

        assertBuildFailure(mojo)
                .hasMessageStartingWith("Assay: the data of checkpoint nightly breached its expectations. 2"
                        + " expectations did not hold:\n\nSuite trips on ")
                .hasMessageContaining("  ✗ expect_column_values_to_be_between  fare\n"
                        + "      2 of 4 values (50%) are outside [0, 100]\n");
        assertThat(Files.readString(module.report("nightly"))).contains("failures=\"2\"");
    }

    @Test
    void parameters_override_the_checkpoint_s() throws Exception {
        module.write("data/trips.csv", GOOD_TRIPS);
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("min_rows", "10");
        mojo.parameters = parameters;

        assertBuildFailure(mojo).hasMessageContaining("expect_table_row_count_to_be_between");
    }

    @Test
    void a_validation_that_cannot_run_is_an_error_not_a_breach() {
        assertExecutionError(mojo)
                .hasMessage("Assay: checkpoint nightly did not complete:\n"
                        + "  validations[0] (local/trips, suite trips): folder not found: " + dir.resolve("data"));
    }

    @Test
    void an_unknown_checkpoint_is_named() {
        mojo.checkpoint = "hourly";

        assertExecutionError(mojo).hasMessageStartingWith("Assay: no checkpoint 'hourly' in ");
    }

    @Test
    void a_missing_project_is_named() {
        mojo.project = dir.resolve("assay").toFile();

        assertExecutionError(mojo).hasMessageStartingWith("Assay: ").hasMessageContaining("assay.yml");
    }

    @Test
    void data_settings_are_refused() {
        mojo.data = "data/trips.csv";

        assertExecutionError(mojo)
                .hasMessage("Assay: <data>, <inputFormat>, <table>, <query> and <user> go with <suite>;"
                        + " checkpoint 'nightly' names its data in its own file");
    }

    @Test
    void a_result_format_is_refused() {
        mojo.resultFormat = "COMPLETE";

        assertExecutionError(mojo)
                .hasMessage("Assay: <resultFormat> goes with <suite>; a checkpoint's result format is"
                        + " defaults.result_format in assay.yml or result_format in the checkpoint");
    }
}
