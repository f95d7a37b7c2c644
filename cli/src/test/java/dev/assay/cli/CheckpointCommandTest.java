package dev.assay.cli;

import static dev.assay.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.cli.CliRun.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code assay init} and {@code assay checkpoint}, on a project scaffolded from the sample. */
class CheckpointCommandTest {
    @TempDir
    Path dir;

    Path project;

    @BeforeEach
    void init() {
        project = dir.resolve("proj");
        Result r = run("init", project.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Created an Assay project in " + project).contains("--project " + project);
    }

    private void checkpoint(String name, String yaml) throws IOException {
        Files.writeString(project.resolve("checkpoints").resolve(name + ".yml"), yaml);
    }

    private List<Path> storedResults() throws IOException {
        Path results = project.resolve("results");
        if (!Files.isDirectory(results)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(results)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void init_scaffolds_the_sample_project_that_runs_as_it_is() throws IOException {
        for (String file : InitCommand.SAMPLE) {
            assertThat(project.resolve(file)).isRegularFile();
        }
        Result r = run("checkpoint", "run", "nightly_trips", "--project", project.toString(), "--ascii");

        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out())
                .startsWith("Checkpoint nightly_trips (run ")
                .contains("): PASSED")
                .contains("Suite trips on trips: PASSED")
                .contains("Suite trips_volume on trips: PASSED")
                .contains("ok   store_validation_result: stored 2 results in "
                        + project.resolve("results").toAbsolutePath());
        assertThat(storedResults()).hasSize(2);
        assertThat(r.out())
                .contains("ok   update_data_docs: data docs updated: 2 new runs")
                .contains("ok   write_junit_xml: wrote reports/junit/nightly_trips.xml: 2 suites");
        assertThat(project.resolve("docs/index.html")).isRegularFile();
        assertThat(project.resolve("reports/junit/nightly_trips.xml")).isRegularFile();
        assertThat(project.resolve("metrics")).isDirectory();
    }

    @Test
    void docs_build_renders_what_is_new_or_everything_again() {
        assertThat(run("checkpoint", "run", "nightly_trips", "--project", project.toString())
                        .code())
                .isZero();

        Result again = run("docs", "build", "--project", project.toString());
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out())
                .startsWith("Data docs updated in ")
                .contains(": 0 new runs, 0 pages written; 2 runs in all.");

        Result full = run("docs", "build", "--full", "--project", project.toString());
        assertThat(full.code()).as(full.err()).isZero();
        assertThat(full.out()).startsWith("Data docs rebuilt in ").contains("2 new runs");

        Result site = run("docs", "build", "--site", "public", "--project", project.toString());
        assertThat(site.code()).isEqualTo(2);
        assertThat(site.err()).contains("no data docs site 'public' in assay.yml; sites: local");
    }

    @Test
    void init_refuses_to_overwrite_a_project() {
        Result r = run("init", project.toString());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("assay.yml exists already");
    }

    @Test
    void init_empty_writes_a_project_without_samples() {
        Result r = run("init", "--empty", dir.resolve("empty").toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(dir.resolve("empty/assay.yml")).isRegularFile();
        assertThat(dir.resolve("empty/suites")).isEmptyDirectory();
        Result list =
                run("checkpoint", "list", "--project", dir.resolve("empty").toString());
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.out()).isEmpty();
    }

    @Test
    void a_parameter_given_at_run_time_fills_the_suite_and_can_fail_it() throws IOException {
        Result r = run(
                "checkpoint",
                "run",
                "nightly_trips",
                "--project",
                project.toString(),
                "--param",
                "min_rows=1000",
                "--format",
                "json");

        assertThat(r.code()).as(r.err()).isEqualTo(1);
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("success").asBoolean()).isFalse();
        assertThat(json.get("exit_code").asInt()).isEqualTo(1);
        assertThat(json.get("validations")).hasSize(2);
        JsonNode volume = json.get("validations").get(1);
        assertThat(volume.get("suite").asText()).isEqualTo("trips_volume");
        assertThat(volume.get("success").asBoolean()).isFalse();
        String stored = volume.get("stored_as").asText();
        assertThat(stored).startsWith("validations/trips_volume/trips/all/");
        JsonNode result = new ObjectMapper()
                .readTree(project.resolve("results").resolve(stored).toFile());
        assertThat(result.at("/meta/checkpoint").asText()).isEqualTo("nightly_trips");
        assertThat(result.at("/results/0/expectation_config/kwargs/min_value").asInt())
                .isEqualTo(1000);
    }

