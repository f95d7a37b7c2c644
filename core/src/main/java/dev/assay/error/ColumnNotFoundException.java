package dev.assay.error;

/** A column named by an expectation, a row condition or a result format is not in the dataset. */
public class ColumnNotFoundException extends AssayException {
    private static final long serialVersionUID = 1L;

    public ColumnNotFoundException(String message) {
        super(ErrorCode.COLUMN_NOT_FOUND, message);
    }
}
