package dev.assay.datadocs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.checkpoint.ActionContext;
import dev.assay.checkpoint.CheckpointAction;
import dev.assay.checkpoint.CheckpointActionProvider;
import dev.assay.checkpoint.CheckpointRun;
import dev.assay.checkpoint.ValidationRun;
import dev.assay.error.AssayException;
import dev.assay.error.ErrorCode;
import dev.assay.result.ValidationResult;
import dev.assay.store.MetricHistory;
import dev.assay.store.ResultKey;
import dev.assay.store.ResultStore;
import dev.assay.store.Store;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpdateDataDocsProviderTest {
    @TempDir
    Path project;

    /** The project a checkpoint runs in: a store in the project and two sites, "local" and "public". */
    final class Project implements ActionContext {
        final Store store = Store.local(project.resolve(".assay"));
        final ByteArrayOutputStream printed = new ByteArrayOutputStream();

        @Override
        public Path projectDir() {
            return project;
        }

        @Override
        public ResultStore results() {
            return new ResultStore(store);
        }

        @Override
        public MetricHistory metricHistory() {
            return new MetricHistory(store);
        }

        @Override
        public Store docsSite(String name) {
            if (name.equals("local")) {
                return Store.local(project.resolve("docs"));
            }
            if (name.equals("public")) {
                return Store.local(project.resolve("public-site"));
            }
            throw new AssayException(ErrorCode.INVALID_CONFIGURATION, "no data docs site '" + name + "'");
        }

        @Override
        public List<String> docsSites() {
            return List.of("local", "public");
        }

        @Override
        public Map<String, String> settings() {
            return Map.of();
        }

        @Override
        public PrintStream out() {
            return new PrintStream(printed, true, StandardCharsets.UTF_8);
        }
    }

    private static CheckpointActionProvider provider() {
        return ServiceLoader.load(CheckpointActionProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(p -> p.type().equals("update_data_docs"))
                .findFirst()
                .orElseThrow();
    }

    private static CheckpointRun run(ValidationResult result, ResultKey key) {
        return new CheckpointRun(
                "nightly", "run1", Instant.now(), List.of(new ValidationRun("green", result, Optional.of(key))));
    }

    @Test
    void is_found_by_the_service_loader() {
        assertThat(provider()).isInstanceOf(UpdateDataDocsProvider.class);
    }

    @Test
    void updates_the_local_site_by_default_and_says_what_it_wrote() throws Exception {
        Project context = new Project();
        ValidationResult result = Fixtures.passing("trips", "green");
        ResultKey key = Fixtures.save(context.results(), result);
        CheckpointAction action = provider().create(Map.of());

        String message = action.run(run(result, key), context);

        assertThat(message).isEqualTo("data docs updated: 1 new run, 7 pages written (docs/index.html)");
        assertThat(project.resolve("docs/index.html")).exists();

        ResultKey second = Fixtures.save(context.results(), Fixtures.failing("trips", "green"));
        assertThat(action.run(run(result, second), context))
                .isEqualTo("data docs updated: 1 new run, 5 pages written (docs/index.html)");
    }

    @Test
    void updates_the_named_site_and_prints_each_unreadable_result() throws Exception {
        Project context = new Project();
        ResultKey bad = new ResultKey("trips", "green", "green", Instant.parse("2026-03-01T00:00:00Z"), "bad");
        context.store.write(bad.key(), "not json".getBytes(StandardCharsets.UTF_8));
        Map<String, Object> config = new HashMap<>();
        config.put("site", "public");

        String message = provider().create(config).run(run(Fixtures.passing("trips", "green"), bad), context);

        assertThat(message)
                .isEqualTo(
                        "data docs updated: 0 new runs, 4 pages written, 1 result unreadable (public-site/index.html)");
        assertThat(context.printed.toString(StandardCharsets.UTF_8))
                .startsWith("data docs: cannot show " + bad.key() + ": not valid JSON: Unrecognized token 'not'");
    }

    @Test
    void rejects_an_unknown_key_naming_it() {
        assertThatThrownBy(() -> provider().create(Map.of("site", "local", "sight", "x")))
                .isInstanceOf(AssayException.class)
                .hasMessage("update_data_docs: unknown key 'sight'; known keys here: site")
                .extracting(e -> ((AssayException) e).code())
                .isEqualTo(ErrorCode.INVALID_CONFIGURATION);
    }

    @Test
    void rejects_a_site_that_is_not_a_name() {
        assertThatThrownBy(() -> provider().create(Map.of("site", List.of("local"))))
                .isInstanceOf(AssayException.class)
                .hasMessage("update_data_docs: site must be a text value, got a list");
        assertThatThrownBy(() -> provider().create(Map.of("site", " ")))
                .isInstanceOf(AssayException.class)
                .hasMessage("update_data_docs: site must be the name of a data docs site, got ' '");
    }

    @Test
    void an_unknown_site_fails_the_action_with_the_projects_message() {
        Project context = new Project();
        ValidationResult result = Fixtures.passing("trips", "green");
        ResultKey key = Fixtures.save(context.results(), result);
        CheckpointAction action = provider().create(Map.of("site", "elsewhere"));

        assertThatThrownBy(() -> action.run(run(result, key), context))
                .isInstanceOf(AssayException.class)
                .hasMessage("no data docs site 'elsewhere'");
    }
}