    @Test
    void a_suite_parameter_without_a_value_is_an_error_naming_it() throws IOException {
        checkpoint(
                "no_params",
                """
                validations:
                  - {source: samples, asset: trips, pattern: trips.csv, suite: trips_volume}
                """);

        Result r = run("checkpoint", "run", "no_params", "--project", project.toString());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out())
                .contains("Validations that could not run:")
                .contains("the suite parameter 'min_rows' has no value");
        assertThat(storedResults()).isEmpty();
    }

    @Test
    void a_validation_that_cannot_run_is_reported_and_the_others_are_still_stored() throws IOException {
        checkpoint(
                "half",
                """
                parameters: {min_rows: 1}
                validations:
                  - {source: samples, asset: missing, pattern: nope.csv, suite: trips_volume}
                  - {source: samples, asset: trips, pattern: trips.csv, suite: trips_volume}
                """);

        Result r = run("checkpoint", "run", "half", "--project", project.toString(), "--ascii");

        assertThat(r.code()).as(r.out()).isEqualTo(2);
        assertThat(r.out())
                .contains("): ERROR")
                .contains("validations[0] (samples/missing, suite trips_volume): ")
                .contains("stored 1 result in");
        assertThat(storedResults()).hasSize(1);
    }

    @Test
    void mistakes_in_a_checkpoint_fail_before_any_data_is_read() throws IOException {
        checkpoint(
                "typo",
                """
                validations:
                  - {source: samples, asset: trips, patern: trips.csv, suite: trips}
                """);
        Result typo = run("checkpoint", "run", "typo", "--project", project.toString());
        assertThat(typo.code()).isEqualTo(2);
        assertThat(typo.err())
                .contains("checkpoints/typo.yml: unknown key 'validations[0].patern'")
                .contains("known keys here: source, suite, batch, parameters, result_format, asset, pattern, format");

        checkpoint("source", "validations:\n  - {source: lake, suite: trips}\n");
        Result source = run("checkpoint", "run", "source", "--project", project.toString());
        assertThat(source.err())
                .contains("validations[0].source 'lake' is not a source of assay.yml; sources: samples");

        checkpoint("suite", "validations:\n  - {source: samples, suite: nope}\n");
        Result suite = run("checkpoint", "run", "suite", "--project", project.toString());
        assertThat(suite.err()).contains("no suite 'nope' in ").contains("suites: trips, trips-strict, trips_volume");

        checkpoint("action", "validations:\n  - {source: samples, suite: trips}\nactions:\n  - type: send_pigeon\n");
        Result action = run("checkpoint", "run", "action", "--project", project.toString());
        assertThat(action.err()).contains("actions[0].type 'send_pigeon' is not an action type; known: ");

        checkpoint("batch", "validations:\n  - {source: samples, suite: trips, batch: newest}\n");
        Result batch = run("checkpoint", "run", "batch", "--project", project.toString());
        assertThat(batch.err()).contains("validations[0].batch must be 'latest', 'all' or a mapping");

        Result missing = run("checkpoint", "run", "nope", "--project", project.toString());
        assertThat(missing.err()).contains("no checkpoint 'nope' in ").contains("checkpoints: ");
        assertThat(storedResults()).isEmpty();
    }

    @Test
    void an_environment_variable_in_assay_yml_is_read_and_a_missing_one_is_an_error() throws IOException {
        Path yml = project.resolve("assay.yml");
        Files.writeString(yml, Files.readString(yml).replace("location: data/", "location: ${TRIPS_DIR}"));

        Result missing = run("checkpoint", "list", "--project", project.toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err())
                .contains(
                        "assay.yml: sources.samples.location refers to the environment variable TRIPS_DIR, which is not set");

        Result given = run(Map.of("TRIPS_DIR", "data/"), "checkpoint", "list", "--project", project.toString());
        assertThat(given.code()).as(given.err()).isZero();
        assertThat(given.out()).isEqualTo("nightly_trips" + System.lineSeparator());
    }

    @Test
    void the_project_is_found_from_the_environment() {
        Result r = run(Map.of("ASSAY_PROJECT", project.toString()), "checkpoint", "list");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("nightly_trips");
    }

    @Test
    void embedded_metric_format_lines_stay_out_of_the_json_document() throws IOException {
        checkpoint(
                "emf",
                """
                parameters: {min_rows: 1}
                validations:
                  - {source: samples, asset: trips, pattern: trips.csv, suite: trips_volume}
                actions:
                  - {type: publish_cloudwatch_metrics, output: emf, namespace: AssayTest}
                """);
        java.io.PrintStream stdout = System.out;
        java.io.PrintStream stderr = System.err;
        java.io.ByteArrayOutputStream processOut = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream processErr = new java.io.ByteArrayOutputStream();
        Result r;
        try {
            System.setOut(new java.io.PrintStream(processOut, true, java.nio.charset.StandardCharsets.UTF_8));
            System.setErr(new java.io.PrintStream(processErr, true, java.nio.charset.StandardCharsets.UTF_8));
            r = run("checkpoint", "run", "emf", "--project", project.toString(), "--format", "json");
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }

        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.at("/actions/1/message").asText()).contains("Embedded Metric Format");
        assertThat(processOut.toString(java.nio.charset.StandardCharsets.UTF_8)).isEmpty();
        JsonNode emf = new ObjectMapper()
                .readTree(processErr
                        .toString(java.nio.charset.StandardCharsets.UTF_8)
                        .lines()
                        .findFirst()
                        .orElseThrow());
        assertThat(emf.at("/_aws/CloudWatchMetrics/0/Namespace").asText()).isEqualTo("AssayTest");
        assertThat(emf.get("ValidationSuccess").asDouble()).isEqualTo(1.0);
    }
}
