package dev.assay.checkpoint;

import dev.assay.store.MetricHistory;
import dev.assay.store.ResultStore;
import dev.assay.store.Store;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/** What an action may use of the project its checkpoint belongs to. */
public interface ActionContext {
    /** The project folder (where {@code assay.yml} is); relative paths in actions resolve against it. */
    Path projectDir();

    /** The validation results store. */
    ResultStore results();

    /** The metric history. */
    MetricHistory metricHistory();

    /**
     * The store of the data docs site named {@code name} in {@code assay.yml} ({@code local} is always
     * there, by default {@code docs/} in the project).
     *
     * @throws dev.assay.error.AssayException with {@code INVALID_CONFIGURATION} for a site not configured
     */
    Store docsSite(String name);

    /** The names of the configured data docs sites, the default ({@code local}) first. */
    java.util.List<String> docsSites();

    /**
     * Settings for connectors and services from {@code assay.yml}'s {@code settings} (such as {@code
     * s3.endpoint} or {@code cloudwatch.endpoint}), and the environment's overrides.
     */
    Map<String, String> settings();

    /** Where an action writes lines meant for the person running the checkpoint (standard output by default). */
    PrintStream out();
}
