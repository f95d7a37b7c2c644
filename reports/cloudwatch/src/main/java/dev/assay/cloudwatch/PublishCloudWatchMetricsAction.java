package dev.assay.cloudwatch;

import dev.assay.checkpoint.ActionContext;
import dev.assay.checkpoint.CheckpointAction;
import dev.assay.checkpoint.CheckpointRun;
import dev.assay.project.Config;
import java.io.PrintStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The action {@code publish_cloudwatch_metrics}; see {@link PublishCloudWatchMetricsProvider}. */
final class PublishCloudWatchMetricsAction implements CheckpointAction {
    static final String ENDPOINT_SETTING = "cloudwatch.endpoint";
    static final String REGION_SETTING = "cloudwatch.region";

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
        Config settings = cloudWatchSettings(context.settings());
        Optional<String> regionSetting = settings.optionalString(REGION_SETTING);
        Optional<String> endpointSetting = settings.optionalString(ENDPOINT_SETTING);
        settings.done(ENDPOINT_SETTING, REGION_SETTING);
        Optional<String> region = config.region().or(() -> regionSetting);
        Optional<URI> endpoint = config.endpoint()
                .or(() -> endpointSetting.map(e -> CloudWatchActionConfig.endpoint(settings, ENDPOINT_SETTING, e)));
        CloudWatchPublisher.Builder builder = CloudWatchPublisher.builder()
                .schema(config.schema())
                .retries(config.attempts(), CloudWatchPublisher.DEFAULT_BASE_DELAY);
        region.ifPresent(builder::region);
        endpoint.ifPresent(builder::endpoint);
        try (CloudWatchPublisher publisher = builder.build()) {
            return publisher.publish(validations).describe();
        }
    }

    /**
     * The project's {@code cloudwatch.*} settings, read strictly so that a misspelt one is an error: the
     * others belong to other connectors.
     */
    private static Config cloudWatchSettings(Map<String, String> settings) {
        Map<String, Object> ours = new LinkedHashMap<>();
        settings.forEach((key, value) -> {
            if (key.startsWith("cloudwatch.")) {
                ours.put(key, value);
            }
        });
        return new Config(PublishCloudWatchMetricsProvider.TYPE, "settings", ours);
    }
}
