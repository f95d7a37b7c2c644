package dev.assay.suite;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.internal.Names;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Conversions between Jackson trees and plain Java values, and how values read in messages. */
final class JsonTrees {
    private static final int SHOWN_TEXT = 40;

    private JsonTrees() {}

    /** A node as it reads in a message: {@code the string 'abc'}, {@code the number 5}, {@code a list}. */
    static String describe(JsonNode node) {
        if (node.isTextual()) {
            String text = node.textValue();
            return "the string '" + (text.length() > SHOWN_TEXT ? text.substring(0, SHOWN_TEXT) + "..." : text) + "'";
        }
        if (node.isNumber()) {
            return "the number " + node.asText();
        }
        if (node.isBoolean()) {
            return node.asText();
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isObject()) {
            return "an object";
        }
        return "null";
    }

    /** True for a number, string or boolean node. */
    static boolean isScalar(JsonNode node) {
        return node.isTextual() || node.isBoolean() || node.isNumber();
    }

    /**
     * A free-form node (meta) as plain Java: maps, lists, {@code Long} or {@code Double} (integers too
     * large for a long stay {@code BigInteger}), strings, booleans and nulls.
     */
    static Object plain(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                map.put(e.getKey(), plain(e.getValue()));
            }
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            for (JsonNode item : node) {
                list.add(plain(item));
            }
            return list;
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.asText();
    }

    /**
     * A value written by an expectation or kept in meta, made plain for Jackson: {@code java.time}
     * values as ISO-8601 text, optionals unwrapped, enums by name, collections as lists.
     */
    static Object writable(Object value) {
        if (value instanceof Optional<?> optional) {
            return writable(optional.orElse(null));
        }
        if (value instanceof TemporalAccessor || value instanceof TemporalAmount) {
            return value.toString();
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), writable(v)));
            return out;
        }
        if (value instanceof Collection<?> collection) {
            List<Object> out = new ArrayList<>(collection.size());
            for (Object item : collection) {
                out.add(writable(item));
            }
            return out;
        }
        return value;
    }

    /** {@code ; did you mean 'x'?}, or {@code ; valid <what> are a, b, c} when nothing is close. */
    static String suggestion(String name, Collection<String> candidates, String what) {
        return Names.nearest(name, candidates)
                .map(n -> "; did you mean '" + n + "'?")
                .orElseGet(() -> "; valid " + what + " are " + String.join(", ", candidates));
    }
}
