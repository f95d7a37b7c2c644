package dev.assay.cloudwatch;

import static java.util.Objects.requireNonNull;

import dev.assay.error.AssayException;
import dev.assay.error.ErrorCode;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClientBuilder;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;

/**
 * Publishes validations as CloudWatch metrics with {@code PutMetricData}: the metrics a {@link MetricSchema}
 * describes, in as few requests as CloudWatch's limits allow (1000 metrics, 1 MB a request), each retried by
 * the SDK's standard strategy (throttling, 5xx, I/O errors) with exponential backoff.
 *
 * <pre>{@code
 * try (CloudWatchPublisher publisher = CloudWatchPublisher.builder()
 *         .schema(MetricSchema.builder().namespace("DataQuality").extraDimension("Environment", "prod").build())
 *         .region("eu-west-1")
 *         .build()) {
 *     PublishSummary sent = publisher.publish(List.of(new Validation("nightly", "orders", result)));
 * }
 * }</pre>
 *
 * Credentials come from the SDK's default chain unless given. Thread-safe; {@link #close()} closes the
 * client it built, never one given to {@link Builder#client(CloudWatchClient)}.
 */
public final class CloudWatchPublisher implements AutoCloseable {
    /** Attempts per request unless set: the SDK standard strategy's. */
    public static final int DEFAULT_ATTEMPTS = 3;
    /** The first retry's backoff unless set; later ones double it, up to 20 seconds, with full jitter. */
    public static final Duration DEFAULT_BASE_DELAY = Duration.ofMillis(100);

    private static final Duration MAX_DELAY = Duration.ofSeconds(20);

    private final MetricSchema schema;
    private final CloudWatchClient client;
    private final boolean ownsClient;
    private final String where;
    private final String attempts;
    private final Clock clock;

    private CloudWatchPublisher(
            MetricSchema schema,
            CloudWatchClient client,
            boolean ownsClient,
            String where,
            String attempts,
            Clock clock) {
        this.schema = schema;
        this.client = client;
        this.ownsClient = ownsClient;
        this.where = where;
        this.attempts = attempts;
        this.clock = clock;
    }

    /** A builder: default schema, region and credentials from the SDK's chains, 3 attempts a request. */
    public static Builder builder() {
        return new Builder();
    }

    /** The schema the metrics follow, never null. */
    public MetricSchema schema() {
        return schema;
    }

    /**
     * Publishes the metrics of {@code validations} (never null). Every timestamp and dimension is checked
     * before the first request, so a bad validation sends nothing. Requests go one after another; when one
     * fails after its retries, those before it stay published and the message says how many.
     *
     * @return what was sent; no request is made for no validations
     * @throws AssayException with {@code INVALID_CONFIGURATION} for a validation CloudWatch would reject (see
     *     {@link MetricSchema#metrics(List)})
     * @throws CloudWatchPublishException when a request fails after its retries, naming the namespace, the
     *     endpoint and the error
     */
    public PublishSummary publish(List<Validation> validations) {
        ValidationMetrics metrics = schema.metrics(validations, clock);
        List<List<MetricPoint>> batches = RequestBatches.split(
                schema.namespace(),
                metrics.points(),
                CloudWatchLimits.MAX_METRICS_PER_REQUEST,
                CloudWatchLimits.MAX_REQUEST_BYTES);
        int sent = 0;
        for (int i = 0; i < batches.size(); i++) {
            List<MetricPoint> batch = batches.get(i);
            try {
                client.putMetricData(r -> r.namespace(schema.namespace()).metricData(data(batch)));
            } catch (SdkException | CloudWatchErrors.CredentialsNotFoundException e) {
                throw failure(e, metrics.points().size(), i, batches.size(), sent);
            }
            sent += batch.size();
        }
        return new PublishSummary(schema.namespace(), sent, batches.size(), metrics.skippedValues());
    }

