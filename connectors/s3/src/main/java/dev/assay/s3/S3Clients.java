package dev.assay.s3;

import dev.assay.error.AssayException;
import dev.assay.error.ErrorCode;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;

/** Builds the {@link S3Client} an {@link S3Source} describes. */
final class S3Clients {
    static final Duration MAX_DELAY = Duration.ofSeconds(20);

    private S3Clients() {}

    static S3Client build(S3Settings s) {
        return build(s, true);
    }

    /**
     * The client for {@code s}; with {@code expectContinue} false, uploads are sent without {@code Expect:
     * 100-continue}, which the JDK's HttpURLConnection and some servers handle badly ("Error writing request
     * body to server") and which small objects do not need.
     */
    static S3Client build(S3Settings s, boolean expectContinue) {
        S3ClientBuilder builder = S3Client.builder()
                // The JDK's HttpURLConnection: no extra jars, streams bodies, keeps connections alive.
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(10))
                        .socketTimeout(Duration.ofSeconds(60)))
                .region(Region.of(region(s)))
                .credentialsProvider(new GuardedCredentials(credentials(s)))
                .forcePathStyle(s.pathStyle())
                // Ranged reads have no whole-object checksum to check; S3-compatible stores vary in support.
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .overrideConfiguration(o -> o.retryStrategy(retryStrategy(s.attempts(), s.baseDelay())));
        if (s.endpoint() != null) {
            builder.endpointOverride(s.endpoint());
        }
        if (!expectContinue) {
            builder.serviceConfiguration(
                    S3Configuration.builder().expectContinueEnabled(false).build());
        }
        return builder.build();
    }

    /**
     * The SDK's standard strategy (throttling, 5xx, I/O errors), with full-jitter exponential backoff.
     * The retry quota ("circuit breaker") is off: a validation run would rather wait than fail halfway.
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

    private static AwsCredentialsProvider credentials(S3Settings s) {
        if (s.credentials() != null) {
            return s.credentials();
        }
        if (s.profile() != null) {
            return ProfileCredentialsProvider.create(s.profile());
        }
        return DefaultCredentialsProvider.builder().build();
    }

    private static String region(S3Settings s) {
        if (s.region() != null) {
            return s.region();
        }
        if (s.endpoint() != null) {
            // An S3-compatible store hardly cares about the region; never ask the instance metadata service.
            return configuredRegion(s.profile()).orElse("us-east-1");
        }
        try {
            return DefaultAwsRegionProviderChain.builder()
                    .profileName(s.profile())
                    .build()
                    .getRegion()
                    .id();
        } catch (SdkClientException e) {
            throw new AssayException(
                    ErrorCode.INVALID_CONFIGURATION,
                    "no AWS region for s3://" + s.bucket() + "/: set one with S3Source.region(...), the option"
                            + " s3.region, the AWS_REGION environment variable or a region in the profile",
                    e);
        }
    }

    private static Optional<String> configuredRegion(String profile) {
        String property = System.getProperty("aws.region");
        if (property != null && !property.isBlank()) {
            return Optional.of(property.trim());
        }
        String env = System.getenv("AWS_REGION");
        if (env != null && !env.isBlank()) {
            return Optional.of(env.trim());
        }
        try {
            AwsProfileRegionProvider p = profile == null
                    ? new AwsProfileRegionProvider()
                    : new AwsProfileRegionProvider(
                            software.amazon.awssdk.profiles.ProfileFile::defaultProfileFile, profile);
            return Optional.of(p.getRegion().id());
        } catch (SdkClientException e) {
            return Optional.empty();
        }
    }

    /**
     * Marks a failure to find credentials, so it is told apart from a request S3 refused, whatever the
     * SDK wraps it in.
     */
    static final class CredentialsNotFoundException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CredentialsNotFoundException(RuntimeException cause) {
            super("no credentials found", cause);
        }
    }

    private static final class GuardedCredentials implements AwsCredentialsProvider {
        private final AwsCredentialsProvider delegate;

        GuardedCredentials(AwsCredentialsProvider delegate) {
            this.delegate = delegate;
        }

        @Override
        public AwsCredentials resolveCredentials() {
            try {
                return delegate.resolveCredentials();
            } catch (SdkClientException | IllegalStateException e) {
                throw new CredentialsNotFoundException(e);
            }
        }

        @Override
        public String toString() {
            return delegate.getClass().getSimpleName();
        }
    }
}
