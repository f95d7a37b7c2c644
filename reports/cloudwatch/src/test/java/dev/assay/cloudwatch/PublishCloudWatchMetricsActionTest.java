package dev.assay.cloudwatch;

import static dev.assay.cloudwatch.TestValidations.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.checkpoint.ActionContext;
import dev.assay.checkpoint.CheckpointAction;
import dev.assay.checkpoint.CheckpointActionProvider;
import dev.assay.checkpoint.CheckpointRun;
import dev.assay.checkpoint.ValidationRun;
import dev.assay.cloudwatch.LocalCloudWatch.Datum;
import dev.assay.error.AssayException;
import dev.assay.error.ErrorCode;
import dev.assay.store.MetricHistory;
import dev.assay.store.ResultStore;
import dev.assay.store.Store;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublishCloudWatchMetricsActionTest {
    private static final String TYPE = "publish_cloudwatch_metrics";

    @TempDir
    Path project;

    private LocalCloudWatch cloudWatch;
    private final Map<String, String> settings = new HashMap<>();
    private final ByteArrayOutputStream human = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws IOException {
        cloudWatch = new LocalCloudWatch();
    }

    @AfterEach
    void stop() {
        assertThat(cloudWatch.problems()).isEmpty();
        cloudWatch.close();
    }

    /** The project a checkpoint belongs to, with its own stores in a temporary folder. */
    private final class TestContext implements ActionContext {
        @Override
        public Path projectDir() {
            return project;
        }

        @Override
        public ResultStore results() {
            return new ResultStore(Store.local(project.resolve("results")));
        }

        @Override
        public MetricHistory metricHistory() {
            return new MetricHistory(Store.local(project.resolve("history")));
        }

        @Override
        public Store docsSite(String name) {
            return Store.local(project.resolve("docs"));
        }

        @Override
        public List<String> docsSites() {
            return List.of("local");
        }

        @Override
        public Map<String, String> settings() {
            return Map.copyOf(settings);
        }

        @Override
        public PrintStream out() {
            return new PrintStream(human, true, StandardCharsets.UTF_8);
        }
    }

    private static CheckpointRun run() {
        return new CheckpointRun(
                "nightly",
                "run-1",
                STARTED,
                List.of(
                        new ValidationRun("orders_csv", TestValidations.orders(STARTED), Optional.empty()),
                        new ValidationRun("customers", TestValidations.customers(STARTED), Optional.empty())));
    }

    private String runAction(Map<String, Object> config) throws Exception {
        CheckpointAction action = new PublishCloudWatchMetricsProvider().create(config);
        return action.run(run(), new TestContext());
    }

    @Test
    void the_provider_is_found_by_its_type() {
        List<String> types = new ArrayList<>();
        ServiceLoader.load(CheckpointActionProvider.class).forEach(p -> types.add(p.type()));

        assertThat(types).contains(TYPE);
    }

    @Nested
    class Through_the_API {
        @Test
        void publishes_every_validation_of_the_run_to_the_endpoint_in_the_settings() throws Exception {
            settings.put("cloudwatch.endpoint", cloudWatch.endpoint().toString());
            settings.put("cloudwatch.region", "us-west-2");

            String summary = runAction(Map.of());

            assertThat(summary).isEqualTo("published 8 metrics to CloudWatch namespace Assay in 1 request");
            assertThat(cloudWatch.accepted()).singleElement().satisfies(r -> {
                assertThat(r.signingRegion()).isEqualTo("us-west-2");
                assertThat(r.namespace()).isEqualTo("Assay");
            });
            assertThat(cloudWatch.data())
                    .extracting(
                            Datum::metricName,
                            d -> d.dimensions().get("DataAsset"),
                            d -> d.dimensions().get("Checkpoint"),
                            Datum::value)
                    .startsWith(tuple("ValidationSuccess", "orders_csv", "nightly", 0.0))
                    .contains(tuple("ValidationSuccess", "customers", "nightly", 1.0));
            assertThat(cloudWatch.data())
                    .allSatisfy(d -> assertThat(d.timestamp()).isEqualTo(STARTED));
            assertThat(human.size()).isZero();
        }

        @Test
        void the_action_s_own_endpoint_and_region_win_over_the_settings() throws Exception {
            settings.put("cloudwatch.endpoint", "http://127.0.0.1:9");
            settings.put("cloudwatch.region", "us-west-2");
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("endpoint", cloudWatch.endpoint().toString());
            config.put("region", "ap-south-1");

            runAction(config);

            assertThat(cloudWatch.accepted()).singleElement().satisfies(r -> assertThat(r.signingRegion())
                    .isEqualTo("ap-south-1"));
        }

        @Test
        void every_key_shapes_the_metrics() throws Exception {
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("Environment", "prod");
            extra.put("Shard", 3);
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("namespace", "DataQuality");
            config.put("dimensions", List.of("DataAsset"));
            config.put("extra_dimensions", extra);
            config.put("observed_values", true);
            config.put("output", "api");
            config.put("endpoint", cloudWatch.endpoint().toString());
            config.put("max_attempts", 2);

            String summary = runAction(config);

            assertThat(summary).isEqualTo("published 16 metrics to CloudWatch namespace DataQuality in 1 request");
            assertThat(cloudWatch.data().get(0).dimensions())
                    .containsExactly(
                            Map.entry("DataAsset", "orders_csv"),
                            Map.entry("Environment", "prod"),
                            Map.entry("Shard", "3"));
            assertThat(cloudWatch.data())
                    .filteredOn(d -> d.metricName().equals("ObservedValue"))
                    .extracting(d -> d.dimensions().get("Expectation"), Datum::value)
                    .containsExactly(
                            tuple("expect_column_mean_to_be_between", 21.0),
                            tuple("expect_table_row_count_to_be_between", 3.0));
        }

        @Test
        void fails_with_a_message_naming_namespace_endpoint_and_error_when_every_attempt_fails() {
            cloudWatch.failAlways(LocalCloudWatch.internalError());
            settings.put("cloudwatch.endpoint", cloudWatch.endpoint().toString());

            assertThatThrownBy(() -> runAction(Map.of("max_attempts", 2)))
                    .isInstanceOf(CloudWatchPublishException.class)
                    .hasMessage("cannot publish 8 metrics to CloudWatch namespace Assay at " + cloudWatch.endpoint()
                            + " (region eu-west-1): HTTP 500 InternalServiceError (scripted InternalServiceFault),"
                            + " request id req-2, after 2 attempts");
            assertThat(cloudWatch.attempts()).isEqualTo(2);
        }

        @Test
        void an_unknown_cloudwatch_setting_is_an_error_naming_it() {
            settings.put("cloudwatch.endpiont", cloudWatch.endpoint().toString());

            assertThatThrownBy(() -> runAction(Map.of()))
                    .isInstanceOf(AssayException.class)
                    .hasMessage("publish_cloudwatch_metrics: unknown key 'settings.cloudwatch.endpiont' (did you mean"
                            + " 'cloudwatch.endpoint'?); known keys here: cloudwatch.endpoint, cloudwatch.region");
            assertThat(cloudWatch.attempts()).isZero();
        }

        @Test
        void an_endpoint_setting_that_is_not_an_http_url_is_an_error_without_its_user_info() {
            settings.put("cloudwatch.endpoint", "ftp://user:secret@127.0.0.1:1/x");

            assertThatThrownBy(() -> runAction(Map.of()))
                    .isInstanceOf(AssayException.class)
                    .hasMessage("publish_cloudwatch_metrics: settings.cloudwatch.endpoint must be an http:// or"
                            + " https:// URL with a host, got 'ftp://127.0.0.1:1/x'");
            assertThat(cloudWatch.attempts()).isZero();
        }
    }

    @Nested
    class As_Embedded_Metric_Format {
        @Test
        void writes_json_lines_to_its_stream_and_nothing_to_the_human_output() throws Exception {
            ByteArrayOutputStream emf = new ByteArrayOutputStream();
            CheckpointAction action = new PublishCloudWatchMetricsProvider(
                            new PrintStream(emf, true, StandardCharsets.UTF_8))
                    .create(Map.of("output", "emf", "namespace", "DQ"));

            String summary = action.run(run(), new TestContext());

            assertThat(summary)
                    .isEqualTo("wrote 8 metrics for CloudWatch namespace DQ in 2 Embedded Metric Format lines to the"
                            + " given stream");
            String[] lines = emf.toString(StandardCharsets.UTF_8).split("\n");
            assertThat(lines).hasSize(2);
            ObjectMapper json = new ObjectMapper();
            JsonNode first = json.readTree(lines[0]);
            assertThat(first.get("_aws")
                            .get("CloudWatchMetrics")
                            .get(0)
                            .get("Namespace")
                            .asText())
                    .isEqualTo("DQ");
            assertThat(first.get("DataAsset").asText()).isEqualTo("orders_csv");
            assertThat(json.readTree(lines[1]).get("DataAsset").asText()).isEqualTo("customers");
            assertThat(human.size()).isZero();
            assertThat(cloudWatch.attempts()).isZero();
        }

        @Test
        void goes_to_standard_output_from_the_provider_service_loader_finds() throws Exception {
            ByteArrayOutputStream captured = new ByteArrayOutputStream();
            PrintStream original = System.out;
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            String summary;
            try {
                summary = runAction(Map.of("output", "emf"));
            } finally {
                System.setOut(original);
            }

            assertThat(summary)
                    .isEqualTo("wrote 8 metrics for CloudWatch namespace Assay in 2 Embedded Metric Format lines to"
                            + " standard output");
            assertThat(captured.toString(StandardCharsets.UTF_8).split("\n"))
                    .hasSize(2)
                    .allSatisfy(l -> assertThat(l).startsWith("{\"_aws\":"));
        }
    }

    @Nested
    class Bad_configuration {
        private void assertRejected(Map<String, Object> config, String message) {
            assertThatThrownBy(() -> new PublishCloudWatchMetricsProvider().create(config))
                    .isInstanceOf(AssayException.class)
                    .hasMessage(message)
                    .satisfies(e -> assertThat(((AssayException) e).code()).isEqualTo(ErrorCode.INVALID_CONFIGURATION));
        }

        @Test
        void an_unknown_key() {
            assertRejected(
                    Map.of("namespce", "DQ"),
                    "publish_cloudwatch_metrics: unknown key 'namespce' (did you mean 'namespace'?); known keys here:"
                            + " namespace, dimensions, extra_dimensions, observed_values, output, region, endpoint,"
                            + " max_attempts");
        }

        @Test
        void an_empty_namespace() {
            assertRejected(
                    Map.of("namespace", ""),
                    "publish_cloudwatch_metrics: the CloudWatch namespace is empty; leave it out for the"
                            + " default 'Assay' or name one");
        }

        @Test
        void too_many_dimensions() {
            Map<String, Object> extra = new LinkedHashMap<>();
            for (int i = 0; i < 28; i++) {
                extra.put("D" + i, "v");
            }
            assertThatThrownBy(() -> new PublishCloudWatchMetricsProvider().create(Map.of("extra_dimensions", extra)))
                    .hasMessageStartingWith("publish_cloudwatch_metrics: too many dimensions: CloudWatch allows"
                            + " at most 30 per metric, and these metrics would have 31 [Suite, DataAsset,"
                            + " Checkpoint, D0, ");
        }

        @Test
        void an_unknown_dimension() {
            assertRejected(
                    Map.of("dimensions", List.of("Suite", "Batch")),
                    "publish_cloudwatch_metrics: dimensions names an unknown dimension 'Batch'; valid dimensions:"
                            + " Suite, DataAsset, Checkpoint");
        }

        @Test
        void dimensions_that_are_not_a_list() {
            assertRejected(
                    Map.of("dimensions", "Suite"),
                    "publish_cloudwatch_metrics: dimensions must be a list, got 'Suite'");
        }

        @Test
        void observed_values_that_is_not_a_boolean() {
            assertRejected(
                    Map.of("observed_values", "yes"),
                    "publish_cloudwatch_metrics: observed_values must be true or false, got 'yes'");
        }

        @Test
        void an_unknown_output() {
            assertRejected(
                    Map.of("output", "logs"), "publish_cloudwatch_metrics: output must be one of api, emf, got 'logs'");
        }

        @Test
        void an_endpoint_with_emf_output() {
            assertRejected(
                    Map.of("output", "emf", "endpoint", "http://127.0.0.1:1"),
                    "publish_cloudwatch_metrics: endpoint applies to output: api only; Embedded Metric Format"
                            + " lines go to standard output and make no AWS call");
        }

        @Test
        void an_endpoint_that_is_not_an_http_url() {
            assertRejected(
                    Map.of("endpoint", "127.0.0.1:4566"),
                    "publish_cloudwatch_metrics: endpoint must be an http:// or https:// URL with a host, got"
                            + " '127.0.0.1:4566'");
        }

        @Test
        void max_attempts_out_of_range() {
            assertRejected(
                    Map.of("max_attempts", 0), "publish_cloudwatch_metrics: max_attempts must be at least 1, got 0");
        }

        @Test
        void an_extra_dimension_value_that_is_a_list() {
            assertRejected(
                    Map.of("extra_dimensions", Map.of("Team", List.of("a"))),
                    "publish_cloudwatch_metrics: extra_dimensions.Team must be a text value, got a list");
        }
    }
}
