package dev.assay.s3;

import dev.assay.error.AssayException;
import dev.assay.error.SourceUnavailableException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns SDK failures into Assay exceptions whose messages say what failed, where, and what to do. A
 * message never holds credentials: only where they came from.
 */
final class S3Errors {
    static final List<String> REJECTED_CREDENTIALS = List.of(
            "InvalidAccessKeyId",
            "SignatureDoesNotMatch",
            "ExpiredToken",
            "InvalidToken",
            "TokenRefreshRequired",
            "InvalidSecurity");

    private S3Errors() {}

    /**
     * The Assay exception for {@code e}, thrown while doing {@code action} (such as "list" or "read") on
     * {@code uri}.
     *
     * @param key the object key, or null for an operation on the bucket
     */
    static AssayException translate(RuntimeException e, S3Settings s, String key, String action) {
        if (e instanceof AssayException assay) {
            return assay;
        }
        String uri = "s3://" + s.bucket() + "/" + (key == null ? s.prefix() : key);
        if (missingCredentials(e)) {
            return new SourceUnavailableException(
                    "no AWS credentials found in " + s.credentialsOrigin() + " to " + action + " " + uri
                            + "; provide them with the environment variables AWS_ACCESS_KEY_ID and"
                            + " AWS_SECRET_ACCESS_KEY, a profile in ~/.aws/credentials (S3Source.profile(...),"
                            + " the option s3.profile or --profile), or an instance or container role",
                    e);
        }
        if (e instanceof AwsServiceException service) {
            return service(service, s, key, uri, action);
        }
        IOException io = ioCause(e);
        if (io != null) {
            return new SourceUnavailableException(
                    "cannot reach " + s.where() + " to " + action + " " + uri + " after " + s.attempts() + " attempts: "
                            + describe(io),
                    e);
        }
        return new SourceUnavailableException(
                "cannot " + action + " " + uri + " at " + s.where() + ": " + e.getMessage(), e);
    }

    private static AssayException service(AwsServiceException e, S3Settings s, String key, String uri, String action) {
        int status = e.statusCode();
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        String detail = status + (code == null ? "" : " " + code) + requestId(e);
        if ("NoSuchBucket".equals(code) || (status == 404 && key == null)) {
            return new SourceUnavailableException(
                    "bucket '" + s.bucket() + "' does not exist at " + s.where() + " (" + detail + ")", e);
        }
        if (status == 404) {
            return new SourceUnavailableException(
                    uri + " not found — it may have been deleted after it was listed (" + detail + ")", e);
        }
        if (code != null && REJECTED_CREDENTIALS.contains(code)) {
            return new SourceUnavailableException(
                    "the credentials from " + s.credentialsOrigin() + " were rejected by " + s.where() + " ("
                            + detail + ") to " + action + " " + uri + "; check the access key id and the secret"
                            + " key, or that the session token has not expired",
                    e);
        }
        if (status == 403) {
            return new SourceUnavailableException(
                    "access denied to " + uri + " (" + detail + ") with the credentials from "
                            + s.credentialsOrigin() + "; they need "
                            + (key == null ? "s3:ListBucket on bucket '" + s.bucket() + "'" : "s3:GetObject on " + uri),
                    e);
        }
        if (status == 301 || "PermanentRedirect".equals(code) || "AuthorizationHeaderMalformed".equals(code)) {
            String region = e.awsErrorDetails() == null
                    ? null
                    : e.awsErrorDetails()
                            .sdkHttpResponse()
                            .firstMatchingHeader("x-amz-bucket-region")
                            .orElse(null);
            return new SourceUnavailableException(
                    "bucket '" + s.bucket() + "' is not in the region of " + s.where()
                            + (region == null ? "" : "; it is in " + region) + " (" + detail
                            + "); set the region with S3Source.region(...) or the option s3.region",
                    e);
        }
        return new SourceUnavailableException(
                "cannot " + action + " " + uri + " at " + s.where() + ": " + detail
                        + (status >= 500 || status == 429 ? " after " + s.attempts() + " attempts" : ""),
                e);
    }

    static boolean missingCredentials(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof S3Clients.CredentialsNotFoundException) {
                return true;
            }
            String m = t.getMessage();
            if (t instanceof SdkException
                    && m != null
                    && m.toLowerCase(Locale.ROOT).contains("unable to load credentials")) {
                return true;
            }
        }
        return false;
    }

    static IOException ioCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException io) {
                return io;
            }
        }
        return null;
    }

    static String describe(IOException io) {
        String what;
        if (io instanceof ConnectException || io instanceof NoRouteToHostException) {
            what = "connection refused";
        } else if (io instanceof UnknownHostException) {
            what = "unknown host";
        } else if (io instanceof SocketTimeoutException) {
            what = "timed out";
        } else {
            what = io.getClass().getSimpleName();
        }
        return io.getMessage() == null ? what : what + " (" + io.getMessage() + ")";
    }

    private static String requestId(AwsServiceException e) {
        return e.requestId() == null || e.requestId().isEmpty() ? "" : ", request id " + e.requestId();
    }
}
