package dev.assay.error;

import static java.util.Objects.requireNonNull;

/**
 * The root of every exception Assay throws. Unchecked; carries an {@link ErrorCode}.
 *
 * <p>Data that fails an expectation is never an exception: it is a failed result. An exception means
 * the question could not be asked (a bad suite, unreadable data, a bug).
 */
public class AssayException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    public AssayException(ErrorCode code, String message) {
        super(requireNonNull(message, "message is null"));
        this.code = requireNonNull(code, "code is null");
    }

    public AssayException(ErrorCode code, String message, Throwable cause) {
        super(requireNonNull(message, "message is null"), cause);
        this.code = requireNonNull(code, "code is null");
    }

    /** The error code, never null. */
    public ErrorCode code() {
        return code;
    }
}
