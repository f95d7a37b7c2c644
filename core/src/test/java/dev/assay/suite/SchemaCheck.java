package dev.assay.suite;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A JSON Schema checker for the keywords {@link SuiteSchema} emits ({@code $ref} to {@code #/$defs},
 * {@code type}, {@code const}, {@code enum}, {@code properties}, {@code required},
 * {@code additionalProperties: false}, {@code items}, {@code oneOf}, {@code minimum}, {@code maximum},
 * {@code minLength}, {@code maxProperties}); any other keyword fails the check, so the schema cannot
 * drift beyond what is tested here. Annotations ({@code description}, {@code default}) are skipped.
 */
final class SchemaCheck {
    private static final List<String> ANNOTATIONS = List.of("$schema", "title", "description", "default", "$defs");

    private final JsonNode root;

    SchemaCheck(JsonNode root) {
        this.root = root;
    }

    /** The problems of {@code value}; empty when it is valid. */
    List<String> problems(JsonNode value) {
        List<String> problems = new ArrayList<>();
        check(root, value, "$", problems);
        return problems;
    }

    private void check(JsonNode schema, JsonNode value, String at, List<String> problems) {
        for (Map.Entry<String, JsonNode> keyword : schema.properties()) {
            JsonNode arg = keyword.getValue();
            switch (keyword.getKey()) {
                case "$ref":
                    String ref = arg.textValue();
                    if (!ref.startsWith("#/$defs/")) {
                        throw new IllegalArgumentException("unsupported $ref " + ref);
                    }
                    check(root.get("$defs").get(ref.substring("#/$defs/".length())), value, at, problems);
                    break;
                case "type":
                    boolean any = false;
                    for (JsonNode t : arg.isArray() ? arg : List.of(arg)) {
                        any |= hasType(value, t.textValue());
                    }
                    if (!any) {
                        problems.add(at + ": not of type " + arg);
                    }
                    break;
                case "const":
                    if (!arg.equals(value)) {
                        problems.add(at + ": not " + arg);
                    }
                    break;
                case "enum":
                    boolean found = false;
                    for (JsonNode option : arg) {
                        found |= option.equals(value);
                    }
                    if (!found) {
                        problems.add(at + ": not one of " + arg);
                    }
                    break;
                case "properties":
                    if (value.isObject()) {
                        for (Map.Entry<String, JsonNode> p : arg.properties()) {
                            if (value.has(p.getKey())) {
                                check(p.getValue(), value.get(p.getKey()), at + "." + p.getKey(), problems);
                            }
                        }
                    }
                    break;
                case "required":
                    for (JsonNode key : arg) {
                        if (value.isObject() && !value.has(key.textValue())) {
                            problems.add(at + ": missing " + key.textValue());
                        }
                    }
                    break;
                case "additionalProperties":
                    if (arg.booleanValue()) {
                        throw new IllegalArgumentException("only additionalProperties: false is supported");
                    }
                    if (value.isObject()) {
                        for (Map.Entry<String, JsonNode> p : value.properties()) {
                            if (!schema.path("properties").has(p.getKey())) {
                                problems.add(at + ": unexpected " + p.getKey());
                            }
                        }
                    }
                    break;
                case "items":
                    if (value.isArray()) {
                        for (int i = 0; i < value.size(); i++) {
                            check(arg, value.get(i), at + "[" + i + "]", problems);
                        }
                    }
                    break;
                case "oneOf":
                    int matches = 0;
                    for (JsonNode option : arg) {
                        if (problemsOf(option, value, at).isEmpty()) {
                            matches++;
                        }
                    }
                    if (matches != 1) {
                        problems.add(at + ": matches " + matches + " of the oneOf branches, not 1");
                    }
                    break;
                case "minimum":
                    if (value.isNumber() && value.doubleValue() < arg.doubleValue()) {
                        problems.add(at + ": below " + arg);
                    }
                    break;
                case "maximum":
                    if (value.isNumber() && value.doubleValue() > arg.doubleValue()) {
                        problems.add(at + ": above " + arg);
                    }
                    break;
                case "minLength":
                    if (value.isTextual() && value.textValue().length() < arg.intValue()) {
                        problems.add(at + ": shorter than " + arg);
                    }
                    break;
                case "maxProperties":
                    if (value.isObject() && value.size() > arg.intValue()) {
                        problems.add(at + ": more than " + arg + " properties");
                    }
                    break;
                default:
                    if (!ANNOTATIONS.contains(keyword.getKey())) {
                        throw new IllegalArgumentException("unsupported keyword " + keyword.getKey());
                    }
            }
        }
    }

    private List<String> problemsOf(JsonNode schema, JsonNode value, String at) {
        List<String> problems = new ArrayList<>();
        check(schema, value, at, problems);
        return problems;
    }

    private static boolean hasType(JsonNode value, String type) {
        switch (type) {
            case "object":
                return value.isObject();
            case "array":
                return value.isArray();
            case "string":
                return value.isTextual();
            case "number":
                return value.isNumber();
            case "integer":
                return value.isIntegralNumber() || value.isNumber() && value.canConvertToExactIntegral();
            case "boolean":
                return value.isBoolean();
            case "null":
                return value.isNull();
            default:
                throw new IllegalArgumentException("unknown type " + type);
        }
    }
}
