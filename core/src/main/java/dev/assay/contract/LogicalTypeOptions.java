package dev.assay.contract;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A property's {@code logicalTypeOptions}, with the bounds read the same way for 3.0.x (where
 * {@code exclusiveMinimum: true} makes {@code minimum} exclusive) and 3.1.0 (where
 * {@code exclusiveMinimum: 5} is itself the bound). Immutable.
 *
 * @param minimum the lower bound (a number, or a date/time string), or empty
 * @param minimumExclusive true when the lower bound is excluded
 * @param maximum the upper bound, or empty
 * @param maximumExclusive true when the upper bound is excluded
 * @param minLength the shortest string allowed, or empty
 * @param maxLength the longest string allowed, or empty
 * @param pattern a regular expression every string must match, or empty
 * @param format the format ({@code email}, {@code uuid}, {@code i32}, {@code yyyy-MM-dd}, ...), or empty
 * @param timezone for timestamps: whether values carry a time zone, or empty
 * @param others every other option as written ({@code multipleOf}, {@code minItems}, ...)
 */
public record LogicalTypeOptions(
        Optional<Object> minimum,
        boolean minimumExclusive,
        Optional<Object> maximum,
        boolean maximumExclusive,
        Optional<Long> minLength,
        Optional<Long> maxLength,
        Optional<String> pattern,
        Optional<String> format,
        Optional<Boolean> timezone,
        Map<String, Object> others) {
    /** No options. */
    public static final LogicalTypeOptions NONE = new LogicalTypeOptions(
            Optional.empty(),
            false,
            Optional.empty(),
            false,
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Map.of());

    public LogicalTypeOptions {
        requireNonNull(minimum, "minimum is null");
        requireNonNull(maximum, "maximum is null");
        requireNonNull(minLength, "minLength is null");
        requireNonNull(maxLength, "maxLength is null");
        requireNonNull(pattern, "pattern is null");
        requireNonNull(format, "format is null");
        requireNonNull(timezone, "timezone is null");
        others = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(others, "others is null")));
    }
}
