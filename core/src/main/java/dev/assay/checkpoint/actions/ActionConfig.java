package dev.assay.checkpoint.actions;

import static java.util.Objects.requireNonNull;

import dev.assay.error.AssayException;
import dev.assay.error.ErrorCode;
import dev.assay.expectation.ColumnValuesFresh;
import dev.assay.internal.Names;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An action's configuration map read into typed values at the edge: every read names the key it knows,
 * so {@link #finish()} can reject the keys nobody read. Messages name the action type and the key. Not
 * thread-safe; used once, by a provider's {@code create}.
 */
final class ActionConfig {
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private final String type;
    private final Map<String, Object> values;
    private final Set<String> known = new LinkedHashSet<>();

    ActionConfig(String type, Map<String, Object> values) {
        this.type = requireNonNull(type, "type is null");
        this.values = requireNonNull(values, "config is null");
    }

    /** A string value, or empty when the key is absent. */
    Optional<String> optionalString(String key) {
        Object value = read(key);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String text)) {
            throw invalid(key, "must be text, not " + describe(value));
        }
        return Optional.of(text);
    }

    /** A string value that must be there and not blank. */
    String requiredString(String key) {
        String text = optionalString(key).orElseThrow(() -> invalid(key, "is required"));
        if (text.isBlank()) {
            throw invalid(key, "must not be empty");
        }
        return text;
    }

    /** One of {@code choices} (case-insensitive), or {@code fallback} when the key is absent. */
    String choice(String key, List<String> choices, String fallback) {
        Object value = read(key);
        if (value == null) {
            return fallback;
        }
        String text = value instanceof String s ? s : String.valueOf(value);
        for (String choice : choices) {
            if (choice.equalsIgnoreCase(text.trim())) {
                return choice;
            }
        }
        throw invalid(key, "must be one of " + choices + ", not '" + text + "'");
    }

    /** A map of text values, or an empty map when the key is absent. */
    Map<String, String> stringMap(String key) {
        Object value = read(key);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw invalid(key, "must be a map of names to text values, not " + describe(value));
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            Object v = e.getValue();
            if (!(v instanceof String) && !(v instanceof Number) && !(v instanceof Boolean)) {
                throw invalid(key + "." + e.getKey(), "must be text, not " + describe(v));
            }
            out.put(String.valueOf(e.getKey()), String.valueOf(v));
        }
        return out;
    }

    /** A duration ({@code 10s}, {@code 500ms}, {@code PT1M}, or a number of seconds) above zero. */
    Duration duration(String key, Duration fallback) {
        Object value = read(key);
        if (value == null) {
            return fallback;
        }
        Duration d;
        if (value instanceof Number n) {
            d = Duration.ofMillis(Math.round(n.doubleValue() * 1000));
        } else if (value instanceof String text) {
            try {
                d = ColumnValuesFresh.parseDuration(text);
            } catch (IllegalArgumentException e) {
                throw invalid(key, e.getMessage());
            }
        } else {
            throw invalid(key, "must be a duration such as 10s, not " + describe(value));
        }
        if (d.isNegative() || d.isZero()) {
            throw invalid(key, "must be more than zero, not '" + value + "'");
        }
        return d;
    }

    /** A whole number in {@code [min, max]}, or {@code fallback} when the key is absent. */
    int integer(String key, int min, int max, int fallback) {
        Object value = read(key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Integer) && !(value instanceof Long) && !(value instanceof Short)) {
            throw invalid(key, "must be a whole number, not " + describe(value));
        }
        long n = ((Number) value).longValue();
        if (n < min || n > max) {
            throw invalid(key, "must be between " + min + " and " + max + ", not " + n);
        }
        return (int) n;
    }

    /**
     * {@code text} with every {@code ${NAME}} replaced by the environment variable's value.
     *
     * @param key the key the text came from, for messages
     * @throws AssayException when a variable is not set, naming it (never its value)
     */
    String expand(String key, String text, Function<String, String> env) {
        Matcher m = ENV_REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = env.apply(name);
            if (value == null) {
                throw invalid(key, "refers to the environment variable " + name + ", which is not set");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        if (ENV_REFERENCE.matcher(text).replaceAll("").contains("${")) {
            throw invalid(key, "has a '${' that does not start a reference ${NAME} to an environment variable");
        }
        return out.toString();
    }

    /** Rejects the keys no read asked for, naming them. */
    void finish() {
        for (String key : values.keySet()) {
            if (!known.contains(key)) {
                String hint = Names.nearest(key, known)
                        .map(n -> "; did you mean '" + n + "'?")
                        .orElse("");
                throw new AssayException(
                        ErrorCode.INVALID_CONFIGURATION,
                        type + ": unknown key '" + key + "'" + hint + " (known keys: " + String.join(", ", known)
                                + ")");
            }
        }
    }

    /** An error about {@code key}'s value. */
    AssayException invalid(String key, String problem) {
        return new AssayException(ErrorCode.INVALID_CONFIGURATION, type + ": '" + key + "' " + problem);
    }

    private Object read(String key) {
        known.add(key);
        return values.get(key);
    }

    private static String describe(Object value) {
        if (value instanceof Map<?, ?>) {
            return "a map";
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        if (value instanceof String s) {
            return "'" + s + "'";
        }
        return value.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT) + " " + value;
    }
}
