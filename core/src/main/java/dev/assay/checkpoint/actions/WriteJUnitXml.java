package dev.assay.checkpoint.actions;

import static java.util.Objects.requireNonNull;

import dev.assay.checkpoint.ActionContext;
import dev.assay.checkpoint.CheckpointAction;
import dev.assay.checkpoint.CheckpointRun;
import dev.assay.checkpoint.ValidationRun;
import dev.assay.report.JUnitXmlReport;
import dev.assay.report.JUnitXmlReport.TestSuite;
import dev.assay.result.Errored;
import dev.assay.result.ExpectationResult;
import dev.assay.result.Failed;
import dev.assay.result.ValidationResult;
import dev.assay.store.Store;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The {@code write_junit_xml} action: one report per run, replaced atomically. Thread-safe. */
final class WriteJUnitXml implements CheckpointAction {
    private final String pathPattern;

    WriteJUnitXml(String pathPattern) {
        this.pathPattern = requireNonNull(pathPattern, "pathPattern is null");
    }

    @Override
    public String run(CheckpointRun run, ActionContext context) {
        Path target = context.projectDir()
                .resolve(WriteJUnitXmlProvider.fill(pathPattern, run.checkpoint(), run.runId()))
                .toAbsolutePath()
                .normalize();
        List<TestSuite> suites = new ArrayList<>();
        int tests = 0;
        int failures = 0;
        int errors = 0;
        for (ValidationRun v : run.validations()) {
            ValidationResult result = v.result();
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put("checkpoint", run.checkpoint());
            properties.put("run_id", run.runId());
            properties.put("asset", v.asset());
            v.stored().ifPresent(key -> properties.put("result_key", key.key()));
            suites.add(TestSuite.of(result.suiteName() + " @ " + v.asset() + " / " + result.batchName(), result)
                    .withProperties(properties));
            for (ExpectationResult r : result.results()) {
                tests++;
                failures += r instanceof Failed ? 1 : 0;
                errors += r instanceof Errored ? 1 : 0;
            }
        }
        byte[] xml = JUnitXmlReport.toXml(run.checkpoint(), suites).getBytes(StandardCharsets.UTF_8);
        // A store writes a temporary file beside the target and renames it: a reader never sees half a report.
        Store.local(target.getParent()).write(target.getFileName().toString(), xml);
        Path project = context.projectDir().toAbsolutePath().normalize();
        Path shown = target.startsWith(project) ? project.relativize(target) : target;
        return String.format(
                Locale.ROOT,
                "wrote %s: %d %s, %d %s, %d %s, %d %s",
                shown,
                suites.size(),
                suites.size() == 1 ? "suite" : "suites",
                tests,
                tests == 1 ? "test" : "tests",
                failures,
                failures == 1 ? "failure" : "failures",
                errors,
                errors == 1 ? "error" : "errors");
    }
}
