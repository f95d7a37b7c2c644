package dev.assay.s3;

import static java.util.Objects.requireNonNull;

import dev.assay.error.AssayException;
import dev.assay.error.StoreUnavailableException;
import dev.assay.store.Store;
import dev.assay.store.StoreKeys;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadBucketRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A {@link Store} in an S3 bucket, under a key prefix: Assay's results, metric history and data docs kept
 * in S3 or an S3-compatible store. Open one by URI with {@link dev.assay.store.Stores#open} ({@code
 * s3://bucket/assay/}, options as for {@link S3StoreProvider}) or from a source with {@link #of}.
 *
 * <ul>
 *   <li>{@link #write}: one PutObject, which S3 applies whole or not at all; the body carries its MD5, so
 *       S3 refuses a body damaged on the way.
 *   <li>{@link #create}: a PutObject with {@code If-None-Match: *}, which S3 applies only when no object
 *       is at the key; {@code 412 PreconditionFailed} means another creator was first. The SDK does not
 *       retry it; this store does, and when an earlier attempt may have landed without its answer coming
 *       back, a {@code 412} is this call's own object if the stored bytes equal the ones sent (so two
 *       creators of byte-identical content could both see true; the object holds those bytes either way).
 *   <li>{@link #list}: ListObjectsV2, every page; keys that are not valid store keys (folder markers
 *       ending in {@code /}, empty segments) are left out.
 *   <li>{@link #read}: GetObject; a missing key ({@code NoSuchKey}) is empty.
 *   <li>{@link #delete}: HeadObject, to tell whether there was an object, then DeleteObject.
 * </ul>
 *
 * Amazon S3 lets {@code a} and {@code a/b} both be objects, unlike a folder; S3-compatible stores kept
 * in a file system (such as s3proxy's) may refuse the second with {@code 500 InternalError}. Errors are {@link
 * StoreUnavailableException}s naming the bucket and key, the HTTP status and the S3 error code, and for a
 * denied request the permission that is missing. Thread-safe; builds its S3 client on first use and
 * {@link #close() closes} it.
 */
public final class S3ObjectStore implements Store {
    private static final AwsRequestOverrideConfiguration NO_SDK_RETRIES = AwsRequestOverrideConfiguration.builder()
            .addPlugin(config -> config.overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())))
            .build();

    private final S3Settings settings;
    private final Object lock = new Object();
    private S3Client client; // guarded by lock

    private S3ObjectStore(S3Settings settings) {
        this.settings = settings;
    }

    /**
     * A store in the bucket and under the prefix of {@code source} (never null), with its region, endpoint,
     * credentials and retries. The store builds its own client (or uses the one given with {@link
     * S3Source#client}); closing either does not close the other.
     */
    public static S3ObjectStore of(S3Source source) {
        return new S3ObjectStore(
                requireNonNull(source, "source is null").store().settings());
    }

    /** {@code s3://bucket/prefix}, the prefix empty or ending in {@code /}. */
    @Override
    public String root() {
        return "s3://" + settings.bucket() + "/" + settings.prefix();
    }

    @Override
    public Optional<byte[]> read(String key) {
        String objectKey = objectKey(key);
        try {
            return Optional.of(
                    client().getObjectAsBytes(b -> b.bucket(settings.bucket()).key(objectKey))
                            .asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (AwsServiceException e) {
            if (e.statusCode() == 404 && !"NoSuchBucket".equals(code(e))) {
                return Optional.empty();
            }
            throw error(e, "read", objectKey, "s3:GetObject");
        } catch (RuntimeException e) {
            throw error(e, "read", objectKey, "s3:GetObject");
        }
    }

    @Override
    public void write(String key, byte[] content) {
        requireNonNull(content, "content is null");
        String objectKey = objectKey(key);
        try {
            client().putObject(put(objectKey, content).build(), RequestBody.fromBytes(content));
        } catch (RuntimeException e) {
            throw error(e, "write", objectKey, "s3:PutObject");
        }
    }

    @Override
    public boolean create(String key, byte[] content) {
        requireNonNull(content, "content is null");
        String objectKey = objectKey(key);
        PutObjectRequest request = put(objectKey, content)
                .ifNoneMatch("*")
                .overrideConfiguration(NO_SDK_RETRIES)
                .build();
        boolean mayHaveLanded = false;
        RuntimeException last = null;
        for (int attempt = 1; attempt <= settings.attempts(); attempt++) {
            if (attempt > 1) {
                pause(attempt - 1, objectKey, last);
            }
            try {
                client().putObject(request, RequestBody.fromBytes(content));
                return true;
            } catch (AwsServiceException e) {
                int status = e.statusCode();
                if (status == 412) {
                    return mayHaveLanded
                            && read(key).map(b -> Arrays.equals(b, content)).orElse(false);
                }
                // 409 ConditionalRequestConflict: another conditional write to the key is under way.
                if (status != 409 && status != 429 && status < 500) {
                    throw error(e, "create", objectKey, "s3:PutObject");
                }
                mayHaveLanded |= status >= 500;
                last = e;
            } catch (SdkClientException e) {
                if (S3Errors.missingCredentials(e) || S3Errors.ioCause(e) == null) {
                    throw error(e, "create", objectKey, "s3:PutObject");
                }
                mayHaveLanded = true; // the request may have reached S3 before the connection broke
                last = e;
            } catch (RuntimeException e) {
                throw error(e, "create", objectKey, "s3:PutObject");
            }
        }
        throw error(last, "create", objectKey, "s3:PutObject");
    }

    @Override
    public List<String> list(String prefix) {
        StoreKeys.checkPrefix(prefix);
        String full = settings.prefix() + prefix;
        List<String> keys = new ArrayList<>();
        String token = null;
        do {
            ListObjectsV2Request.Builder request =
                    ListObjectsV2Request.builder().bucket(settings.bucket()).maxKeys(settings.pageSize());
            if (!full.isEmpty()) {
                request.prefix(full);
            }
            if (token != null) {
                request.continuationToken(token);
            }
            ListObjectsV2Response page;
            try {
                page = client().listObjectsV2(request.build());
            } catch (RuntimeException e) {
                throw error(e, "list keys starting with", full, "s3:ListBucket");
            }
            for (S3Object o : page.contents()) {
                String objectKey = o.key();
                if (objectKey.startsWith(full)) {
                    String key = objectKey.substring(settings.prefix().length());
                    if (valid(key)) {
                        keys.add(key);
                    }
                }
            }
            token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
        } while (token != null);
        keys.sort(Comparator.naturalOrder()); // S3 sorts by UTF-8 bytes; Store promises String order
        return keys;
    }

    @Override
    public boolean delete(String key) {
        String objectKey = objectKey(key);
        try {
            client().headObject(b -> b.bucket(settings.bucket()).key(objectKey));
        } catch (NoSuchKeyException e) {
            return false;
        } catch (AwsServiceException e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw error(e, "delete", objectKey, "s3:GetObject");
        } catch (RuntimeException e) {
            throw error(e, "delete", objectKey, "s3:GetObject");
        }
        try {
            client().deleteObject(b -> b.bucket(settings.bucket()).key(objectKey));
            return true;
        } catch (RuntimeException e) {
            throw error(e, "delete", objectKey, "s3:DeleteObject");
        }
    }

    /** Closes the S3 client this store built, if it built one; the store builds a new one if used again. */
    @Override
    public void close() {
        synchronized (lock) {
            if (client != null && settings.client() == null) {
                client.close();
            }
            client = null;
        }
    }

    private S3Client client() {
        synchronized (lock) {
            if (client == null) {
                client = settings.client() != null ? settings.client() : S3Clients.build(settings, false);
            }
            return client;
        }
    }

    private String objectKey(String key) {
        return settings.prefix() + StoreKeys.check(key);
    }

    private PutObjectRequest.Builder put(String objectKey, byte[] content) {
        return PutObjectRequest.builder()
                .bucket(settings.bucket())
                .key(objectKey)
                .contentLength((long) content.length)
                .contentMD5(md5(content))
                .contentType(contentType(objectKey));
    }

    private static boolean valid(String key) {
        try {
            StoreKeys.check(key);
            return true;
        } catch (AssayException e) {
            return false;
        }
    }

    /** Waits before retry {@code retry} (1 for the first): full jitter, growing exponentially. */
    private void pause(int retry, String objectKey, RuntimeException last) {
        long base = Math.max(1, settings.baseDelay().toMillis());
        long cap = Math.min(S3Clients.MAX_DELAY.toMillis(), base << Math.min(retry, 20));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(cap + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            StoreUnavailableException error = error(last, "create", objectKey, "s3:PutObject");
            error.addSuppressed(e);
            throw error;
        }
    }

    /** The store error for {@code e}, thrown while doing {@code action} on {@code objectKey}. */
    private StoreUnavailableException error(RuntimeException e, String action, String objectKey, String permission) {
        String uri = "s3://" + settings.bucket() + "/" + objectKey;
        if (S3Errors.missingCredentials(e)) {
            return new StoreUnavailableException(
                    "no AWS credentials found in " + settings.credentialsOrigin() + " to " + action + " " + uri
                            + "; provide them with the environment variables AWS_ACCESS_KEY_ID and"
                            + " AWS_SECRET_ACCESS_KEY, a profile in ~/.aws/credentials (the option s3.profile),"
                            + " or an instance or container role",
                    e);
        }
        if (e instanceof AwsServiceException service) {
            int status = service.statusCode();
            String code = code(service);
            String detail = status
                    + (code == null ? "" : " " + code)
                    + (service.requestId() == null || service.requestId().isEmpty()
                            ? ""
                            : ", request id " + service.requestId());
            if ("NoSuchBucket".equals(code)) {
                return new StoreUnavailableException(
                        "cannot " + action + " " + uri + ": bucket '" + settings.bucket() + "' does not exist at "
                                + settings.where() + " (" + detail + ")",
                        e);
            }
            if (code != null && S3Errors.REJECTED_CREDENTIALS.contains(code)) {
                return new StoreUnavailableException(
                        "cannot " + action + " " + uri + ": the credentials from " + settings.credentialsOrigin()
                                + " were rejected by " + settings.where() + " (" + detail + "); check the access"
                                + " key id and the secret key, or that the session token has not expired",
                        e);
            }
            if (status == 403) {
                String resource = permission.equals("s3:ListBucket")
                        ? "bucket '" + settings.bucket() + "'"
                        : "arn:aws:s3:::" + settings.bucket() + "/" + objectKey;
                return new StoreUnavailableException(
                        "access denied to " + action + " " + uri + " (" + detail + ") with the credentials from "
                                + settings.credentialsOrigin() + "; they need " + permission + " on " + resource,
                        e);
            }
            if (status == 301 || "PermanentRedirect".equals(code) || "AuthorizationHeaderMalformed".equals(code)) {
                return new StoreUnavailableException(
                        "cannot " + action + " " + uri + ": bucket '" + settings.bucket()
                                + "' is not in the region of " + settings.where() + " (" + detail
                                + "); set the region with the option s3.region",
                        e);
            }
            return new StoreUnavailableException(
                    "cannot " + action + " " + uri + " at " + settings.where() + ": " + detail
                            + (status >= 500 || status == 429 || status == 409
                                    ? " after " + settings.attempts() + " attempts"
                                    : ""),
                    e);
        }
        IOException io = S3Errors.ioCause(e);
        if (io != null) {
            // A server that refuses an upload (a missing bucket, denied access) may close the connection
            // before reading the body, so the client sees a broken connection, not the refusal: ask the
            // bucket, and report its answer when it has one.
            Optional<AwsServiceException> refusal = bucketRefusal();
            if (refusal.isPresent()) {
                return error(refusal.get(), action, objectKey, permission);
            }
            return new StoreUnavailableException(
                    "cannot reach " + settings.where() + " to " + action + " " + uri + " after " + settings.attempts()
                            + " attempts: " + S3Errors.describe(io),
                    e);
        }
        return new StoreUnavailableException(
                "cannot " + action + " " + uri + " at " + settings.where() + ": " + e.getMessage(), e);
    }

    /** What the bucket answers to a HEAD when it refuses requests (404, 403, 301), else empty. */
    private Optional<AwsServiceException> bucketRefusal() {
        try {
            client().headBucket(HeadBucketRequest.builder()
                    .bucket(settings.bucket())
                    .overrideConfiguration(NO_SDK_RETRIES)
                    .build());
            return Optional.empty();
        } catch (AwsServiceException e) {
            int status = e.statusCode();
            return status == 404 || status == 403 || status == 301 ? Optional.of(e) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String code(AwsServiceException e) {
        return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    }

    private static String md5(byte[] content) {
        try {
            return Base64.getEncoder()
                    .encodeToString(MessageDigest.getInstance("MD5").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }

    /** The Content-Type for a key, by its extension, so a data docs site in a bucket renders in a browser. */
    static String contentType(String key) {
        String name = key.substring(key.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        String ext = name.lastIndexOf('.') < 0 ? "" : name.substring(name.lastIndexOf('.') + 1);
        switch (ext) {
            case "json":
                return "application/json";
            case "html":
            case "htm":
                return "text/html; charset=utf-8";
            case "css":
                return "text/css; charset=utf-8";
            case "js":
                return "text/javascript; charset=utf-8";
            case "svg":
                return "image/svg+xml";
            case "png":
                return "image/png";
            case "txt":
                return "text/plain; charset=utf-8";
            case "xml":
                return "application/xml";
            case "yml":
            case "yaml":
                return "application/yaml";
            default:
                return "application/octet-stream";
        }
    }

    @Override
    public String toString() {
        return "S3ObjectStore[" + root() + "]";
    }
}
