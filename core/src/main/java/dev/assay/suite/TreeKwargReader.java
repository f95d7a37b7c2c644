package dev.assay.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.error.SuiteFormatException;
import dev.assay.internal.Names;
import dev.assay.model.KwargReader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The {@link KwargReader} over a parsed suite file's kwargs. JSON {@code null} reads as absent; an
 * integral number reads as {@code Long} and any other as {@code Double}. Records which keys were asked
 * for, so that {@link #rejectUnknown} can report the rest. Not thread-safe: one per expectation read.
 */
final class TreeKwargReader implements KwargReader {
    private final ObjectNode node;
    private final String path;
    private final Where where;
    private final Set<String> asked = new LinkedHashSet<>();
    private final Map<String, TreeKwargReader> children = new LinkedHashMap<>();

    /**
     * @param node the kwargs
     * @param path the prefix of nested keys in messages ({@code "quantile_ranges."}), or empty
     * @param where the expectation, for messages
     */
    TreeKwargReader(ObjectNode node, String path, Where where) {
        this.node = node;
        this.path = path;
        this.where = where;
    }

    /** The value of {@code key}, empty when absent or null; marks the key as known. */
    Optional<JsonNode> raw(String key) {
        asked.add(key);
        JsonNode value = node.get(key);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
    }

    /** True when {@code key} is present and not null; does not mark it as known. */
    boolean has(String key) {
        return node.hasNonNull(key);
    }

    /** Marks {@code key} as known if present: it is null here, which reads as absent. */
    void acceptNull(String key) {
        if (node.has(key)) {
            asked.add(key);
        }
    }

    private JsonNode require(String key) {
        return raw(key).orElseThrow(() -> where.error("missing required kwarg '" + path + key + "'"));
    }

    @Override
    public String string(String key) {
        return text(key, require(key));
    }

    @Override
    public Optional<String> optionalString(String key) {
        return raw(key).map(v -> text(key, v));
    }

    private String text(String key, JsonNode value) {
        if (!value.isTextual()) {
            throw wrongType(key, KwargType.STRING, value);
        }
        return value.textValue();
    }

    @Override
    public Object value(String key) {
        return scalar(key, require(key), KwargType.SCALAR);
    }

    @Override
    public Optional<Object> optionalValue(String key) {
        return raw(key).map(v -> scalar(key, v, KwargType.SCALAR));
    }

    @Override
    public boolean flag(String key, boolean defaultValue) {
        return raw(key).map(v -> {
                    if (!v.isBoolean()) {
                        throw wrongType(key, KwargType.BOOLEAN, v);
                    }
                    return v.booleanValue();
                })
                .orElse(defaultValue);
    }

    @Override
    public double number(String key) {
        return decimal(key, require(key));
    }

    @Override
    public Optional<Double> optionalNumber(String key) {
        return raw(key).map(v -> decimal(key, v));
    }

    private double decimal(String key, JsonNode value) {
        if (!value.isNumber()) {
            throw wrongType(key, KwargType.NUMBER, value);
        }
        return value.doubleValue();
    }

    @Override
    public long integer(String key) {
        return whole(key, require(key));
    }

    @Override
    public Optional<Long> optionalInteger(String key) {
        return raw(key).map(v -> whole(key, v));
    }

    private long whole(String key, JsonNode value) {
        if (value.isIntegralNumber()) {
            return fitLong(key, value);
        }
        // JSON has one number type: 5.0 is as whole as 5.
        if (value.isNumber() && value.canConvertToExactIntegral() && value.canConvertToLong()) {
            return value.longValue();
        }
        throw wrongType(key, KwargType.INTEGER, value);
    }

    private long fitLong(String key, JsonNode value) {
        if (!value.canConvertToLong()) {
            throw where.error("kwarg '" + path + key + "': " + value.asText() + " is too large for a 64-bit integer");
        }
        return value.longValue();
    }

    @Override
    public List<String> strings(String key) {
        return list(key, require(key), KwargType.STRINGS, (i, item) -> {
            if (!item.isTextual()) {
                throw wrongItem(key, KwargType.STRINGS, i, item);
            }
            return item.textValue();
        });
    }

    @Override
    public Optional<List<String>> optionalStrings(String key) {
        if (raw(key).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(strings(key));
    }

    @Override
    public List<Object> values(String key) {
        return scalars(key, require(key), KwargType.SCALARS);
    }

    @Override
    public Optional<List<Object>> optionalValues(String key) {
        return raw(key).map(v -> scalars(key, v, KwargType.SCALARS));
    }

    private List<Object> scalars(String key, JsonNode value, KwargType type) {
        return list(key, value, type, (i, item) -> {
            if (item.isNull()) {
                return null;
            }
            if (!JsonTrees.isScalar(item)) {
                throw wrongItem(key, type, i, item);
            }
            return scalar(key, item, type);
        });
    }

    @Override
    public List<List<Object>> valueLists(String key) {
        return list(key, require(key), KwargType.SCALAR_LISTS, (i, item) -> {
            if (!item.isArray()) {
                throw wrongItem(key, KwargType.SCALAR_LISTS, i, item);
            }
            return scalars(key, item, KwargType.SCALAR_LISTS);
        });
    }

    @Override
    public KwargReader object(String key) {
        JsonNode value = require(key);
        if (!value.isObject()) {
            throw wrongType(key, KwargType.OBJECT, value);
        }
        return children.computeIfAbsent(key, k -> new TreeKwargReader((ObjectNode) value, path + key + ".", where));
    }

    @Override
    public RuntimeException invalid(String key, String problem) {
        return where.error("kwarg '" + path + key + "': " + problem);
    }

    private Object scalar(String key, JsonNode value, KwargType type) {
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isIntegralNumber()) {
            return fitLong(key, value);
        }
        if (value.isNumber()) {
            return value.doubleValue();
        }
        throw wrongType(key, type, value);
    }

    private <T> List<T> list(String key, JsonNode value, KwargType type, BiFunction<Integer, JsonNode, T> item) {
        if (!value.isArray()) {
            throw wrongType(key, type, value);
        }
        // Not List.copyOf: value lists may hold nulls (an open bound of a value range).
        List<T> out = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            out.add(item.apply(i, value.get(i)));
        }
        return out;
    }

    private SuiteFormatException wrongType(String key, KwargType type, JsonNode value) {
        return where.error(
                "kwarg '" + path + key + "' must be " + type.description() + ", got " + JsonTrees.describe(value));
    }

    private SuiteFormatException wrongItem(String key, KwargType type, int index, JsonNode item) {
        return where.error("kwarg '" + path + key + "' must be " + type.description() + ", but item " + (index + 1)
                + " is " + JsonTrees.describe(item));
    }

    /**
     * Rejects the first key that nobody asked for, naming the nearest valid key.
     *
     * @param alsoKnown keys handled elsewhere (the shared options)
     * @param schema the keys the type's reader asks for; they are all known when {@code readerFinished}
     *     is false, because the reader may have stopped before asking for them
     * @param readerFinished true when the type's reader returned normally
     */
    void rejectUnknown(Collection<String> alsoKnown, List<KwargSpec> schema, boolean readerFinished) {
        Set<String> candidates = new LinkedHashSet<>();
        schema.forEach(s -> candidates.add(s.key()));
        candidates.addAll(asked);
        candidates.addAll(alsoKnown);
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            String key = entry.getKey();
            boolean known = asked.contains(key)
                    || alsoKnown.contains(key)
                    || (!readerFinished && schema.stream().anyMatch(s -> s.key().equals(key)));
            if (!known) {
                throw unknown(key, candidates);
            }
        }
        for (Map.Entry<String, TreeKwargReader> child : children.entrySet()) {
            List<KwargSpec> fields = schema.stream()
                    .filter(s -> s.key().equals(child.getKey()))
                    .findFirst()
                    .map(KwargSpec::fields)
                    .orElse(List.of());
            child.getValue().rejectUnknown(List.of(), fields, readerFinished);
        }
    }

    private SuiteFormatException unknown(String key, Set<String> candidates) {
        if (path.isEmpty() && key.equals("meta")) {
            return where.error(
                    "kwarg 'meta' is not read inside kwargs; put meta beside 'kwargs', at the expectation level");
        }
        String hint = Names.nearest(key, candidates)
                .map(n -> "; did you mean '" + path + n + "'?")
                .orElseGet(() -> "; valid kwargs are "
                        + String.join(
                                ", ", candidates.stream().map(c -> path + c).toList()));
        return where.error("unknown kwarg '" + path + key + "'" + hint);
    }
}
