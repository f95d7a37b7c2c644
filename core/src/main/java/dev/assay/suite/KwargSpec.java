package dev.assay.suite;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * One kwarg an expectation type reads, as recorded by {@link RecordingKwargReader}.
 *
 * @param key the key, never null
 * @param type the JSON shape of the value
 * @param required true when the reader asked for it with a required accessor
 * @param defaultValue the default of an optional flag, or empty
 * @param fields the keys of a nested object ({@link KwargType#OBJECT}); empty otherwise
 */
record KwargSpec(String key, KwargType type, boolean required, Optional<Object> defaultValue, List<KwargSpec> fields) {
    KwargSpec {
        requireNonNull(key, "key is null");
        requireNonNull(type, "type is null");
        requireNonNull(defaultValue, "defaultValue is null");
        fields = List.copyOf(requireNonNull(fields, "fields is null"));
    }
}
