package dev.assay.error;

/** The data cannot be reached: a missing file, a failed read. */
public class SourceUnavailableException extends AssayException {
    private static final long serialVersionUID = 1L;

    public SourceUnavailableException(String message) {
        super(ErrorCode.SOURCE_UNAVAILABLE, message);
    }

    public SourceUnavailableException(String message, Throwable cause) {
        super(ErrorCode.SOURCE_UNAVAILABLE, message, cause);
    }
}
