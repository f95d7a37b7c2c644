package dev.assay.model;

import java.util.List;
import java.util.Optional;

/**
 * Typed access to an expectation's kwargs while reading a suite file. Each accessor names a key and its
 * type, so the set of calls an expectation makes is also its kwarg schema: unknown keys, wrong types
 * and missing required keys are reported by the reader with the expectation, the key and the nearest
 * valid key. A JSON {@code null} reads as absent.
 *
 * <p>Not thread-safe: one reader per expectation being read.
 */
public interface KwargReader {
    /** A required string. */
    String string(String key);

    /** An optional string. */
    Optional<String> optionalString(String key);

    /** A required scalar: a number ({@code Long} or {@code Double}), a string or a boolean. */
    Object value(String key);

    /** An optional scalar. */
    Optional<Object> optionalValue(String key);

    /** An optional boolean with a default. */
    boolean flag(String key, boolean defaultValue);

    /** A required number. */
    double number(String key);

    /** An optional number. */
    Optional<Double> optionalNumber(String key);

    /** A required whole number. */
    long integer(String key);

    /** An optional whole number. */
    Optional<Long> optionalInteger(String key);

    /** A required list of strings. */
    List<String> strings(String key);

    /** An optional list of strings. */
    Optional<List<String>> optionalStrings(String key);

    /** A required list of scalars. */
    List<Object> values(String key);

    /** An optional list of scalars. */
    Optional<List<Object>> optionalValues(String key);

    /** A required nested object, read with the same rules. */
    KwargReader object(String key);

    /** A required list of lists of scalars (e.g. quantile value ranges). */
    List<List<Object>> valueLists(String key);

    /**
     * An error about the value of {@code key}, with the expectation and key named.
     *
     * @return the exception, for the caller to throw
     */
    RuntimeException invalid(String key, String problem);
}
