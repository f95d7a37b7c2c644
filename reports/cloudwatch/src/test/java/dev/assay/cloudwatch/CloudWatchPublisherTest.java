package dev.assay.cloudwatch;

import static dev.assay.cloudwatch.TestValidations.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.assay.cloudwatch.LocalCloudWatch.Datum;
import dev.assay.error.AssayException;
import dev.assay.error.ErrorCode;
import dev.assay.result.ExpectationResult;
import dev.assay.result.Passed;
import dev.assay.result.ResultDetails;
import dev.assay.result.ValidationResult;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

class CloudWatchPublisherTest {
    private LocalCloudWatch cloudWatch;

    @BeforeEach
    void start() throws IOException {
        cloudWatch = new LocalCloudWatch();
    }

    @AfterEach
    void stop() {
        assertThat(cloudWatch.problems()).isEmpty();
        cloudWatch.close();
    }

    private CloudWatchPublisher.Builder publisher() {
        return CloudWatchPublisher.builder()
                .endpoint(cloudWatch.endpoint())
                .region("eu-west-1")
                .credentials(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(LocalCloudWatch.ACCESS_KEY, "test-secret")))
                .retries(3, Duration.ofMillis(1));
    }

    private static PublishSummary publish(CloudWatchPublisher.Builder builder, List<Validation> validations) {
        try (CloudWatchPublisher publisher = builder.build()) {
            return publisher.publish(validations);
        }
    }

    private static Validation orders() {
        return new Validation("nightly", "orders_csv", TestValidations.orders(STARTED));
    }

    @Nested
    class What_is_published {
        @Test
        void four_metrics_per_validation_with_suite_asset_and_checkpoint_at_the_validation_start() {
            PublishSummary summary = publish(publisher(), List.of(orders()));

            assertThat(summary.describe()).isEqualTo("published 4 metrics to CloudWatch namespace Assay in 1 request");
            assertThat(cloudWatch.accepted()).singleElement().satisfies(r -> assertThat(r.namespace())
                    .isEqualTo("Assay"));
            Map<String, String> dims = new LinkedHashMap<>();
            dims.put("Suite", "orders");
            dims.put("DataAsset", "orders_csv");
            dims.put("Checkpoint", "nightly");
            assertThat(cloudWatch.data())
                    .extracting(Datum::metricName, Datum::value, Datum::unit, Datum::dimensions, Datum::timestamp)
                    .containsExactly(
                            tuple("ValidationSuccess", 0.0, "None", dims, STARTED),
                            tuple("SuccessPercent", 50.0, "Percent", dims, STARTED),
                            tuple("EvaluatedExpectations", 4.0, "Count", dims, STARTED),
                            tuple("UnsuccessfulExpectations", 2.0, "Count", dims, STARTED));
            assertThat(new ArrayList<>(cloudWatch.data().get(0).dimensions().keySet()))
                    .containsExactly("Suite", "DataAsset", "Checkpoint");
        }

        @Test
        void a_passing_validation_publishes_success_1_and_100_percent() {
            publish(publisher(), List.of(new Validation("nightly", "customers", TestValidations.customers(STARTED))));

            assertThat(cloudWatch.data())
                    .extracting(Datum::metricName, Datum::value)
                    .containsExactly(
                            tuple("ValidationSuccess", 1.0),
                            tuple("SuccessPercent", 100.0),
                            tuple("EvaluatedExpectations", 1.0),
                            tuple("UnsuccessfulExpectations", 0.0));
        }

        @Test
        void observed_values_and_unexpected_counts_carry_expectation_and_column_dimensions() {
            MetricSchema schema =
                    MetricSchema.builder().includeObservedValues(true).build();

            PublishSummary summary = publish(publisher().schema(schema), List.of(orders()));

            List<Datum> perExpectation =
                    cloudWatch.data().subList(4, cloudWatch.data().size());
            assertThat(perExpectation)
                    .extracting(
                            Datum::metricName,
                            d -> d.dimensions().get("Expectation"),
                            d -> d.dimensions().get("Column"),
                            Datum::value,
                            Datum::unit)
                    .containsExactly(
                            tuple("UnexpectedCount", "expect_column_values_to_not_be_null", "amount", 1.0, "Count"),
                            tuple(
                                    "UnexpectedPercent",
                                    "expect_column_values_to_not_be_null",
                                    "amount",
                                    100.0 / 3,
                                    "Percent"),
                            tuple("ObservedValue", "expect_column_mean_to_be_between", "amount", 21.0, "None"),
                            tuple("ObservedValue", "expect_table_row_count_to_be_between", null, 3.0, "None"),
                            tuple("UnexpectedCount", "expect_column_values_to_be_in_set", "status", 1.0, "Count"),
                            tuple(
                                    "UnexpectedPercent",
                                    "expect_column_values_to_be_in_set",
                                    "status",
                                    100.0 / 3,
                                    "Percent"));
            assertThat(perExpectation.get(3).dimensions().keySet())
                    .containsExactly("Suite", "DataAsset", "Checkpoint", "Expectation");
            assertThat(perExpectation).allSatisfy(d -> assertThat(d.timestamp()).isEqualTo(STARTED));
            assertThat(summary.metrics()).isEqualTo(10);
        }

        @Test
        void chosen_dimensions_come_first_then_extra_static_dimensions_in_their_order() {
            Map<String, String> extra = new LinkedHashMap<>();
            extra.put("Environment", "prod");
            extra.put("Team", "payments");
            MetricSchema schema = MetricSchema.builder()
                    .namespace("Team/DataQuality")
                    .dimensions(MetricDimension.DATA_ASSET)
                    .extraDimensions(extra)
                    .build();

            PublishSummary summary = publish(publisher().schema(schema), List.of(orders()));

            assertThat(summary.describe())
                    .isEqualTo("published 4 metrics to CloudWatch namespace Team/DataQuality in 1 request");
            assertThat(cloudWatch.accepted().get(0).namespace()).isEqualTo("Team/DataQuality");
            assertThat(cloudWatch.data())
                    .allSatisfy(d -> assertThat(new ArrayList<>(d.dimensions().entrySet()))
                            .containsExactly(
                                    Map.entry("DataAsset", "orders_csv"),
                                    Map.entry("Environment", "prod"),
                                    Map.entry("Team", "payments")));
        }

        @Test
        void observed_values_CloudWatch_cannot_hold_are_left_out_and_counted() {
            ValidationResult real = TestValidations.orders(STARTED);
            ExpectationResult mean = real.results().get(1);
            ExpectationResult nan =
                    new Passed(mean.expectation(), mean.resultFormat(), ResultDetails.observed(Double.NaN));
            ValidationResult result = new ValidationResult(
                    real.suiteName(), real.batchName(), List.of(nan), real.run(), real.batchIdentity());

            PublishSummary summary = publish(
                    publisher()
                            .schema(MetricSchema.builder()
                                    .includeObservedValues(true)
                                    .build()),
                    List.of(new Validation("nightly", "orders_csv", result)));

            assertThat(cloudWatch.data()).extracting(Datum::metricName).doesNotContain("ObservedValue");
            assertThat(summary.describe())
                    .isEqualTo("published 4 metrics to CloudWatch namespace Assay in 1 request (left out 1 observed"
                            + " value CloudWatch cannot hold: not finite, or beyond ±2^360)");
        }

        @Test
        void no_validations_make_no_request() {
            PublishSummary summary = publish(publisher(), List.of());

            assertThat(summary.describe()).isEqualTo("published 0 metrics to CloudWatch namespace Assay in 0 requests");
            assertThat(cloudWatch.attempts()).isZero();
        }
    }

    @Nested
    class Batching {
        @Test
        void more_than_1000_metrics_are_split_into_requests_of_at_most_1000() {
            List<Validation> validations = new ArrayList<>();
            for (int i = 0; i < 260; i++) {
                validations.add(new Validation("nightly", "asset-" + i, TestValidations.customers(STARTED)));
            }

            PublishSummary summary = publish(publisher(), validations);

            assertThat(summary.describe())
                    .isEqualTo("published 1040 metrics to CloudWatch namespace Assay in 2 requests");
            assertThat(cloudWatch.accepted()).extracting(r -> r.data().size()).containsExactly(1000, 40);
            assertThat(cloudWatch.data()).hasSize(1040);
            assertThat(cloudWatch.data().get(1039).dimensions()).containsEntry("DataAsset", "asset-259");
        }

        @Test
        void large_dimensions_split_requests_so_each_stays_under_1_MB() {
            MetricSchema.Builder schema = MetricSchema.builder();
            for (int i = 0; i < 27; i++) {
                schema.extraDimension(
                        "Tag" + i, String.valueOf((char) ('a' + i % 26)).repeat(1024));
            }
            List<Validation> validations = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                validations.add(new Validation("nightly", "asset-" + i, TestValidations.customers(STARTED)));
            }

            PublishSummary summary = publish(publisher().schema(schema.build()), validations);

            // 160 metrics of ~28 kB each: ~4.5 MB in all.
            assertThat(cloudWatch.data()).hasSize(160);
            assertThat(cloudWatch.accepted()).hasSize(summary.requests()).hasSizeGreaterThan(4);
            assertThat(cloudWatch.accepted()).allSatisfy(r -> {
                assertThat(r.bodyBytes()).isLessThanOrEqualTo(1_048_576);
                assertThat(r.data().get(0).dimensions()).hasSize(30);
            });
            assertThat(cloudWatch.accepted().get(0).bodyBytes()).isGreaterThan(900_000);
        }
    }

    @Nested
    class Retries {
        @Test
        void a_server_error_is_retried_and_the_metrics_published_once() {
            cloudWatch.failNext(LocalCloudWatch.internalError());

            PublishSummary summary = publish(publisher(), List.of(orders()));

            assertThat(cloudWatch.attempts()).isEqualTo(2);
            assertThat(cloudWatch.accepted()).hasSize(1);
            assertThat(summary.describe()).isEqualTo("published 4 metrics to CloudWatch namespace Assay in 1 request");
        }

        @Test
        void throttling_is_retried() {
            cloudWatch.failNext(LocalCloudWatch.throttling());

            publish(publisher(), List.of(orders()));

            assertThat(cloudWatch.attempts()).isEqualTo(2);
            assertThat(cloudWatch.data()).hasSize(4);
        }

        @Test
        void when_every_attempt_fails_the_error_names_the_namespace_endpoint_and_error() {
            cloudWatch.failAlways(LocalCloudWatch.internalError());

            assertThatThrownBy(() -> publish(publisher(), List.of(orders())))
                    .isInstanceOf(CloudWatchPublishException.class)
                    .hasMessage("cannot publish 4 metrics to CloudWatch namespace Assay at " + cloudWatch.endpoint()
                            + " (region eu-west-1): HTTP 500 InternalServiceError (scripted InternalServiceFault),"
                            + " request id req-3, after 3 attempts")
                    .satisfies(e -> assertThat(((AssayException) e).code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE));
            assertThat(cloudWatch.attempts()).isEqualTo(3);
            assertThat(cloudWatch.accepted()).isEmpty();
        }

        @Test
        void a_failure_after_some_requests_says_how_many_were_published() {
            List<Validation> validations = new ArrayList<>();
            for (int i = 0; i < 260; i++) {
                validations.add(new Validation("nightly", "asset-" + i, TestValidations.customers(STARTED)));
            }
            cloudWatch.failAfter(1, LocalCloudWatch.internalError());

            assertThatThrownBy(() -> publish(publisher(), validations))
                    .isInstanceOf(CloudWatchPublishException.class)
                    .hasMessageStartingWith("cannot publish 1040 metrics to CloudWatch namespace Assay at ")
                    .hasMessageEndingWith(
                            ", after 3 attempts; 1 of 2 requests (1000 metrics) had been published before it");
            assertThat(cloudWatch.attempts()).isEqualTo(4);
        }

        @Test
        void missing_credentials_are_told_apart_from_a_refusal() {
            CloudWatchPublisher.Builder noCredentials = CloudWatchPublisher.builder()
                    .endpoint(cloudWatch.endpoint())
                    .region("eu-west-1")
                    .credentials(ProfileCredentialsProvider.create("assay-no-such-profile"));

            assertThatThrownBy(() -> publish(noCredentials, List.of(orders())))
                    .isInstanceOf(CloudWatchPublishException.class)
                    .hasMessage("cannot publish 4 metrics to CloudWatch namespace Assay at " + cloudWatch.endpoint()
                            + " (region eu-west-1): no AWS credentials found by ProfileCredentialsProvider; provide"
                            + " them with the environment variables AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, a profile in"
                            + " ~/.aws/credentials (AWS_PROFILE), or an instance, container or Lambda role");
            assertThat(cloudWatch.attempts()).isZero();
        }

        @Test
        void an_endpoint_that_refuses_connections_fails_with_the_reason() throws IOException {
            int port;
            try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = free.getLocalPort();
            }
            URI closed = URI.create("http://127.0.0.1:" + port);

            assertThatThrownBy(() -> publish(publisher().endpoint(closed), List.of(orders())))
                    .isInstanceOf(CloudWatchPublishException.class)
                    .hasMessageStartingWith("cannot publish 4 metrics to CloudWatch namespace Assay at " + closed
                            + " (region eu-west-1): cannot reach it: connection refused")
                    .hasMessageEndingWith(", after 3 attempts");
        }
    }

    @Nested
    class Timestamps_CloudWatch_rejects {
        @Test
        void a_validation_older_than_14_days_is_refused_before_any_request() {
            Instant old = Instant.now().minus(15, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
            Validation stale = new Validation("nightly", "orders_csv", TestValidations.orders(old));

            assertThatThrownBy(() -> publish(publisher(), List.of(orders(), stale)))
                    .isInstanceOf(AssayException.class)
                    .hasMessage("the validation of suite 'orders' on data asset 'orders_csv' (checkpoint 'nightly')"
                            + " started at " + old + ", 15 days ago; CloudWatch rejects metric data older than 14"
                            + " days (namespace Assay)");
            assertThat(cloudWatch.attempts()).isZero();
        }

        @Test
        void a_validation_more_than_2_hours_ahead_is_refused() {
            Instant ahead = Instant.now().plus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

            assertThatThrownBy(() -> publish(
                            publisher(),
                            List.of(new Validation("nightly", "orders_csv", TestValidations.orders(ahead)))))
                    .isInstanceOf(AssayException.class)
                    .hasMessageStartingWith("the validation of suite 'orders' on data asset 'orders_csv' (checkpoint"
                            + " 'nightly') started at " + ahead + ", ")
                    .hasMessageEndingWith(" minutes from now; CloudWatch rejects metric data more than 2 hours in"
                            + " the future (namespace Assay); check this machine's clock");
            assertThat(cloudWatch.attempts()).isZero();
        }
    }

    @Nested
    class Configuration {
        @Test
        void a_client_cannot_be_combined_with_a_region() {
            try (var client = software.amazon.awssdk.services.cloudwatch.CloudWatchClient.builder()
                    .region(software.amazon.awssdk.regions.Region.EU_WEST_1)
                    .httpClientBuilder(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.builder())
                    .build()) {
                assertThatThrownBy(() -> CloudWatchPublisher.builder()
                                .client(client)
                                .region("eu-west-1")
                                .build())
                        .isInstanceOf(AssayException.class)
                        .hasMessage("a CloudWatch client was given together with a region, endpoint, credentials or"
                                + " retries; configure those on the client instead");
            }
        }

        @Test
        void a_given_client_is_used_and_left_open() {
            try (var client = software.amazon.awssdk.services.cloudwatch.CloudWatchClient.builder()
                    .region(software.amazon.awssdk.regions.Region.EU_WEST_1)
                    .endpointOverride(cloudWatch.endpoint())
                    .credentialsProvider(StaticCredentialsProvider.create(
                            AwsBasicCredentials.create(LocalCloudWatch.ACCESS_KEY, "test-secret")))
                    .httpClientBuilder(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.builder())
                    .build()) {
                publish(CloudWatchPublisher.builder().client(client), List.of(orders()));
                publish(CloudWatchPublisher.builder().client(client), List.of(orders()));
            }
            assertThat(cloudWatch.data()).hasSize(8);
        }

        @Test
        void an_endpoint_must_be_an_http_url() {
            assertThatThrownBy(() -> CloudWatchPublisher.builder()
                            .endpoint(URI.create("ftp://127.0.0.1/x"))
                            .build())
                    .isInstanceOf(AssayException.class)
                    .hasMessage(
                            "CloudWatch endpoint 'ftp://127.0.0.1/x' is not an http:// or https:// URL with a host");
        }
    }
}
