package dev.assay.examples;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.assay.checkpoint.CheckpointResult;
import dev.assay.project.AssayProject;
import dev.assay.project.Checkpoint;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An AWS Lambda handler that runs a checkpoint of an Assay project, for a schedule (an EventBridge rule
 * with the input {@code {"checkpoint": "nightly_trips"}}) or a pipeline step.
 *
 * <p>Package the project folder with the function (it is found at {@code $ASSAY_PROJECT}, by default
 * {@code /var/task/assay}) and point its stores and data docs at S3, since a function's disk is read-only
 * but for {@code /tmp}:
 *
 * <pre>{@code
 * stores:  {results: s3://my-bucket/assay/results/, metrics: s3://my-bucket/assay/metrics/}
 * data_docs: {local: s3://my-docs-bucket/}
 * }</pre>
 *
 * and publish metrics with {@code publish_cloudwatch_metrics} and {@code output: emf}: the metrics then go
 * out as log lines, with no API call. The event may carry suite {@code parameters}. The response is the
 * run's summary ({@link CheckpointResult#summary()}); a breach is a normal response with {@code success:
 * false}, while a validation that could not run or a failed action fails the invocation, so that Lambda's
 * retries and dead-letter queue see it.
 */
public final class CheckpointHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private final Path project;

    /** The handler Lambda creates: the project at {@code $ASSAY_PROJECT}, else {@code /var/task/assay}. */
    public CheckpointHandler() {
        this(Path.of(System.getenv().getOrDefault("ASSAY_PROJECT", "/var/task/assay")));
    }

    /** A handler for the project in {@code project}. */
    public CheckpointHandler(Path project) {
        this.project = project;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        Object name = event.get("checkpoint");
        if (!(name instanceof String checkpointName) || checkpointName.isBlank()) {
            throw new IllegalArgumentException("the event must name a checkpoint: {\"checkpoint\": \"nightly_trips\"}");
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (event.get("parameters") instanceof Map<?, ?> given) {
            given.forEach((k, v) -> parameters.put(String.valueOf(k), v));
        }
        CheckpointResult result;
        try (AssayProject opened = AssayProject.open(project)) {
            Checkpoint checkpoint = opened.checkpoint(checkpointName).withParameters(parameters);
            result = checkpoint.run();
        }
        context.getLogger()
                .log("assay checkpoint " + checkpointName + " run "
                        + result.run().runId() + ": exit code " + result.exitCode());
        if (result.exitCode() == 2) {
            throw new IllegalStateException("checkpoint " + checkpointName + " did not complete: "
                    + String.join("; ", result.errors())
                    + result.actions().stream()
                            .filter(a -> !a.success())
                            .map(a -> "; action " + a.name() + " failed: " + a.message())
                            .reduce("", String::concat));
        }
        return result.summary();
    }
}
