package dev.assay.testing;

import dev.assay.engine.Validator;

/**
 * The validator assertions start with on the current thread: the test class's validator while {@link
 * AssayExtension} runs a test method on it, else {@link BatchAssert#DEFAULT_VALIDATOR}. Thread-safe:
 * each thread sees only what was set on it.
 */
final class ValidatorScope {
    private static final ThreadLocal<Validator> CURRENT = new ThreadLocal<>();

    private ValidatorScope() {}

    static Validator current() {
        Validator scoped = CURRENT.get();
        return scoped != null ? scoped : BatchAssert.DEFAULT_VALIDATOR;
    }

    /** Sets {@code validator} for this thread and returns what was set before, for {@link #restore}. */
    static Validator enter(Validator validator) {
        Validator before = CURRENT.get();
        CURRENT.set(validator);
        return before;
    }

    static void restore(Validator before) {
        if (before == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(before);
        }
    }
}
