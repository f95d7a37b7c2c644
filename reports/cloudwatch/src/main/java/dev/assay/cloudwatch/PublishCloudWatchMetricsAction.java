package dev.assay.cloudwatch;

import dev.assay.checkpoint.ActionContext;
import dev.assay.checkpoint.CheckpointAction;
import dev.assay.checkpoint.CheckpointRun;
import java.io.PrintStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The action {@code publish_cloudwatch_metrics}; see {@link PublishCloudWatchMetricsProvider}. */
final class PublishCloudWatchMetricsAction implements CheckpointAction {
    static final String ENDPOINT_SETTING = "cloudwatch.endpoint";
    static final String REGION_SETTING = "cloudwatch.region";
    private static final List<String> SETTINGS = List.of(ENDPOINT_SETTING, REGION_SETTING);

    private final CloudWatchActionConfig config;
    private final PrintStream emfOut;

    /** {@code emfOut} null: standard output. */
    PublishCloudWatchMetricsAction(CloudWatchActionConfig config, PrintStream emfOut) {
        this.config = config;
        this.emfOut = emfOut;
    }

    @Override
    public String run(CheckpointRun run, ActionContext context) {
        List<Validation> validations = Validation.of(run);
        if (config.output() == CloudWatchActionConfig.Output.EMF) {
            EmbeddedMetricFormat emf = emfOut == null
                    ? EmbeddedMetricFormat.toStandardOutput(config.schema())
                    : EmbeddedMetricFormat.to(emfOut, config.schema());
            return emf.write(validations).describeEmf(emf.destination());
        }
        Map<String, String> settings = context.settings();
        for (String key : settings.keySet()) {
            if (key.startsWith("cloudwatch.") && !SETTINGS.contains(key)) {
                throw CloudWatchActionConfig.error(
                        PublishCloudWatchMetricsProvider.TYPE,
                        "unknown setting '" + key + "'; CloudWatch settings: " + String.join(", ", SETTINGS));
            }
        }
        CloudWatchPublisher.Builder builder = CloudWatchPublisher.builder()
                .schema(config.schema())
                .retries(config.attempts(), CloudWatchPublisher.DEFAULT_BASE_DELAY);
        Optional<String> region = config.region().or(() -> Optional.ofNullable(settings.get(REGION_SETTING)));
        region.ifPresent(builder::region);
        Optional<URI> endpoint = config.endpoint().or(() -> Optional.ofNullable(settings.get(ENDPOINT_SETTING))
                .map(e -> CloudWatchActionConfig.endpoint(
                        PublishCloudWatchMetricsProvider.TYPE, "the setting " + ENDPOINT_SETTING, e)));
        endpoint.ifPresent(builder::endpoint);
        try (CloudWatchPublisher publisher = builder.build()) {
            return publisher.publish(validations).describe();
        }
    }
}
