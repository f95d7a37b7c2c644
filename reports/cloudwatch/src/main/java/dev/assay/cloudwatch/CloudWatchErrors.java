package dev.assay.cloudwatch;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/** Says what an SDK failure means, for messages; never holds credentials. */
final class CloudWatchErrors {
    private static final List<String> REJECTED_CREDENTIALS = List.of(
            "InvalidClientTokenId",
            "SignatureDoesNotMatch",
            "ExpiredToken",
            "ExpiredTokenException",
            "UnrecognizedClientException",
            "IncompleteSignature");

    private CloudWatchErrors() {}

    /** What went wrong, e.g. {@code HTTP 500 InternalServiceError (boom), request id 1, after 3 attempts}. */
    static String describe(RuntimeException e, String attempts) {
        CredentialsNotFoundException notFound = credentialsNotFound(e);
        if (notFound != null) {
            return "no AWS credentials found by " + notFound.provider
                    + "; provide them with the environment variables AWS_ACCESS_KEY_ID and"
                    + " AWS_SECRET_ACCESS_KEY, a profile in ~/.aws/credentials (AWS_PROFILE), or an instance,"
                    + " container or Lambda role";
        }
        if (e instanceof AwsServiceException service) {
            int status = service.statusCode();
            String code = service.awsErrorDetails() == null
                    ? null
                    : service.awsErrorDetails().errorCode();
            String text = service.awsErrorDetails() == null
                    ? null
                    : service.awsErrorDetails().errorMessage();
            StringBuilder m = new StringBuilder("HTTP ").append(status);
            if (code != null && !code.isEmpty()) {
                m.append(' ').append(code);
            }
            if (text != null && !text.isEmpty()) {
                m.append(" (").append(text).append(')');
            }
            if (service.requestId() != null && !service.requestId().isEmpty()) {
                m.append(", request id ").append(service.requestId());
            }
            if (service.retryable() || service.isThrottlingException() || status >= 500) {
                m.append(", after ").append(attempts);
            }
            if (code != null && REJECTED_CREDENTIALS.contains(code)) {
                m.append("; the credentials were rejected: check the access key id and the secret key, or that the"
                        + " session token has not expired");
            } else if (status == 403) {
                m.append("; the credentials need the IAM permission cloudwatch:PutMetricData for this namespace");
            }
            return m.toString();
        }
        IOException io = ioCause(e);
        if (io != null) {
            return "cannot reach it: " + describe(io) + ", after " + attempts;
        }
        return e.getMessage();
    }

    private static CredentialsNotFoundException credentialsNotFound(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CredentialsNotFoundException c) {
                return c;
            }
        }
        return null;
    }

    /** Marks a failure to find credentials, so it is told apart from a request CloudWatch refused. */
    static final class CredentialsNotFoundException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /** The provider's class, never the credentials. */
        final String provider;

        CredentialsNotFoundException(String provider, RuntimeException cause) {
            super("no credentials found by " + provider, cause);
            this.provider = provider;
        }
    }

    /** Wraps a provider so its failures are marked as {@link CredentialsNotFoundException}. */
    static final class GuardedCredentials implements AwsCredentialsProvider {
        private final AwsCredentialsProvider delegate;

        GuardedCredentials(AwsCredentialsProvider delegate) {
            this.delegate = delegate;
        }

        @Override
        public AwsCredentials resolveCredentials() {
            try {
                return delegate.resolveCredentials();
            } catch (SdkClientException | IllegalStateException e) {
                throw new CredentialsNotFoundException(toString(), e);
            }
        }

        @Override
        public String toString() {
            return delegate.getClass().getSimpleName();
        }
    }

    private static IOException ioCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException io) {
                return io;
            }
        }
        return null;
    }

    private static String describe(IOException io) {
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
