package dev.assay.error;

/**
 * Categorized error codes carried by every {@link AssayException}.
 *
 * <p>The category tells a caller who has to act: the user (a wrong suite or argument), the operator
 * (configuration), the data (a source that cannot be read), or us (a bug).
 */
public enum ErrorCode {
    /** A suite, expectation or argument is invalid. */
    INVALID_EXPECTATION(Category.USER),
    /** A suite file cannot be parsed or does not follow the suite format. */
    INVALID_SUITE(Category.USER),
    /** A column named by an expectation does not exist in the dataset. */
    COLUMN_NOT_FOUND(Category.USER),
    /** A row condition cannot be parsed or evaluated. */
    INVALID_ROW_CONDITION(Category.USER),
    /** A source or engine option is invalid. */
    INVALID_CONFIGURATION(Category.CONFIGURATION),
    /** The data cannot be read or does not match its declared format. */
    MALFORMED_DATA(Category.SOURCE),
    /** The data cannot be reached (missing file, I/O failure). */
    SOURCE_UNAVAILABLE(Category.SOURCE),
    /** A store (results, suites, metric history, a docs site) cannot be read or written. */
    STORE_UNAVAILABLE(Category.SOURCE),
    /**
     * A service a checkpoint action calls (a webhook, a metrics endpoint) could not be reached, or failed
     * to take the call, after retrying.
     */
    SERVICE_UNAVAILABLE(Category.SOURCE),
    /** A metric cannot be computed on this data (for example a mean over a text column). */
    METRIC_UNAVAILABLE(Category.USER),
    /** A bug in Assay. */
    INTERNAL(Category.INTERNAL);

    /** Who has to act on an error. */
    public enum Category {
        USER,
        CONFIGURATION,
        SOURCE,
        INTERNAL
    }

    private final Category category;

    ErrorCode(Category category) {
        this.category = category;
    }

    /** The category of this code, never null. */
    public Category category() {
        return category;
    }
}
