package dev.assay.s3;

import dev.assay.error.AssayException;
import dev.assay.error.ErrorCode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * What an {@link S3Source} was told; the nullable fields are unset.
 *
 * @param region null: the SDK's region chain
 * @param endpoint null: AWS's endpoint for the region
 * @param profile null: the default credentials chain, unless {@code credentials} is set
 * @param credentials null: the profile or the default chain
 * @param client null: built from the other settings
 */
record S3Settings(
        String bucket,
        String prefix,
        String region,
        URI endpoint,
        boolean pathStyle,
        String profile,
        AwsCredentialsProvider credentials,
        S3Client client,
        int attempts,
        Duration baseDelay,
        int pageSize) {

    S3Settings withPrefix(String p) {
        return new S3Settings(
                bucket, p, region, endpoint, pathStyle, profile, credentials, client, attempts, baseDelay, pageSize);
    }

    S3Settings withRegion(String r) {
        return new S3Settings(
                bucket, prefix, r, endpoint, pathStyle, profile, credentials, client, attempts, baseDelay, pageSize);
    }

    S3Settings withEndpoint(URI e) {
        return new S3Settings(
                bucket, prefix, region, e, pathStyle, profile, credentials, client, attempts, baseDelay, pageSize);
    }

    S3Settings withPathStyle(boolean p) {
        return new S3Settings(
                bucket, prefix, region, endpoint, p, profile, credentials, client, attempts, baseDelay, pageSize);
    }

    S3Settings withProfile(String p) {
        return new S3Settings(
                bucket, prefix, region, endpoint, pathStyle, p, credentials, client, attempts, baseDelay, pageSize);
    }

    S3Settings withCredentials(AwsCredentialsProvider c) {
        return new S3Settings(
                bucket, prefix, region, endpoint, pathStyle, profile, c, client, attempts, baseDelay, pageSize);
    }

    S3Settings withClient(S3Client c) {
        return new S3Settings(
                bucket, prefix, region, endpoint, pathStyle, profile, credentials, c, attempts, baseDelay, pageSize);
    }

    S3Settings withRetries(int a, Duration d) {
        return new S3Settings(
                bucket, prefix, region, endpoint, pathStyle, profile, credentials, client, a, d, pageSize);
    }

    S3Settings withPageSize(int size) {
        if (size < 1 || size > 1000) {
            throw new AssayException(ErrorCode.INVALID_CONFIGURATION, "list page size must be 1 to 1000, got " + size);
        }
        return new S3Settings(
                bucket, prefix, region, endpoint, pathStyle, profile, credentials, client, attempts, baseDelay, size);
    }

    /** Where requests go, for messages: the endpoint, or AWS S3 and the region. */
    String where() {
        if (client != null) {
            return client.serviceClientConfiguration()
                    .endpointOverride()
                    .map(S3Settings::redact)
                    .orElseGet(() -> "AWS S3 (region "
                            + client.serviceClientConfiguration().region() + ")");
        }
        if (endpoint != null) {
            return redact(endpoint);
        }
        return region == null ? "AWS S3" : "AWS S3 (region " + region + ")";
    }

    /** Where the credentials came from, for messages; never the credentials themselves. */
    String credentialsOrigin() {
        if (client != null) {
            return "the credentials of the S3 client given to S3Source.client(...)";
        }
        if (credentials != null) {
            return "the credentials provider given to S3Source.credentials(...)";
        }
        if (profile != null) {
            return "profile '" + profile + "'";
        }
        return "the default AWS credentials chain";
    }

    /** {@code uri} without user info, query or fragment, which may hold secrets. */
    static String redact(URI uri) {
        if (uri.getHost() == null) {
            return uri.getRawUserInfo() == null && uri.getRawQuery() == null
                    ? uri.toString()
                    : uri.getScheme() + ":(hidden)";
        }
        try {
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null).toString();
        } catch (URISyntaxException e) {
            return uri.getScheme() + "://" + uri.getHost();
        }
    }
}
