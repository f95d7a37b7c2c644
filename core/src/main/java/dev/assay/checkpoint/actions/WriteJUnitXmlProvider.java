package dev.assay.checkpoint.actions;

import dev.assay.checkpoint.CheckpointAction;
import dev.assay.checkpoint.CheckpointActionProvider;
import dev.assay.project.Config;
import dev.assay.store.StoreKeys;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves the action {@code write_junit_xml}: writes the run's results as a JUnit XML report (see {@link
 * dev.assay.report.JUnitXmlReport}) for a CI server's test reporter. Its one key, {@code path}, is where
 * the report goes, relative to the project folder: by default {@code reports/junit/{checkpoint}.xml};
 * {@code {checkpoint}} and {@code {run_id}} are replaced by the checkpoint's name and the run's id, made
 * safe as file names. Thread-safe.
 */
public final class WriteJUnitXmlProvider implements CheckpointActionProvider {
    static final String TYPE = "write_junit_xml";
    static final String DEFAULT_PATH = "reports/junit/{checkpoint}.xml";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

    /** The provider {@link java.util.ServiceLoader} creates. */
    public WriteJUnitXmlProvider() {}

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public CheckpointAction create(Map<String, Object> config) {
        Config c = new Config(TYPE, "", config);
        String path = c.optionalString("path").orElse(DEFAULT_PATH);
        c.done("path");
        if (path.isBlank()) {
            throw c.error("path", "must not be empty");
        }
        Matcher m = PLACEHOLDER.matcher(path);
        while (m.find()) {
            if (!m.group(1).equals("checkpoint") && !m.group(1).equals("run_id")) {
                throw c.error(
                        "path",
                        "has the placeholder {" + m.group(1) + "}; the known ones are {checkpoint} and {run_id}");
            }
        }
        try {
            Path sample = Path.of(fill(path, "checkpoint", "run"));
            if (sample.getFileName() == null || path.endsWith("/") || path.endsWith("\\")) {
                throw c.error("path", "must name a file, not a folder: '" + path + "'");
            }
        } catch (InvalidPathException e) {
            throw c.error("path", "is not a valid file path: " + e.getMessage());
        }
        return new WriteJUnitXml(path);
    }

    /** {@code pattern} with its placeholders filled, each value made safe as part of a file name. */
    static String fill(String pattern, String checkpoint, String runId) {
        return pattern.replace("{checkpoint}", StoreKeys.segment(checkpoint))
                .replace("{run_id}", StoreKeys.segment(runId));
    }
}
