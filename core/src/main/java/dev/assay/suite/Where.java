package dev.assay.suite;

import static java.util.Objects.requireNonNull;

import dev.assay.error.SuiteFormatException;
import java.util.Optional;

/**
 * Where in a suite file a problem is: the file, and the expectation (counted from 1) with its type.
 * Builds the messages of {@link SuiteFormatException}.
 *
 * @param source the file name, as given
 * @param index the expectation's position counted from 1, or 0 for the suite itself
 * @param type the expectation's type as written, once known
 */
record Where(String source, int index, Optional<String> type) {
    Where {
        requireNonNull(source, "source is null");
        requireNonNull(type, "type is null");
    }

    /** The suite as a whole. */
    static Where suite(String source) {
        return new Where(source, 0, Optional.empty());
    }

    /** The expectation at {@code index} (from 1), type not yet known. */
    Where expectation(int index) {
        return new Where(source, index, Optional.empty());
    }

    /** This place with the expectation's type. */
    Where withType(String typeName) {
        return new Where(source, index, Optional.of(typeName));
    }

    /** {@code suites/trips.json: expectation #3 (expect_column_values_to_be_between)}. */
    String prefix() {
        if (index == 0) {
            return source;
        }
        return source + ": expectation #" + index
                + type.map(t -> " (" + t + ")").orElse("");
    }

    SuiteFormatException error(String problem) {
        return new SuiteFormatException(prefix() + ": " + problem);
    }

    SuiteFormatException error(String problem, Throwable cause) {
        return new SuiteFormatException(prefix() + ": " + problem, cause);
    }
}
