package dev.assay.model;

import static java.util.Objects.requireNonNull;

/**
 * The type of an expectation: its GX name, kind, dimension, and how to read one from suite kwargs.
 *
 * @param name the GX name, e.g. {@code expect_column_values_to_be_between}
 * @param kind the kind
 * @param dimension the data-quality dimension
 * @param rowConditionAllowed true when the type takes {@code row_condition}
 * @param reader reads the type's own kwargs into an expectation
 */
public record ExpectationType(String name, Kind kind, Dimension dimension, boolean rowConditionAllowed, Reader reader) {
    public ExpectationType {
        requireNonNull(name, "name is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(dimension, "dimension is null");
        requireNonNull(reader, "reader is null");
    }

    /** A type that takes {@code row_condition}. */
    public static ExpectationType of(String name, Kind kind, Dimension dimension, Reader reader) {
        return new ExpectationType(name, kind, dimension, true, reader);
    }

    /** A type answered by the schema alone, which takes no {@code row_condition}. */
    public static ExpectationType schemaOnly(String name, Dimension dimension, Reader reader) {
        return new ExpectationType(name, Kind.TABLE, dimension, false, reader);
    }

    /** Reads a type's own kwargs. */
    @FunctionalInterface
    public interface Reader {
        /**
         * Builds an expectation from kwargs.
         *
         * @param kwargs the kwargs, typed at the edge; every key the type knows is read through it
         * @param options the shared options already read
         * @throws dev.assay.error.InvalidExpectationException if a value is invalid
         */
        Expectation read(KwargReader kwargs, ExpectationOptions options);
    }

    @Override
    public String toString() {
        return name;
    }
}
