package dev.assay.error;

/** A store cannot be read or written: a missing bucket, denied access, a full disk. */
public class StoreUnavailableException extends AssayException {
    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(String message) {
        super(ErrorCode.STORE_UNAVAILABLE, message);
    }

    public StoreUnavailableException(String message, Throwable cause) {
        super(ErrorCode.STORE_UNAVAILABLE, message, cause);
    }
}