    private static List<MetricDatum> data(List<MetricPoint> batch) {
        List<MetricDatum> data = new ArrayList<>(batch.size());
        for (MetricPoint p : batch) {
            List<Dimension> dims = new ArrayList<>(p.dimensions().size());
            for (Map.Entry<String, String> d : p.dimensions().entrySet()) {
                dims.add(
                        Dimension.builder().name(d.getKey()).value(d.getValue()).build());
            }
            data.add(MetricDatum.builder()
                    .metricName(p.name())
                    .dimensions(dims)
                    .timestamp(p.timestamp())
                    .value(p.value())
                    .unit(StandardUnit.fromValue(p.unit().cloudWatchName()))
                    .build());
        }
        return data;
    }

    private CloudWatchPublishException failure(RuntimeException e, int total, int failed, int requests, int sent) {
        StringBuilder m = new StringBuilder("cannot publish ")
                .append(PublishSummary.plural(total, "metric"))
                .append(" to CloudWatch namespace ")
                .append(schema.namespace())
                .append(" at ")
                .append(where)
                .append(": ")
                .append(CloudWatchErrors.describe(e, attempts));
        if (failed > 0) {
            m.append("; ")
                    .append(failed)
                    .append(" of ")
                    .append(PublishSummary.plural(requests, "request"))
                    .append(" (")
                    .append(PublishSummary.plural(sent, "metric"))
                    .append(") had been published before it");
        }
        return new CloudWatchPublishException(m.toString(), e);
    }

    @Override
    public void close() {
        if (ownsClient) {
            client.close();
        }
    }

    /** Builds a {@link CloudWatchPublisher}; not thread-safe. */
    public static final class Builder {
        private MetricSchema schema = MetricSchema.defaults();
        private CloudWatchClient client;
        private String region;
        private URI endpoint;
        private AwsCredentialsProvider credentials;
        private Integer attempts;
        private Duration baseDelay;
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /** Which metrics to publish (never null); {@link MetricSchema#defaults()} unless set. */
        public Builder schema(MetricSchema schema) {
            this.schema = requireNonNull(schema, "schema is null");
            return this;
        }

        /**
         * A client to publish with (never null), which the caller keeps and closes; its region, endpoint,
         * credentials and retries then apply, so none of those may be set here as well.
         */
        public Builder client(CloudWatchClient client) {
            this.client = requireNonNull(client, "client is null");
            return this;
        }

        /** The AWS region (never null), e.g. {@code eu-west-1}; the SDK's region chain unless set. */
        public Builder region(String region) {
            this.region = requireNonNull(region, "region is null");
            return this;
        }

        /** An endpoint to send requests to (never null), such as a VPC endpoint; AWS's for the region unless set. */
        public Builder endpoint(URI endpoint) {
            this.endpoint = requireNonNull(endpoint, "endpoint is null");
            return this;
        }

        /** The credentials (never null); the SDK's default chain unless set. */
        public Builder credentials(AwsCredentialsProvider credentials) {
            this.credentials = requireNonNull(credentials, "credentials is null");
            return this;
        }

        /**
         * Retries: {@code attempts} per request in all (1 = no retry), the first retry after up to {@code
         * baseDelay} (never null), doubling up to 20 seconds; throttled requests wait twice as long.
         */
        public Builder retries(int attempts, Duration baseDelay) {
            if (attempts < 1 || attempts > 20) {
                throw new AssayException(ErrorCode.INVALID_CONFIGURATION, "attempts must be 1 to 20, got " + attempts);
            }
            requireNonNull(baseDelay, "baseDelay is null");
            if (baseDelay.isNegative()) {
                throw new AssayException(
                        ErrorCode.INVALID_CONFIGURATION, "the base delay must not be negative, got " + baseDelay);
            }
            this.attempts = attempts;
            this.baseDelay = baseDelay;
            return this;
        }

        /** The clock timestamps are checked against (never null); the system's unless set. */
        public Builder clock(Clock clock) {
            this.clock = requireNonNull(clock, "clock is null");
            return this;
        }

