package dev.assay.cloudwatch;

import static java.util.Objects.requireNonNull;

import dev.assay.checkpoint.CheckpointAction;
import dev.assay.checkpoint.CheckpointActionProvider;
import dev.assay.project.Config;
import java.io.PrintStream;
import java.util.Map;

/**
 * Serves the checkpoint action {@code publish_cloudwatch_metrics}, which publishes each validation of the
 * run as the metrics {@link MetricSchema} describes. Keys (all optional):
 *
 * <ul>
 *   <li>{@code namespace}: default {@code Assay}
 *   <li>{@code dimensions}: a list from {@code Suite}, {@code DataAsset}, {@code Checkpoint}; default all three
 *   <li>{@code extra_dimensions}: a map of static dimensions, e.g. {@code {Environment: prod}}
 *   <li>{@code observed_values}: {@code true} to publish each expectation's observed value and unexpected
 *       counts; default {@code false}
 *   <li>{@code output}: {@code api} (PutMetricData, the default) or {@code emf} (Embedded Metric Format lines
 *       on standard output)
 *   <li>{@code region}, {@code endpoint}: where to send requests; else the project settings {@code
 *       cloudwatch.region} and {@code cloudwatch.endpoint}, else the SDK's defaults
 *   <li>{@code max_attempts}: attempts per request, 1 to 20; default 3
 * </ul>
 *
 * An unknown key or a value of the wrong kind is an error that names the key. Thread-safe.
 */
public final class PublishCloudWatchMetricsProvider implements CheckpointActionProvider {
    /** The action type. */
    public static final String TYPE = "publish_cloudwatch_metrics";

    private final PrintStream emfOut;

    /** The provider {@link java.util.ServiceLoader} finds: EMF lines go to standard output. */
    public PublishCloudWatchMetricsProvider() {
        this.emfOut = null;
    }

    /** A provider whose actions write EMF lines to {@code emfOut} (never null) instead of standard output. */
    public PublishCloudWatchMetricsProvider(PrintStream emfOut) {
        this.emfOut = requireNonNull(emfOut, "emfOut is null");
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public CheckpointAction create(Map<String, Object> config) {
        requireNonNull(config, "config is null");
        return new PublishCloudWatchMetricsAction(CloudWatchActionConfig.parse(new Config(TYPE, "", config)), emfOut);
    }
}
