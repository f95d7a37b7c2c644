package dev.assay.error;

/** An expectation was declared with invalid arguments (for example {@code min > max}). */
public class InvalidExpectationException extends AssayException {
    private static final long serialVersionUID = 1L;

    public InvalidExpectationException(String message) {
        super(ErrorCode.INVALID_EXPECTATION, message);
    }

    public InvalidExpectationException(String message, Throwable cause) {
        super(ErrorCode.INVALID_EXPECTATION, message, cause);
    }
}
