package dev.assay.maven;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.assay.checkpoint.ActionOutcome;
import dev.assay.checkpoint.CheckpointResult;
import dev.assay.checkpoint.ValidationRun;
import dev.assay.engine.Validator;
import dev.assay.error.AssayException;
import dev.assay.model.ExpectationSuite;
import dev.assay.model.ResultFormat;
import dev.assay.project.AssayProject;
import dev.assay.project.Checkpoint;
import dev.assay.report.JUnitXmlReport;
import dev.assay.result.ResultText;
import dev.assay.result.ValidationResult;
import dev.assay.source.Batch;
import dev.assay.suite.SuiteFiles;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Validates data in the build and fails it on a breach: either one suite against {@code <data>} (a file, folder
 * or glob of CSV or Parquet files, or a JDBC table or query), or a checkpoint of an Assay project (its
 * validations, stored results and actions). Writes a JUnit XML report for the build's test reporters.
 *
 * <p>A breach (an expectation that did not hold or could not be evaluated) fails the build with a {@link
 * MojoFailureException} listing each one; a configuration or data error (a missing file, a malformed suite, a
 * checkpoint validation that could not run or an action that failed) with a {@link MojoExecutionException}.
 * Thread-safe for parallel builds: each execution has its own instance and reads and writes only its own files
 * and the project's stores, which are safe for concurrent writers.
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class ValidateMojo extends AbstractAssayMojo {
    /** The suite file (.json, .yaml, .yml) to validate {@code <data>} against. */
    @Parameter(property = "assay.suite")
    File suite;

    /**
     * The data to validate against {@code <suite>}: a file, a folder or a glob relative to the project, such as
     * {@code src/test/data/trips-*.csv}; a URI such as {@code s3://bucket/prefix/} when its module is a plugin
     * dependency; or a JDBC URL with {@code <table>} or {@code <query>}.
     */
    @Parameter(property = "assay.data")
    String data;

    /** How to read the files: {@code csv} or {@code parquet}; by default by extension. */
    @Parameter(property = "assay.inputFormat")
    String inputFormat;

    /** For JDBC {@code <data>}: the table or view to validate. */
    @Parameter(property = "assay.table")
    String table;

    /** For JDBC {@code <data>}: a SELECT whose rows to validate, instead of {@code <table>}. */
    @Parameter(property = "assay.query")
    String query;

    /** For JDBC {@code <data>}: the database user; the password is the environment's ASSAY_JDBC_PASSWORD. */
    @Parameter(property = "assay.user")
    String user;

    /** The Assay project: the folder with {@code assay.yml}, {@code suites/} and {@code checkpoints/}. */
    @Parameter(property = "assay.project", defaultValue = "${project.basedir}/src/assay")
    File project;

    /** The checkpoint of {@code <project>} to run ({@code checkpoints/<name>.yml}), instead of a suite. */
    @Parameter(property = "assay.checkpoint")
    String checkpoint;

    /**
     * Suite parameters, over the checkpoint's: each value read as YAML, so {@code 100} is a number and {@code [a,
     * b]} a list.
     */
    @Parameter
    Map<String, String> parameters;

    /**
     * A breach fails the build (default); with {@code false} it is logged as a warning and the build goes on. A
     * configuration or data error fails the build either way.
     */
    @Parameter(property = "assay.failOnError", defaultValue = "true")
    boolean failOnError;

    /**
     * How much detail results keep, for expectations that set none: {@code BOOLEAN_ONLY}, {@code BASIC}
     * (default), {@code SUMMARY} or {@code COMPLETE}. With {@code <suite>} only; a checkpoint's is in its project.
     */
    @Parameter(property = "assay.resultFormat")
    String resultFormat;

    /** The instant freshness is measured at (ISO-8601, such as {@code 2024-05-01T00:00:00Z}), for repeatable runs. */
    @Parameter(property = "assay.now")
    String now;

    /** Plain ASCII marks in the log and messages instead of {@code ✓ ✗ !}. */
    @Parameter(property = "assay.ascii", defaultValue = "false")
    boolean ascii;

    /**
     * What a run found: what ran ({@code suite trips}, {@code checkpoint nightly}) and the name its report is
     * under, the results, the errors that kept it from being complete, and its log text.
     */
    private record Outcome(
            String what, String name, List<JUnitXmlReport.TestSuite> suites, List<String> errors, String text) {
        List<ValidationResult> results() {
            return suites.stream().map(JUnitXmlReport.TestSuite::result).toList();
        }
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skipped()) {
            return;
        }
        checkConfiguration();
        Outcome outcome;
        try {
            outcome = suite != null ? validateSuite() : runCheckpoint();
        } catch (AssayException e) {
            throw new MojoExecutionException("Assay: " + e.getMessage(), e);
        }
        List<ValidationResult> results = outcome.results();
        boolean passed = results.stream().allMatch(ValidationResult::success);
        log(outcome.text(), passed && outcome.errors().isEmpty());
        Path report = writeReport(outcome.name(), outcome.suites());
        if (!outcome.errors().isEmpty()) {
            StringBuilder message = new StringBuilder("Assay: " + outcome.what() + " did not complete:");
            outcome.errors().forEach(e -> message.append("\n  ").append(e));
            if (!passed) {
                message.append("\n\n").append(Breaches.describe(results, !ascii));
            }
            throw new MojoExecutionException(message.toString());
        }
        if (!passed) {
            String message = "Assay: the data of " + outcome.what() + " breached its expectations. "
                    + Breaches.describe(results, !ascii) + "\n\nReport: " + report;
            if (failOnError) {
                throw new MojoFailureException(message);
            }
            getLog().warn(message);
            getLog().warn("The build goes on: <failOnError> is false");
        }
    }

    private void checkConfiguration() throws MojoExecutionException {
        if (suite != null && checkpoint != null) {
            throw new MojoExecutionException(
                    "Assay: set either <suite> (with <data>) or <checkpoint>, not both; got suite " + suite
                            + " and checkpoint '" + checkpoint + "'");
        }
        if (suite == null && checkpoint == null) {
            throw new MojoExecutionException("Assay: nothing to validate: set <suite> and <data> to validate data"
                    + " against a suite, or <checkpoint> to run a checkpoint of the project in " + project);
        }
        if (suite != null && data == null) {
            throw new MojoExecutionException(
                    "Assay: <suite> " + suite + " needs <data>: the file, folder, glob or jdbc: URL to validate");
        }
        if (checkpoint != null) {
            if (data != null || table != null || query != null || user != null || inputFormat != null) {
                throw new MojoExecutionException("Assay: <data>, <inputFormat>, <table>, <query> and <user> go with"
                        + " <suite>; checkpoint '" + checkpoint + "' names its data in its own file");
            }
            if (resultFormat != null) {
                throw new MojoExecutionException("Assay: <resultFormat> goes with <suite>; a checkpoint's result"
                        + " format is defaults.result_format in assay.yml or result_format in the checkpoint");
            }
        }
    }

    private Outcome validateSuite() throws MojoExecutionException {
        ExpectationSuite expectationSuite = SuiteFiles.read(suite.toPath(), suiteParameters());
        Validator validator = Validator.create();
        if (resultFormat != null) {
            validator = validator.withResultFormat(resultFormat());
        }
        if (now != null) {
            validator = validator.withClock(clock());
        }
        Batch batch = DataBatches.open(
                new DataBatches.Request(data, inputFormat, table, query, user), basedir.toPath(), environment);
        ValidationResult result = validator.validate(batch, expectationSuite);
        return new Outcome(
                "suite " + result.suiteName(),
                result.suiteName(),
                List.of(JUnitXmlReport.TestSuite.of(result)),
                List.of(),
                ResultText.render(result, !ascii));
    }

    private Outcome runCheckpoint() throws MojoExecutionException {
        CheckpointResult result;
        try (PrintStream actionOut = new PrintStream(new LogStream(getLog()), true, StandardCharsets.UTF_8);
                AssayProject opened =
                        AssayProject.open(project.toPath(), environment::get).withOut(actionOut)) {
            Checkpoint run = opened.checkpoint(checkpoint).withParameters(suiteParameters());
            if (now != null) {
                run = run.withClock(clock());
            }
            result = run.run();
        }
        List<JUnitXmlReport.TestSuite> suites = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        text.append("Checkpoint ")
                .append(checkpoint)
                .append(" (run ")
                .append(result.run().runId())
                .append(")\n");
        for (ValidationRun v : result.run().validations()) {
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put("checkpoint", checkpoint);
            properties.put("asset", v.asset());
            suites.add(JUnitXmlReport.TestSuite.of(v.result()).withProperties(properties));
            text.append('\n').append(ResultText.render(v.result(), !ascii));
        }
        List<String> errors = new ArrayList<>(result.errors());
        if (!result.actions().isEmpty()) {
            text.append("\nActions:\n");
            for (ActionOutcome a : result.actions()) {
                text.append("  ")
                        .append(a.success() ? (ascii ? "ok   " : "✓ ") : (ascii ? "FAIL " : "✗ "))
                        .append(a.name())
                        .append(": ")
                        .append(a.message())
                        .append('\n');
                if (!a.success()) {
                    errors.add("action " + a.name() + " failed: " + a.message());
                }
            }
        }
        String body = text.toString();
        return new Outcome(
                "checkpoint " + checkpoint,
                checkpoint,
                suites,
                errors,
                body.endsWith("\n") ? body.substring(0, body.length() - 1) : body);
    }

    private Map<String, Object> suiteParameters() throws MojoExecutionException {
        Map<String, Object> values = new LinkedHashMap<>();
        if (parameters == null) {
            return values;
        }
        YAMLMapper yaml = new YAMLMapper();
        for (Map.Entry<String, String> entry : parameters.entrySet()) {
            String value = entry.getValue() == null ? "" : entry.getValue();
            Object parsed;
            try {
                parsed = value.isEmpty() ? "" : yaml.readValue(value, Object.class);
            } catch (JsonProcessingException e) {
                throw new MojoExecutionException("Assay: <parameters><" + entry.getKey() + "> is not a YAML value: '"
                        + value + "' (" + e.getOriginalMessage() + "); quote a string that starts with [ or {");
            }
            values.put(entry.getKey(), parsed == null ? value : parsed);
        }
        return values;
    }

    private ResultFormat resultFormat() throws MojoExecutionException {
        try {
            return ResultFormat.of(
                    ResultFormat.Level.valueOf(resultFormat.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(
                    "Assay: <resultFormat> must be BOOLEAN_ONLY, BASIC, SUMMARY or COMPLETE, got '" + resultFormat
                            + "'");
        }
    }

    /** The fixed clock {@code <now>} gives. */
    Clock clock() throws MojoExecutionException {
        try {
            return Clock.fixed(Instant.parse(now.trim()), ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new MojoExecutionException(
                    "Assay: <now> must be an ISO-8601 instant such as 2024-05-01T00:00:00Z, got '" + now + "'");
        }
    }
}
