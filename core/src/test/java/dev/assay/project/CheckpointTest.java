package dev.assay.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.checkpoint.ActionOutcome;
import dev.assay.checkpoint.CheckpointResult;
import dev.assay.error.AssayException;
import dev.assay.error.SuiteFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A project on disk, with the test format {@code .lines} (one row per line, column {@code line}). */
class CheckpointTest {
    @TempDir
    Path dir;

    @BeforeEach
    void project() throws IOException {
        write(
                "assay.yml",
                """
                sources:
                  local:
                    type: files
                    location: data/
                """);
        write("data/day=2024-01-30/a.lines", "x\ny\n");
        write("data/day=2024-01-31/a.lines", "x\ny\nz\n");
        write(
                "suites/rows.json",
                """
                {"name": "rows", "expectations": [
                  {"type": "expect_table_row_count_to_be_between",
                   "kwargs": {"min_value": {"$PARAMETER": "min_rows"}, "max_value": 10}}]}
                """);
        synchronized (TestActions.SEEN) {
            TestActions.SEEN.clear();
        }
    }

    private void write(String file, String text) throws IOException {
        Path path = dir.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
    }

    @Test
    void a_checkpoint_validates_stores_and_then_runs_its_actions_in_order() throws IOException {
        write(
                "checkpoints/daily.yml",
                """
                parameters: {min_rows: 3}
                validations:
                  - source: local
                    asset: lines
                    pattern: "day={day}/*.lines"
                    batch: latest
                    suite: rows
                  - source: local
                    asset: lines
                    pattern: "day={day}/*.lines"
                    batch: {day: 2024-01-30}
                    suite: rows
                actions:
                  - {type: record_for_test, label: first}
                  - {type: fail_for_test, name: pager}
                  - {type: record_for_test, label: second}
                """);

        CheckpointResult result = AssayProject.open(dir)
                .checkpoint("daily")
                .withClock(Clock.fixed(Instant.parse("2024-02-01T00:00:00Z"), ZoneOffset.UTC))
                .run();

        assertThat(result.run().validations()).hasSize(2);
        assertThat(result.run().validations().get(0).result().success()).isTrue();
        assertThat(result.run().validations().get(1).result().success()).isFalse(); // two rows, three wanted
        assertThat(result.run().startedAt()).isEqualTo(Instant.parse("2024-02-01T00:00:00Z"));
        assertThat(result.actions())
                .extracting(ActionOutcome::name, ActionOutcome::success)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("store_validation_result", true),
                        org.assertj.core.groups.Tuple.tuple("record_for_test", true),
                        org.assertj.core.groups.Tuple.tuple("pager", false),
                        org.assertj.core.groups.Tuple.tuple("record_for_test", true));
        assertThat(result.actions().get(2).message()).isEqualTo("the endpoint said no");
        assertThat(TestActions.SEEN).containsExactly("first: [stored, stored]", "second: [stored, stored]");
        assertThat(result.exitCode()).isEqualTo(2); // an action failed
        assertThat(AssayProject.open(dir).results().list())
                .extracting(k -> k.batch())
                .containsExactlyInAnyOrder("{day=2024-01-31}", "{day=2024-01-30}");
    }

    @Test
    void runtime_parameters_override_the_checkpoints() throws IOException {
        write(
                "checkpoints/daily.yml",
                """
                parameters: {min_rows: 3}
                validations:
                  - {source: local, asset: lines, pattern: "day={day}/*.lines", batch: latest, suite: rows}
                store_results: false
                """);
        Checkpoint checkpoint = AssayProject.open(dir).checkpoint("daily");

        assertThat(checkpoint.run().exitCode()).isZero();
        CheckpointResult stricter =
                checkpoint.withParameters(Map.of("min_rows", 4)).run();
        assertThat(stricter.exitCode()).isEqualTo(1);
        assertThat(stricter.actions()).isEmpty();
        assertThat(AssayProject.open(dir).results().list()).isEmpty();
    }

    @Test
    void a_suite_parameter_can_be_any_value_and_a_missing_one_names_its_place() throws IOException {
        AssayProject project = AssayProject.open(dir);
        assertThat(project.suite("rows", Map.of("min_rows", 2)).expectations()).hasSize(1);
        assertThatThrownBy(() -> project.suite("rows"))
                .isInstanceOf(SuiteFormatException.class)
                .hasMessageContaining("rows.json: expectations[0].kwargs.min_value: the suite parameter 'min_rows' has"
                        + " no value");
        assertThatThrownBy(() -> project.suite("rows", Map.of("min_rows", "many")))
                .isInstanceOf(SuiteFormatException.class)
                .hasMessageContaining("min_value");
    }

    @Test
    void a_missing_or_invalid_project_file_is_a_clear_error() throws IOException {
        assertThatThrownBy(() -> AssayProject.open(dir.resolve("nowhere")))
                .isInstanceOf(AssayException.class)
                .hasMessageContaining("no assay.yml in ")
                .hasMessageContaining("assay init");
        write("assay.yml", "sources:\n  local: {type: files, location: data/, colour: red}\n");
        assertThatThrownBy(() -> AssayProject.open(dir))
                .hasMessage("assay.yml: unknown key 'sources.local.colour'; known keys here: type, location, options");
        write("assay.yml", "sources:\n  db: {type: cobol}\n");
        assertThatThrownBy(() -> AssayProject.open(dir))
                .hasMessageStartingWith("assay.yml: sources.db.type 'cobol' is not a source type; known: files");
        write("assay.yml", "stores: [results]\n");
        assertThatThrownBy(() -> AssayProject.open(dir)).hasMessage("assay.yml: stores must be a mapping, got a list");
        write("assay.yml", "sources: {a: {type: files\n");
        assertThatThrownBy(() -> AssayProject.open(dir)).hasMessageStartingWith("assay.yml: malformed YAML at line");
    }

    @Test
    void stores_and_docs_sites_default_to_folders_of_the_project() {
        AssayProject project = AssayProject.open(dir);

        assertThat(project.results().store().root())
                .isEqualTo(dir.resolve("results").toString());
        assertThat(project.metricHistory().store().root())
                .isEqualTo(dir.resolve("metrics").toString());
        assertThat(project.docsSites()).isEqualTo(List.of("local"));
        assertThat(project.docsSite("local").root())
                .isEqualTo(dir.resolve("docs").toString());
        assertThatThrownBy(() -> project.docsSite("public"))
                .hasMessage("no data docs site 'public' in assay.yml; sites: local");
    }

    @Test
    void each_run_adds_to_the_metric_history_which_the_next_run_is_judged_against() throws IOException {
        write(
                "suites/volume.json",
                """
                {"name": "volume", "expectations": [
                  {"type": "expect_table_row_count_to_change_by_at_most", "kwargs": {"max_change": 0.2}}]}
                """);
        write(
                "checkpoints/day30.yml",
                """
                validations:
                  - {source: local, asset: lines, pattern: "day={day}/*.lines", batch: {day: 2024-01-30}, suite: volume}
                  - {source: local, asset: lines, pattern: "day={day}/*.lines", batch: {day: 2024-01-30}, suite: rows,
                     parameters: {min_rows: 1}}
                """);
        write(
                "checkpoints/day31.yml",
                """
                validations:
                  - {source: local, asset: lines, pattern: "day={day}/*.lines", batch: {day: 2024-01-31}, suite: volume}
                """);
        AssayProject project = AssayProject.open(dir);

        CheckpointResult first = project.checkpoint("day30")
                .withClock(Clock.fixed(Instant.parse("2024-01-30T06:00:00Z"), ZoneOffset.UTC))
                .run();
        CheckpointResult second = project.checkpoint("day31")
                .withClock(Clock.fixed(Instant.parse("2024-01-31T06:00:00Z"), ZoneOffset.UTC))
                .run();

        assertThat(first.exitCode()).isZero(); // no history yet: passes with a note
        assertThat(first.actions().get(0).message())
                .contains("stored 2 results")
                .contains("and 1 metric record");
        assertThat(second.exitCode()).isEqualTo(1); // 3 rows after 2: +50%, at most 20% allowed
        assertThat(project.metricHistory().records("lines"))
                .extracting(r -> r.batch(), r -> r.values().get("table.row_count"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("{day=2024-01-30}", 2.0),
                        org.assertj.core.groups.Tuple.tuple("{day=2024-01-31}", 3.0));
    }

    @Test
    void two_batches_of_one_asset_at_one_fixed_instant_keep_two_history_records() throws IOException {
        write(
                "checkpoints/both.yml",
                """
                parameters: {min_rows: 1}
                validations:
                  - {source: local, asset: lines, pattern: "day={day}/*.lines", batch: {day: 2024-01-30}, suite: rows}
                  - {source: local, asset: lines, pattern: "day={day}/*.lines", batch: {day: 2024-01-31}, suite: rows}
                """);
        AssayProject project = AssayProject.open(dir);

        project.checkpoint("both")
                .withClock(Clock.fixed(Instant.parse("2024-02-01T00:00:00Z"), ZoneOffset.UTC))
                .run();

        assertThat(project.metricHistory().records("lines")).hasSize(2);
    }
}
