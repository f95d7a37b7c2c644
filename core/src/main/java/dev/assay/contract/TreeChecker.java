package dev.assay.contract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.contract.ContractProblem.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The generic checks of a contract tree: keys, types, enums, lists; every problem gets its path and line.
 * One instance checks one document; not thread-safe.
 */
abstract class TreeChecker {
    static final BiConsumer<JsonNode, String> ANY = (n, p) -> {};

    private final ContractYaml.Document doc;
    private final List<ContractProblem> problems = new ArrayList<>();

    /** True while checking a 3.1 document (or one whose version is unknown). */
    boolean v31 = true;

    TreeChecker(ContractYaml.Document doc) {
        this.doc = doc;
        problems.addAll(doc.problems());
    }

    /** The problems found so far, in document order. */
    final List<ContractProblem> problems() {
        return List.copyOf(problems);
    }

    /** Adds 3.1's stable technical {@code id}, which most objects may carry. */
    Map<String, BiConsumer<JsonNode, String>> stable(Map<String, BiConsumer<JsonNode, String>> f) {
        if (v31) {
            f.put("id", (n, p) -> {
                string(n, p);
                if (n.isTextual() && !n.asText().matches("[A-Za-z0-9_-]+")) {
                    error(p, "a stable id holds only letters, digits, '-' and '_', got '" + n.asText() + "'");
                }
            });
        }
        return f;
    }

    // ---- generic checks ----

    void checkObject(
            JsonNode node, String path, Map<String, BiConsumer<JsonNode, String>> fields, List<String> required) {
        checkObject(node, path, fields, required, null);
    }

    void checkObject(
            JsonNode node,
            String path,
            Map<String, BiConsumer<JsonNode, String>> fields,
            List<String> required,
            String what) {
        if (!node.isObject()) {
            typeError(path, "a mapping", node);
            return;
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String child = join(path, e.getKey());
            BiConsumer<JsonNode, String> check = fields.get(e.getKey());
            if (check == null) {
                error(child, unknownKey(e.getKey(), fields.keySet(), what));
            } else {
                check.accept(e.getValue(), child);
            }
        }
        for (String key : required) {
            if (!node.has(key)) {
                error(path, "missing required key '" + key + "'");
            }
        }
    }

    static String unknownKey(String key, Iterable<String> known, String what) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        List<String> sorted = new ArrayList<>();
        for (String k : known) {
            sorted.add(k);
            int d = distance(key.toLowerCase(java.util.Locale.ROOT), k.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        sorted.sort(null);
        String hint =
                best != null && bestDistance <= Math.max(2, key.length() / 4) ? " (did you mean '" + best + "'?)" : "";
        return "unknown key '" + key + "'" + hint + (what == null ? "" : " in " + what) + "; allowed keys: " + sorted;
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    static Map<String, BiConsumer<JsonNode, String>> fields(Object... keysAndChecks) {
        Map<String, BiConsumer<JsonNode, String>> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndChecks.length; i += 2) {
            @SuppressWarnings("unchecked")
            BiConsumer<JsonNode, String> check = (BiConsumer<JsonNode, String>) keysAndChecks[i + 1];
            m.put((String) keysAndChecks[i], check);
        }
        return m;
    }

    BiConsumer<JsonNode, String> str() {
        return this::string;
    }

    BiConsumer<JsonNode, String> num() {
        return this::number;
    }

    BiConsumer<JsonNode, String> bool() {
        return this::bool;
    }

    BiConsumer<JsonNode, String> nonNegative() {
        return (n, p) -> {
            integer(n, p);
            if (n.isIntegralNumber() && n.asLong() < 0) {
                error(p, "must be 0 or more, got " + n.asText());
            }
        };
    }

    BiConsumer<JsonNode, String> arrayOf(BiConsumer<JsonNode, String> item) {
        return (n, p) -> {
            if (!n.isArray()) {
                typeError(p, "a list", n);
                return;
            }
            for (int i = 0; i < n.size(); i++) {
                item.accept(n.get(i), p + "[" + i + "]");
            }
        };
    }

    BiConsumer<JsonNode, String> object(Map<String, BiConsumer<JsonNode, String>> f, List<String> required) {
        return (n, p) -> checkObject(n, p, f, required);
    }

    BiConsumer<JsonNode, String> oneOf(List<String> values) {
        return (n, p) -> {
            if (!n.isTextual()) {
                typeError(p, "one of " + values, n);
            } else if (!values.contains(n.asText())) {
                error(p, "must be one of " + values + ", got '" + n.asText() + "'");
            }
        };
    }

    void string(JsonNode node, String path) {
        if (!node.isTextual()) {
            typeError(path, "a string", node);
        }
    }

    void strings(JsonNode node, String path) {
        if (!node.isArray()) {
            typeError(path, "a list of strings", node);
            return;
        }
        for (int i = 0; i < node.size(); i++) {
            string(node.get(i), path + "[" + i + "]");
        }
    }

    void number(JsonNode node, String path) {
        if (!node.isNumber()) {
            typeError(path, "a number", node);
        }
    }

    void integer(JsonNode node, String path) {
        if (!node.isIntegralNumber()) {
            typeError(path, "an integer", node);
        }
    }

    void bool(JsonNode node, String path) {
        if (!node.isBoolean()) {
            typeError(path, "true or false", node);
        }
    }

    void typeError(String path, String expected, JsonNode actual) {
        error(path, "must be " + expected + ", got " + describe(actual));
    }

    static String describe(JsonNode n) {
        if (n.isTextual()) {
            return "the string '" + n.asText() + "'";
        }
        if (n.isNumber()) {
            return "the number " + n.asText();
        }
        if (n.isBoolean()) {
            return n.asText();
        }
        if (n.isNull()) {
            return "null";
        }
        if (n.isArray()) {
            return "a list";
        }
        return "a mapping";
    }

    void error(String path, String message) {
        problems.add(doc.problem(path, Severity.ERROR, message));
    }
}