        /**
         * The publisher.
         *
         * @throws AssayException with {@code INVALID_CONFIGURATION} when a client is combined with region,
         *     endpoint, credentials or retries, for an endpoint that is not an http(s) URL, or when no region
         *     is set and the SDK's chain finds none
         */
        public CloudWatchPublisher build() {
            if (client != null) {
                if (region != null || endpoint != null || credentials != null || attempts != null) {
                    throw new AssayException(
                            ErrorCode.INVALID_CONFIGURATION,
                            "a CloudWatch client was given together with a region, endpoint, credentials or"
                                    + " retries; configure those on the client instead");
                }
                return new CloudWatchPublisher(
                        schema, client, false, where(client), "the client's retry strategy", clock);
            }
            if (endpoint != null) {
                checkEndpoint(endpoint);
            }
            int tries = attempts == null ? DEFAULT_ATTEMPTS : attempts;
            Duration delay = baseDelay == null ? DEFAULT_BASE_DELAY : baseDelay;
            String resolvedRegion = region == null ? defaultRegion() : region;
            CloudWatchClientBuilder b = CloudWatchClient.builder()
                    // As assay-s3: the JDK's HttpURLConnection, no extra jars.
                    .httpClientBuilder(UrlConnectionHttpClient.builder()
                            .connectionTimeout(Duration.ofSeconds(10))
                            .socketTimeout(Duration.ofSeconds(30)))
                    .region(Region.of(resolvedRegion))
                    .credentialsProvider(new CloudWatchErrors.GuardedCredentials(
                            credentials == null
                                    ? DefaultCredentialsProvider.builder().build()
                                    : credentials))
                    .overrideConfiguration(o -> o.retryStrategy(retryStrategy(tries, delay)));
            if (endpoint != null) {
                b.endpointOverride(endpoint);
            }
            String at = endpoint == null
                    ? "AWS (region " + resolvedRegion + ")"
                    : CloudWatchErrors.redact(endpoint) + " (region " + resolvedRegion + ")";
            return new CloudWatchPublisher(schema, b.build(), true, at, PublishSummary.plural(tries, "attempt"), clock);
        }

        /**
         * The SDK's standard strategy with full-jitter exponential backoff. The retry quota ("circuit
         * breaker") is off: a run publishes a handful of requests and would rather wait than give up early.
         */
        static RetryStrategy retryStrategy(int attempts, Duration baseDelay) {
            Duration base = baseDelay.isZero() ? Duration.ofMillis(1) : baseDelay;
            return AwsRetryStrategy.standardRetryStrategy().toBuilder()
                    .maxAttempts(attempts)
                    .backoffStrategy(BackoffStrategy.exponentialDelay(base, MAX_DELAY))
                    .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(base.multipliedBy(2), MAX_DELAY))
                    .circuitBreakerEnabled(false)
                    .build();
        }

        private static void checkEndpoint(URI endpoint) {
            String scheme = endpoint.getScheme();
            if (scheme == null
                    || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || endpoint.getHost() == null) {
                throw new AssayException(
                        ErrorCode.INVALID_CONFIGURATION,
                        "CloudWatch endpoint '" + CloudWatchErrors.redact(endpoint)
                                + "' is not an http:// or https:// URL with a host");
            }
        }

        private String defaultRegion() {
            try {
                return DefaultAwsRegionProviderChain.builder()
                        .build()
                        .getRegion()
                        .id();
            } catch (SdkClientException e) {
                throw new AssayException(
                        ErrorCode.INVALID_CONFIGURATION,
                        "no AWS region to publish to CloudWatch namespace " + schema.namespace()
                                + ": set one with region(...), the action's 'region', the setting"
                                + " cloudwatch.region, the AWS_REGION environment variable or a region in the"
                                + " AWS profile",
                        e);
            }
        }

        private static String where(CloudWatchClient client) {
            return client.serviceClientConfiguration()
                    .endpointOverride()
                    .map(CloudWatchErrors::redact)
                    .orElseGet(() ->
                            "AWS (region " + client.serviceClientConfiguration().region() + ")");
        }
    }
}
