package dev.assay.datadocs;

/** A stored result that is not a validation result's JSON; its message is the reason. */
final class CorruptResultException extends Exception {
    private static final long serialVersionUID = 1L;

    CorruptResultException(String reason) {
        super(reason);
    }
}
