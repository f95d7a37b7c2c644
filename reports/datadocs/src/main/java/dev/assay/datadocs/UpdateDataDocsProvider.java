package dev.assay.datadocs;

import dev.assay.checkpoint.ActionContext;
import dev.assay.checkpoint.CheckpointAction;
import dev.assay.checkpoint.CheckpointActionProvider;
import dev.assay.checkpoint.CheckpointRun;
import dev.assay.project.Config;
import dev.assay.store.Store;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The checkpoint action {@code update_data_docs}: updates a data docs site incrementally from the
 * project's stored results and metric history. Config: {@code site}, the name of a site in {@code
 * assay.yml} (default {@code local}); any other key is an error. Thread-safe.
 *
 * <pre>{@code
 * actions:
 *   - type: update_data_docs
 *     site: local
 * }</pre>
 */
public final class UpdateDataDocsProvider implements CheckpointActionProvider {
    /** The action's type. */
    public static final String TYPE = "update_data_docs";

    /** For {@link java.util.ServiceLoader}. */
    public UpdateDataDocsProvider() {}

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public CheckpointAction create(Map<String, Object> config) {
        Config c = new Config(TYPE, "", config);
        String site = c.optionalString("site").orElse("local");
        c.done("site");
        if (site.isBlank()) {
            throw c.error("site", "must be the name of a data docs site, got '" + site + "'");
        }
        return new Action(site);
    }

    /** Updates one site. */
    private record Action(String site) implements CheckpointAction {
        @Override
        public String run(CheckpointRun run, ActionContext context) {
            Store store = context.docsSite(site);
            DataDocsReport report = DataDocs.builder(store).build(context.results(), context.metricHistory());
            List<BuildProblem> problems = report.problems();
            for (BuildProblem p : problems) {
                context.out().println("data docs: cannot show " + p.key() + ": " + p.reason());
            }
            return "data docs updated: " + report.summary() + " (" + where(store, report, context.projectDir()) + ")";
        }

        /** The index page, relative to the project when the site is a folder inside it. */
        private static String where(Store store, DataDocsReport report, Path projectDir) {
            String root = store.root();
            if (root.contains("://")) {
                return root + (root.endsWith("/") ? "" : "/") + report.index();
            }
            Path index = Path.of(root).resolve(report.index());
            Path project = projectDir.toAbsolutePath().normalize();
            return index.startsWith(project) ? project.relativize(index).toString() : index.toString();
        }
    }
}
