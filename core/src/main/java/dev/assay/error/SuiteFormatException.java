package dev.assay.error;

/** A suite file does not follow the suite format; the message names the file, expectation and key. */
public class SuiteFormatException extends AssayException {
    private static final long serialVersionUID = 1L;

    public SuiteFormatException(String message) {
        super(ErrorCode.INVALID_SUITE, message);
    }

    public SuiteFormatException(String message, Throwable cause) {
        super(ErrorCode.INVALID_SUITE, message, cause);
    }
}
