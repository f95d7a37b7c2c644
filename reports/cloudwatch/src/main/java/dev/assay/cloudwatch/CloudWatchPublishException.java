package dev.assay.cloudwatch;

import dev.assay.error.AssayException;
import dev.assay.error.ErrorCode;

/**
 * CloudWatch did not take the metrics: it could not be reached, refused the credentials or the request, or
 * kept failing after every retry. Its code is {@code STORE_UNAVAILABLE}: CloudWatch is where the metrics
 * are kept. The message names the namespace, the endpoint and the error, never the credentials.
 */
public class CloudWatchPublishException extends AssayException {
    private static final long serialVersionUID = 1L;

    public CloudWatchPublishException(String message, Throwable cause) {
        super(ErrorCode.STORE_UNAVAILABLE, message, cause);
    }
}
