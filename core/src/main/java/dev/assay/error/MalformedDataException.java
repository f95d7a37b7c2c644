package dev.assay.error;

/**
 * The data does not match its format or declared schema. The message names the file, the line or row
 * group, the column, and what was wrong.
 */
public class MalformedDataException extends AssayException {
    private static final long serialVersionUID = 1L;

    public MalformedDataException(String message) {
        super(ErrorCode.MALFORMED_DATA, message);
    }

    public MalformedDataException(String message, Throwable cause) {
        super(ErrorCode.MALFORMED_DATA, message, cause);
    }
}
