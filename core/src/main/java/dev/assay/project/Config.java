package dev.assay.project;

import static java.util.Objects.requireNonNull;

import dev.assay.error.AssayException;
import dev.assay.error.ErrorCode;
import dev.assay.expectation.ColumnValuesFresh;
import dev.assay.internal.Names;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One mapping of a project file ({@code assay.yml}, a checkpoint), read strictly: every key must be
 * consumed, a value of the wrong shape or a key nobody asked for is an {@code INVALID_CONFIGURATION}
 * error that names the file and the path of the key ({@code checkpoints/nightly.yml: validations[1].batch:
 * ...}). Connectors read their own settings through it. Not thread-safe.
 */
public final class Config {
    private final String file;
    private final String path;
    private final Map<String, Object> values;
    private final Set<String> used = new LinkedHashSet<>();

    /**
     * @param file the file, for messages (relative to the project)
     * @param path the path of this mapping in the file, empty at the top
     * @param values the mapping, as Jackson reads YAML or JSON into plain maps and lists
     */
    public Config(String file, String path, Map<String, Object> values) {
        this.file = requireNonNull(file, "file is null");
        this.path = requireNonNull(path, "path is null");
        this.values = new LinkedHashMap<>(requireNonNull(values, "values is null"));
    }

    /** The file this mapping is in, for messages. */
    public String file() {
        return file;
    }

    /** The path of this mapping in the file, empty at the top. */
    public String path() {
        return path;
    }

