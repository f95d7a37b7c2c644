package dev.assay.s3;

import static java.util.Objects.requireNonNull;

import dev.assay.error.AssayException;
import dev.assay.error.ErrorCode;
import dev.assay.source.FileAsset;
import dev.assay.source.FileDataSource;
import dev.assay.source.FileFormat;
import dev.assay.source.FileSource;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The objects of one S3 bucket (or a key prefix in it), from which data assets are declared by path
 * patterns, as with a local folder. Works with Amazon S3 and S3-compatible stores (MinIO, Ceph,
 * LocalStack) through {@link #endpoint} and {@link #pathStyle}.
 *
 * <pre>{@code
 * S3Source lake = S3Source.bucket("analytics-lake").region("eu-west-1").prefix("raw/");
 * FileAsset trips = lake.asset("trips", "trips/year={year}/month={month}/*.parquet");
 * ValidationResult result = Validator.create().validate(trips.latestBatch(), suite);
 * }</pre>
 *
 * <p>Immutable and thread-safe: each setting returns a new source. A source builds its {@link S3Client}
 * lazily, on the first request, and shares it between every asset, batch and thread; {@link #close()}
 * releases it. Credentials come from the SDK's default chain unless {@link #profile} or {@link
 * #credentials} says otherwise. See {@code docs/s3.md}.
 */
public final class S3Source implements FileDataSource, AutoCloseable {
    static final int DEFAULT_ATTEMPTS = 5;
    static final Duration DEFAULT_BASE_DELAY = Duration.ofMillis(200);
    static final int DEFAULT_PAGE_SIZE = 1000;

    private final S3Settings settings;
    private final S3FileStore store;

    private S3Source(S3Settings settings) {
        this.settings = settings;
        this.store = new S3FileStore(settings);
    }

    /**
     * The objects of {@code bucket} (never null, not empty), with the default region, credentials and
     * endpoint.
     */
    public static S3Source bucket(String bucket) {
        requireNonNull(bucket, "bucket is null");
        if (bucket.isBlank() || bucket.contains("/")) {
            throw new AssayException(
                    ErrorCode.INVALID_CONFIGURATION,
                    "bucket name '" + bucket + "' is not valid; give the bare name, e.g. 'analytics-lake'");
        }
        return new S3Source(new S3Settings(
                bucket,
                "",
                null,
                null,
                false,
                null,
                null,
                null,
                DEFAULT_ATTEMPTS,
                DEFAULT_BASE_DELAY,
                DEFAULT_PAGE_SIZE));
    }

    /**
     * Only the keys under {@code prefix} (never null), such as {@code raw/}; asset patterns are relative
     * to it. A prefix that does not end in {@code /} gets one, so {@code raw} never matches {@code
     * rawdata/}.
     */
    public S3Source prefix(String prefix) {
        requireNonNull(prefix, "prefix is null");
        String p = prefix.startsWith("/") ? prefix.substring(1) : prefix;
        if (!p.isEmpty() && !p.endsWith("/")) {
            p = p + "/";
        }
        return with(settings.withPrefix(p));
    }

    /**
     * The AWS region, such as {@code eu-west-1} (never null). Without one, the SDK's region chain is
     * asked ({@code aws.region}, {@code AWS_REGION}, the profile's region, the instance's region); with an
     * {@link #endpoint} and no region found, {@code us-east-1} is used.
     */
    public S3Source region(String region) {
        requireNonNull(region, "region is null");
        if (region.isBlank()) {
            throw new AssayException(ErrorCode.INVALID_CONFIGURATION, "region is empty; give e.g. 'eu-west-1'");
        }
        return with(settings.withRegion(region.trim().toLowerCase(Locale.ROOT)));
    }

    /**
     * An S3-compatible endpoint instead of AWS's, such as {@code http://127.0.0.1:9000} for MinIO (never
     * null); usually with {@link #pathStyle pathStyle(true)}.
     */
    public S3Source endpoint(URI endpoint) {
        requireNonNull(endpoint, "endpoint is null");
        if (endpoint.getScheme() == null
                || !(endpoint.getScheme().equalsIgnoreCase("http")
                        || endpoint.getScheme().equalsIgnoreCase("https"))
                || endpoint.getHost() == null) {
            throw new AssayException(
                    ErrorCode.INVALID_CONFIGURATION,
                    "endpoint '" + S3Settings.redact(endpoint) + "' is not an http or https URL with a host, e.g."
                            + " http://127.0.0.1:9000");
        }
        return with(settings.withEndpoint(endpoint));
    }

    /**
     * Whether to address the bucket in the path ({@code http://host/bucket/key}) rather than in the host
     * name ({@code http://bucket.host/key}); most S3-compatible stores need {@code true}. Default false.
     */
    public S3Source pathStyle(boolean pathStyle) {
        return with(settings.withPathStyle(pathStyle));
    }

    /**
     * Credentials (and, unless {@link #region} is set, the region) from the named profile of the shared
     * AWS config and credentials files ({@code ~/.aws/config}, {@code ~/.aws/credentials}); never null.
     */
    public S3Source profile(String profile) {
        requireNonNull(profile, "profile is null");
        if (profile.isBlank()) {
            throw new AssayException(ErrorCode.INVALID_CONFIGURATION, "profile name is empty");
        }
        return with(settings.withProfile(profile));
    }

    /** Credentials from {@code provider} (never null) instead of the default chain or a profile. */
    public S3Source credentials(AwsCredentialsProvider provider) {
        return with(settings.withCredentials(requireNonNull(provider, "provider is null")));
    }

    /**
     * Uses {@code client} (never null) for every request instead of building one; region, endpoint,
     * credentials and retry settings are then the client's. The caller keeps ownership: {@link #close()}
     * does not close it.
     */
    public S3Source client(S3Client client) {
        return with(settings.withClient(requireNonNull(client, "client is null")));
    }

    /**
     * How many times a request is tried in all (at least 1, default 5) when S3 throttles ({@code 503
     * SlowDown}, {@code 429}), fails ({@code 5xx}) or the connection breaks, waiting an exponentially
     * growing, jittered delay from {@code baseDelay} (never null; default 200 ms) between tries.
     */
    public S3Source retries(int attempts, Duration baseDelay) {
        requireNonNull(baseDelay, "baseDelay is null");
        if (attempts < 1 || baseDelay.isNegative()) {
            throw new AssayException(
                    ErrorCode.INVALID_CONFIGURATION,
                    "retries need at least 1 attempt and a delay >= 0, got " + attempts + " and " + baseDelay);
        }
        return with(settings.withRetries(attempts, baseDelay));
    }

    /** Keys per listing request (1 to 1000); smaller pages only serve tests. */
    S3Source listPageSize(int pageSize) {
        return with(settings.withPageSize(pageSize));
    }

    private S3Source with(S3Settings changed) {
        return new S3Source(changed);
    }

    /** The bucket, never null. */
    public String bucket() {
        return settings.bucket();
    }

    /** The key prefix, empty or ending in {@code /}; never null. */
    public String prefix() {
        return settings.prefix();
    }

    /** The region set with {@link #region}, if any. */
    public Optional<String> region() {
        return Optional.ofNullable(settings.region());
    }

    /**
     * The store of this source's objects; the same instance on every call, so its {@linkplain
     * S3FileStore#bytesReceived() counters} add up every read of every asset.
     */
    public S3FileStore store() {
        return store;
    }

    /** {@code s3://bucket/prefix}. */
    @Override
    public String root() {
        return store.root();
    }

    /**
     * Declares a data asset read in the format its keys' extensions name ({@code .csv}, {@code
     * .csv.gz}, {@code .parquet}, ... with the format's module on the class path).
     *
     * @see FileSource#asset(String, String)
     */
    @Override
    public FileAsset asset(String name, String pattern) {
        return FileSource.of(store).asset(name, pattern);
    }

    /**
     * Declares a data asset whose objects are read with {@code format}.
     *
     * @see FileSource#asset(String, String, FileFormat)
     */
    @Override
    public FileAsset asset(String name, String pattern, FileFormat format) {
        return FileSource.of(store).asset(name, pattern, format);
    }

    /** Closes the S3 client this source built, if it built one; a client given with {@link #client} stays open. */
    @Override
    public void close() {
        store.close();
    }

    @Override
    public String toString() {
        return "S3Source[" + root() + "]";
    }
}
