package dev.assay.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.error.AssayException;
import dev.assay.error.SuiteFormatException;
import dev.assay.expectation.ExpectationCatalog;
import dev.assay.internal.Names;
import dev.assay.model.Expectation;
import dev.assay.model.ExpectationOptions;
import dev.assay.model.ExpectationSuite;
import dev.assay.model.ExpectationType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a parsed suite file (GX 1.x or 0.x shape) into an {@link ExpectationSuite}, strictly: unknown
 * keys, unknown types, wrong types and missing keys are errors that name the file, the expectation and
 * the key. Thread-safe.
 */
final class SuiteReader {
    /** Top-level keys Assay reads. */
    static final List<String> SUITE_KEYS = List.of("name", "expectation_suite_name", "expectations", "meta");
    /**
     * Top-level keys Assay accepts and ignores: those of GX 1.x and 0.x files, and {@code $schema}, which
     * points editors at docs/suite.schema.json.
     */
    static final List<String> IGNORED_SUITE_KEYS = List.of("$schema", "id", "notes", "ge_cloud_id", "data_asset_type");
    /** Top-level keys accepted only when empty: Assay does not substitute parameters. */
    static final List<String> PARAMETER_KEYS = List.of("suite_parameters", "evaluation_parameters");
    /** Expectation keys Assay reads. */
    static final List<String> EXPECTATION_KEYS = List.of("type", "expectation_type", "kwargs", "meta", "notes", "id");
    /** Expectation keys of GX 1.x and 0.x files that Assay accepts and ignores. */
    static final List<String> IGNORED_EXPECTATION_KEYS =
            List.of("ge_cloud_id", "description", "rendered_content", "expectation_context");

    private final String source;
    private final SharedKwargs.ConditionParser conditions;

    SuiteReader(String source, SharedKwargs.ConditionParser conditions) {
        this.source = source;
        this.conditions = conditions;
    }

