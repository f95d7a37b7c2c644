package dev.assay.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Collects an expectation's kwargs, in order, for a suite file. Values are scalars, {@code java.time}
 * values (written as ISO-8601), lists and nested maps; an empty {@link Optional} is left out. Not
 * thread-safe.
 */
public final class KwargWriter {
    private final Map<String, Object> kwargs = new LinkedHashMap<>();

    /** Adds {@code key}; unwraps an {@link Optional} and leaves an empty one out. */
    public KwargWriter put(String key, Object value) {
        Object plain = value instanceof Optional<?> optional ? optional.orElse(null) : value;
        if (plain != null) {
            kwargs.put(key, plain instanceof Collection<?> c ? new ArrayList<>(c) : plain);
        }
        return this;
    }

    /** The kwargs written so far, in order. */
    public Map<String, Object> asMap() {
        return Collections.unmodifiableMap(kwargs);
    }
}
