package dev.assay.testing;

import static java.util.Objects.requireNonNull;

import dev.assay.result.ValidationResult;
import java.util.List;

/**
 * The failure of an Assay assertion: an {@link AssertionError} that carries the validation results it
 * judged, so that {@link AssayExtension} can store them (and write data docs) for the failed test. Every
 * assertion of this module that fails over a validation throws one; soft assertions collect them.
 * Immutable apart from {@link Throwable}'s own state.
 */
public class AssayAssertionError extends AssertionError {
    private static final long serialVersionUID = 1L;

    // Not serialized: a validation result is not Serializable, and the message already holds its text.
    private final transient List<ValidationResult> results;

    /**
     * A failure with {@code message} over {@code results}.
     *
     * @param message the whole message, never null
     * @param results the results the assertion judged, never null (may be empty)
     */
    public AssayAssertionError(String message, List<ValidationResult> results) {
        super(requireNonNull(message, "message is null"));
        this.results = List.copyOf(requireNonNull(results, "results is null"));
    }

    /**
     * A failure with {@code message} over {@code results}, caused by {@code cause}.
     *
     * @param cause the failure this one reports on, such as the soft assertions' combined error; may be null
     */
    public AssayAssertionError(String message, List<ValidationResult> results, Throwable cause) {
        this(message, results);
        initCause(cause);
    }

    /** The validation results the assertion judged, never null; empty after deserialization. */
    public List<ValidationResult> results() {
        return results == null ? List.of() : results;
    }

    /** {@code base}'s message (its description and overriding message applied) and stack, over {@code results}. */
    static AssayAssertionError of(AssertionError base, List<ValidationResult> results) {
        AssayAssertionError error = new AssayAssertionError(String.valueOf(base.getMessage()), results);
        error.setStackTrace(base.getStackTrace());
        return error;
    }
}