    /** The path of {@code key} in the file, for messages: {@code validations[0].suite}. */
    public String where(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** True when the mapping has {@code key}. */
    public boolean has(String key) {
        return values.containsKey(key) && values.get(key) != null;
    }

    /** The keys of the mapping, in file order. */
    public Set<String> keys() {
        return values.keySet();
    }

    /** The raw value of {@code key} (marking it used), or empty. */
    public Optional<Object> raw(String key) {
        used.add(key);
        return Optional.ofNullable(values.get(key));
    }

    /** A required text value; numbers and booleans are taken as their text. */
    public String string(String key) {
        return optionalString(key).orElseThrow(() -> error(key, "is required"));
    }

    /** An optional text value; numbers and booleans are taken as their text. */
    public Optional<String> optionalString(String key) {
        Optional<Object> value = raw(key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        Object v = value.get();
        if (v instanceof String || v instanceof Number || v instanceof Boolean) {
            return Optional.of(v.toString());
        }
        throw error(key, "must be a text value, got " + shape(v));
    }

    /** An optional boolean. */
    public boolean bool(String key, boolean otherwise) {
        Optional<Object> value = raw(key);
        if (value.isEmpty()) {
            return otherwise;
        }
        Object v = value.get();
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s && (s.equals("true") || s.equals("false"))) {
            return Boolean.parseBoolean(s);
        }
        throw error(key, "must be true or false, got " + shape(v));
    }

    /** An optional whole number at least {@code min}. */
    public int integer(String key, int otherwise, int min) {
        Optional<Object> value = raw(key);
        if (value.isEmpty()) {
            return otherwise;
        }
        Object v = value.get();
        try {
            int n = v instanceof Number num && num.doubleValue() == num.intValue()
                    ? num.intValue()
                    : Integer.parseInt(v.toString());
            if (n < min) {
                throw error(key, "must be at least " + min + ", got " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw error(key, "must be a whole number, got " + shape(v));
        }
    }

    /** A whole number in {@code [min, max]}, or {@code otherwise} when the key is absent. */
    public int integer(String key, int otherwise, int min, int max) {
        int n = integer(key, otherwise, min);
        if (n > max) {
            throw error(key, "must be at most " + max + ", got " + n);
        }
        return n;
    }

    /** One of {@code choices} (case-insensitive), or {@code otherwise} when the key is absent. */
    public String choice(String key, List<String> choices, String otherwise) {
        Optional<String> value = optionalString(key);
        if (value.isEmpty()) {
            return otherwise;
        }
        for (String choice : choices) {
            if (choice.equalsIgnoreCase(value.get().trim())) {
                return choice;
            }
        }
        throw error(key, "must be one of " + String.join(", ", choices) + ", got '" + value.get() + "'");
    }

    /**
     * A duration above zero ({@code 10s}, {@code 500ms}, {@code 2h}, ISO-8601 {@code PT1M}, or a number of
     * seconds), or {@code otherwise} when the key is absent.
     */
    public Duration duration(String key, Duration otherwise) {
        Optional<Object> value = raw(key);
        if (value.isEmpty()) {
            return otherwise;
        }
        Duration d;
        if (value.get() instanceof Number n) {
            d = Duration.ofMillis(Math.round(n.doubleValue() * 1000));
        } else if (value.get() instanceof String text) {
            try {
                d = ColumnValuesFresh.parseDuration(text);
            } catch (IllegalArgumentException e) {
                throw error(key, e.getMessage());
            }
        } else {
            throw error(key, "must be a duration such as 10s, got " + shape(value.get()));
        }
        if (d.isNegative() || d.isZero()) {
            throw error(key, "must be more than zero, got '" + value.get() + "'");
        }
        return d;
    }

    /** A nested mapping, or empty. */
    public Optional<Config> optionalMap(String key) {
        Optional<Object> value = raw(key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(asMap(where(key), value.get()));
    }

    /** A nested mapping, or an empty one when the key is absent. */
    public Config map(String key) {
        return optionalMap(key).orElseGet(() -> new Config(file, where(key), Map.of()));
    }

    /** A list of mappings, or an empty list. */
    public List<Config> maps(String key) {
        Optional<Object> value = raw(key);
        if (value.isEmpty()) {
            return List.of();
        }
        if (!(value.get() instanceof List<?> list)) {
            throw error(key, "must be a list, got " + shape(value.get()));
        }
        List<Config> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            out.add(asMap(where(key) + "[" + i + "]", list.get(i)));
        }
        return out;
    }

    /** A list of text values, or an empty list. */
    public List<String> strings(String key) {
        Optional<Object> value = raw(key);
        if (value.isEmpty()) {
            return List.of();
        }
        if (!(value.get() instanceof List<?> list)) {
            throw error(key, "must be a list, got " + shape(value.get()));
        }
        List<String> out = new ArrayList<>(list.size());
        for (Object item : list) {
            if (item instanceof Map || item instanceof List || item == null) {
                throw error(key, "must be a list of text values, got " + shape(item) + " in it");
            }
            out.add(item.toString());
        }
        return out;
    }

    /** Every entry of this mapping as text ({@code s3.endpoint: ...}), marking all used. */
    public Map<String, String> stringEntries() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String key : values.keySet()) {
            optionalString(key).ifPresent(v -> out.put(key, v));
        }
        return out;
    }

    /** The mapping as plain values (for an action's settings), marking all used. */
    public Map<String, Object> plain() {
        used.addAll(values.keySet());
        return new LinkedHashMap<>(values);
    }

    /**
     * Fails on any key not read.
     *
     * @param allowed the keys this mapping may have, for the message
     */
    public void done(String... allowed) {
        for (String key : values.keySet()) {
            if (!used.contains(key)) {
                String hint = Names.nearest(key, allowed.length == 0 ? used : List.of(allowed))
                        .map(n -> " (did you mean '" + n + "'?)")
                        .orElse("");
                throw new AssayException(
                        ErrorCode.INVALID_CONFIGURATION,
                        file + ": unknown key '" + where(key) + "'" + hint
                                + (allowed.length == 0 ? "" : "; known keys here: " + String.join(", ", allowed)));
            }
        }
    }

    /** An error about {@code key}: "file: path.key what". */
    public AssayException error(String key, String what) {
        return new AssayException(ErrorCode.INVALID_CONFIGURATION, file + ": " + where(key) + " " + what);
    }

    /** An error about this mapping as a whole. */
    public AssayException error(String what) {
        return new AssayException(
                ErrorCode.INVALID_CONFIGURATION, file + (path.isEmpty() ? "" : ": " + path) + ": " + what);
    }

    private Config asMap(String where, Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new AssayException(
                    ErrorCode.INVALID_CONFIGURATION, file + ": " + where + " must be a mapping, got " + shape(value));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), v));
        return new Config(file, where, out);
    }

    static String shape(Object value) {
        if (value == null) {
            return "nothing";
        }
        if (value instanceof Map) {
            return "a mapping";
        }
        if (value instanceof List) {
            return "a list";
        }
        return "'" + value + "'";
    }
}
