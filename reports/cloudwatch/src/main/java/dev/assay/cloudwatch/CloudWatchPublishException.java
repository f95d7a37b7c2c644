package dev.assay.cloudwatch;

import dev.assay.error.AssayException;
import dev.assay.error.ErrorCode;

/**
 * CloudWatch did not take the metrics: it could not be reached, refused the credentials or the request, or
 * kept failing after every retry. Its code is {@code SERVICE_UNAVAILABLE}, as for any service an action
 * calls. The message names the namespace, the endpoint and the error, never the credentials.
 */
public class CloudWatchPublishException extends AssayException {
    private static final long serialVersionUID = 1L;

    public CloudWatchPublishException(String message, Throwable cause) {
        super(ErrorCode.SERVICE_UNAVAILABLE, message, cause);
    }
}