    ExpectationSuite read(JsonNode root) {
        Where where = Where.suite(source);
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw where.error("the file is empty; a suite needs 'name' and 'expectations'");
        }
        if (!root.isObject()) {
            throw where.error(
                    "a suite must be an object with 'name' and 'expectations', got " + JsonTrees.describe(root));
        }
        rejectUnknownKeys(root, where, SUITE_KEYS, IGNORED_SUITE_KEYS, PARAMETER_KEYS);
        for (String key : PARAMETER_KEYS) {
            JsonNode parameters = root.get(key);
            if (parameters != null && !parameters.isNull() && !(parameters.isObject() && parameters.isEmpty())) {
                throw where.error("'" + key + "' is not supported: Assay does not substitute suite parameters; "
                        + "write the values into the kwargs");
            }
        }
        String name = oneOf(root, where, "name", "expectation_suite_name", "suite name");
        JsonNode expectations = root.get("expectations");
        if (expectations == null || expectations.isNull()) {
            throw where.error("missing 'expectations' (a list, possibly empty)");
        }
        if (!expectations.isArray()) {
            throw where.error("'expectations' must be a list, got " + JsonTrees.describe(expectations));
        }
        List<Expectation> list = new ArrayList<>(expectations.size());
        for (int i = 0; i < expectations.size(); i++) {
            list.add(expectation(expectations.get(i), where.expectation(i + 1)));
        }
        Map<String, Object> meta = meta(root, where);
        try {
            return new ExpectationSuite(name, list, meta);
        } catch (AssayException e) {
            throw where.error(e.getMessage(), e);
        }
    }

    private Expectation expectation(JsonNode node, Where at) {
        if (!node.isObject()) {
            throw at.error(
                    "an expectation must be an object with 'type' and 'kwargs', got " + JsonTrees.describe(node));
        }
        if (!node.hasNonNull("type") && !node.hasNonNull("expectation_type")) {
            // A misspelt 'type' is reported as such, not as a missing type.
            rejectUnknownKeys(node, at, EXPECTATION_KEYS, IGNORED_EXPECTATION_KEYS, List.of());
        }
        String typeName = oneOf(node, at, "type", "expectation_type", "expectation type");
        Where where = at.withType(typeName);
        rejectUnknownKeys(node, where, EXPECTATION_KEYS, IGNORED_EXPECTATION_KEYS, List.of());
        ExpectationType type = ExpectationCatalog.find(typeName)
                .orElseThrow(() -> where.error("unknown expectation type '" + typeName + "'"
                        + Names.nearest(typeName, ExpectationCatalog.names())
                                .map(n -> "; did you mean '" + n + "'?")
                                .orElse("; docs/expectations.md lists the types Assay knows")));
        ExpectationOptions base = ExpectationOptions.DEFAULT.withMeta(meta(node, where));
        Optional<String> notes = notes(node, where);
        if (notes.isPresent()) {
            base = base.withNotes(notes.get());
        }
        JsonNode id = node.get("id");
        if (id != null && !id.isNull()) {
            if (!id.isTextual()) {
                throw where.error("'id' must be a string, got " + JsonTrees.describe(id));
            }
            base = base.withId(id.textValue());
        }
        JsonNode kwargsNode = node.get("kwargs");
        if (kwargsNode != null && !kwargsNode.isNull() && !kwargsNode.isObject()) {
            throw where.error("'kwargs' must be an object, got " + JsonTrees.describe(kwargsNode));
        }
        ObjectNode kwargsObject = kwargsNode == null || kwargsNode.isNull()
                ? JsonNodeFactory.instance.objectNode()
                : (ObjectNode) kwargsNode;
        TreeKwargReader kwargs = new TreeKwargReader(kwargsObject, "", where);
        ExpectationOptions options = SharedKwargs.read(kwargs, type, base, conditions, where);

        Expectation expectation = null;
        RuntimeException failure = null;
        try {
            expectation = type.reader().read(kwargs, options);
        } catch (SuiteFormatException e) {
            failure = e;
        } catch (AssayException | IllegalArgumentException e) {
            failure = where.error(e.getMessage(), e);
        }
        // An unknown key is the likelier cause of a failure ('colum' makes 'column' missing): report it first.
        Set<String> known = new LinkedHashSet<>(SharedKwargs.keys(type));
        known.addAll(SharedKwargs.IGNORED);
        kwargs.rejectUnknown(known, KwargSchemas.of(type), failure == null);
        if (failure != null) {
            throw failure;
        }
        return expectation;
    }

    /** The value of {@code current} (GX 1.x) or {@code legacy} (GX 0.x): a non-blank string. */
    private static String oneOf(JsonNode node, Where where, String current, String legacy, String what) {
        JsonNode a = node.get(current);
        JsonNode b = node.get(legacy);
        boolean hasA = a != null && !a.isNull();
        boolean hasB = b != null && !b.isNull();
        if (hasA && hasB) {
            throw where.error("both '" + current + "' (GX 1.x) and '" + legacy + "' (GX 0.x) are set; keep one");
        }
        if (!hasA && !hasB) {
            throw where.error("missing '" + current + "' (or '" + legacy + "' in GX 0.x files)");
        }
        String key = hasA ? current : legacy;
        JsonNode value = hasA ? a : b;
        if (!value.isTextual() || value.textValue().isBlank()) {
            throw where.error(
                    "'" + key + "' must be the " + what + ", a non-empty string, got " + JsonTrees.describe(value));
        }
        return value.textValue();
    }

    @SafeVarargs
    private static void rejectUnknownKeys(JsonNode node, Where where, List<String>... known) {
        List<String> all = new ArrayList<>();
        for (List<String> keys : known) {
            all.addAll(keys);
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (!all.contains(e.getKey())) {
                throw where.error("unknown key '" + e.getKey() + "'" + hint(e.getKey(), known[0]));
            }
        }
    }

    private static String hint(String key, List<String> candidates) {
        return Names.nearest(key, candidates)
                .map(n -> "; did you mean '" + n + "'?")
                .orElseGet(() -> "; valid keys are " + String.join(", ", candidates));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> meta(JsonNode node, Where where) {
        JsonNode meta = node.get("meta");
        if (meta == null || meta.isNull()) {
            return Map.of();
        }
        if (!meta.isObject()) {
            throw where.error("'meta' must be an object, got " + JsonTrees.describe(meta));
        }
        return new LinkedHashMap<>((Map<String, Object>) JsonTrees.plain(meta));
    }

    /** GX notes: a string, or a list of strings (joined with newlines). */
    private static Optional<String> notes(JsonNode node, Where where) {
        JsonNode notes = node.get("notes");
        if (notes == null || notes.isNull()) {
            return Optional.empty();
        }
        if (notes.isTextual()) {
            return Optional.of(notes.textValue());
        }
        if (notes.isArray()) {
            List<String> lines = new ArrayList<>();
            for (JsonNode line : notes) {
                if (!line.isTextual()) {
                    throw where.error("'notes' must be a string or a list of strings, but an item is "
                            + JsonTrees.describe(line));
                }
                lines.add(line.textValue());
            }
            return Optional.of(String.join("\n", lines));
        }
        throw where.error("'notes' must be a string or a list of strings, got " + JsonTrees.describe(notes));
    }
}
