package dev.assay.suite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.expectation.ExpectationCatalog;
import dev.assay.model.ExpectationType;
import dev.assay.model.ResultFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The JSON Schema (draft 2020-12) of suite files, generated from the expectation catalog: each type's
 * kwargs are what its reader asks for (recorded by running the reader with placeholders), plus the
 * shared kwargs its kind takes. One {@code oneOf} branch per type; kwargs allow no other keys.
 *
 * <p>The committed copy is {@code docs/suite.schema.json}; regenerate it with {@code ./mvnw -q -o -pl
 * core test -Dtest=SuiteSchemaTest -Dassay.updateSchema=true}, or run {@link #main} with the file as
 * argument. Stateless and thread-safe.
 */
public final class SuiteSchema {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String IGNORED = "#/$defs/ignored";

    private SuiteSchema() {}

    /**
     * The schema as pretty-printed JSON, ending with a newline; the same text on every call.
     *
     * @return the schema, never null
     */
    public static String jsonSchema() {
        try {
            return SuiteFiles.JSON_MAPPER.writer(SuiteFiles.prettyPrinter()).writeValueAsString(schema()) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot print the suite schema", e);
        }
    }

    /**
     * Prints the schema, or writes it to the file named by the one argument.
     *
     * @param args empty, or the file to write (e.g. {@code docs/suite.schema.json})
     * @throws IOException if the file cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.out.print(jsonSchema());
        } else {
            Files.writeString(Path.of(args[0]), jsonSchema(), StandardCharsets.UTF_8);
        }
    }

    private static ObjectNode schema() {
        ObjectNode root = JSON.objectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("title", "Assay expectation suite");
        root.put(
                "description",
                "An expectation suite in Great Expectations 1.x shape; GX 0.x names are accepted too. "
                        + "Generated from Assay's expectation catalog by dev.assay.suite.SuiteSchema: do not edit. "
                        + "See docs/suite-format.md.");
        root.put("type", "object");
        ObjectNode properties = root.putObject("properties");
        properties.set("name", nonEmptyString("The suite's name (GX 1.x)."));
        properties.set("expectation_suite_name", nonEmptyString("The suite's name (GX 0.x)."));
        ObjectNode expectations = properties.putObject("expectations");
        expectations.put("type", "array");
        expectations.putObject("items").put("$ref", "#/$defs/expectation");
        properties.putObject("meta").put("$ref", "#/$defs/meta");
        for (String key : SuiteReader.IGNORED_SUITE_KEYS) {
            properties.putObject(key).put("$ref", IGNORED);
        }
        for (String key : SuiteReader.PARAMETER_KEYS) {
            properties.putObject(key).put("$ref", "#/$defs/no_parameters");
        }
        root.putArray("required").add("expectations");
        root.set("oneOf", eitherRequired("name", "expectation_suite_name"));
        root.put("additionalProperties", false);

        ObjectNode defs = root.putObject("$defs");
        defs.putObject("ignored").put("description", "Accepted for GX compatibility and ignored.");
        defs.set("meta", types("Free-form metadata, kept with the suite or expectation.", "object", "null"));
        ObjectNode noParameters = types("Only empty: Assay does not substitute suite parameters.", "object", "null");
        noParameters.put("maxProperties", 0);
        defs.set("no_parameters", noParameters);
        ObjectNode notes = defs.putObject("notes");
        notes.put("description", "Free-form notes (Markdown); a list is joined with newlines.");
        ArrayNode notesTypes = notes.putArray("oneOf");
        notesTypes.addObject().put("type", "string");
        notesTypes.addObject().put("type", "array").putObject("items").put("type", "string");
        notesTypes.addObject().put("type", "null");
        defs.set("result_format", resultFormat());
        ObjectNode expectation = defs.putObject("expectation");
        ArrayNode branches = expectation.putArray("oneOf");
        for (ExpectationType type : ExpectationCatalog.types()) {
            branches.addObject().put("$ref", "#/$defs/" + type.name());
        }
        for (ExpectationType type : ExpectationCatalog.types()) {
            defs.set(type.name(), expectation(type));
        }
        return root;
    }

    private static ObjectNode expectation(ExpectationType type) {
        ObjectNode node = JSON.objectNode();
        node.put("type", "object");
        node.put(
                "description",
                type.kind().gxName() + " expectation, dimension "
                        + type.dimension().jsonName() + ".");
        ObjectNode properties = node.putObject("properties");
        properties.putObject("type").put("const", type.name());
        properties.putObject("expectation_type").put("const", type.name());
        List<KwargSpec> specs = KwargSchemas.of(type);
        ObjectNode kwargs = object(specs);
        ObjectNode kwargProperties = (ObjectNode) kwargs.get("properties");
        for (String key : SharedKwargs.keys(type)) {
            kwargProperties.set(key, shared(key));
        }
        for (String key : SharedKwargs.IGNORED.stream().sorted().toList()) {
            kwargProperties.putObject(key).put("$ref", IGNORED);
        }
        kwargs.remove("additionalProperties");
        kwargs.put("additionalProperties", false);
        properties.set("kwargs", kwargs);
        properties.putObject("meta").put("$ref", "#/$defs/meta");
        properties.putObject("notes").put("$ref", "#/$defs/notes");
        properties.set("id", types("Kept when the suite is written back.", "string", "null"));
        for (String key : SuiteReader.IGNORED_EXPECTATION_KEYS) {
            properties.putObject(key).put("$ref", IGNORED);
        }
        if (specs.stream().anyMatch(KwargSpec::required)) {
            node.putArray("required").add("kwargs");
        }
        node.set("oneOf", eitherRequired("type", "expectation_type"));
        node.put("additionalProperties", false);
        return node;
    }

    private static ObjectNode object(List<KwargSpec> specs) {
        ObjectNode node = JSON.objectNode();
        node.put("type", "object");
        ObjectNode properties = node.putObject("properties");
        ArrayNode required = JSON.arrayNode();
        for (KwargSpec spec : specs) {
            properties.set(spec.key(), kwarg(spec));
            if (spec.required()) {
                required.add(spec.key());
            }
        }
        if (!required.isEmpty()) {
            node.set("required", required);
        }
        node.put("additionalProperties", false);
        return node;
    }

    private static ObjectNode kwarg(KwargSpec spec) {
        ObjectNode node = shape(spec);
        if (!spec.required()) {
            // JSON null reads as absent.
            arrayOfTypes(node).add("null");
        }
        spec.defaultValue().ifPresent(v -> node.putPOJO("default", v));
        return node;
    }

    private static ObjectNode shape(KwargSpec spec) {
        switch (spec.type()) {
            case STRING:
                return types(null, "string");
            case SCALAR:
                return scalar(false);
            case BOOLEAN:
                return types(null, "boolean");
            case NUMBER:
                return types(null, "number");
            case INTEGER:
                return types(null, "integer");
            case STRINGS:
                ObjectNode strings = types(null, "array");
                strings.putObject("items").put("type", "string");
                return strings;
            case SCALARS:
                ObjectNode scalars = types(null, "array");
                scalars.set("items", scalar(true));
                return scalars;
            case SCALAR_LISTS:
                ObjectNode lists = types(null, "array");
                ObjectNode inner = lists.putObject("items");
                inner.put("type", "array");
                inner.set("items", scalar(true));
                return lists;
            case OBJECT:
                return object(spec.fields());
        }
        throw new AssertionError(spec.type());
    }

    private static ObjectNode shared(String key) {
        switch (key) {
            case SharedKwargs.MOSTLY:
                ObjectNode mostly = types("The share of non-null rows that must pass.", "number", "null");
                mostly.put("minimum", 0).put("maximum", 1).put("default", 1);
                return mostly;
            case SharedKwargs.ROW_CONDITION:
                return types("Restricts the rows the expectation sees; see docs/row-conditions.md.", "string", "null");
            case SharedKwargs.CONDITION_PARSER:
                return types("The syntax of row_condition.", "string", "null");
            case SharedKwargs.RESULT_FORMAT:
                return JSON.objectNode().put("$ref", "#/$defs/result_format");
            case SharedKwargs.CATCH_EXCEPTIONS:
                return types("False to stop the validation on an error in this expectation.", "boolean", "null")
                        .put("default", true);
            default:
                throw new AssertionError(key);
        }
    }

    private static ObjectNode resultFormat() {
        ObjectNode node = JSON.objectNode();
        node.put("description", "How much detail the result carries; see docs/results.md.");
        ArrayNode oneOf = node.putArray("oneOf");
        oneOf.addObject().set("enum", levels());
        ObjectNode dict = oneOf.addObject();
        dict.put("type", "object");
        ObjectNode properties = dict.putObject("properties");
        properties.putObject(SharedKwargs.LEVEL).set("enum", levels());
        properties
                .putObject(SharedKwargs.PARTIAL_UNEXPECTED_COUNT)
                .put("type", "integer")
                .put("minimum", 0)
                .put("default", ResultFormat.DEFAULT_PARTIAL_UNEXPECTED_COUNT);
        ObjectNode indexColumns = properties.putObject(SharedKwargs.UNEXPECTED_INDEX_COLUMN_NAMES);
        indexColumns.put("type", "array");
        indexColumns.putObject("items").put("type", "string");
        properties
                .putObject(SharedKwargs.EXCLUDE_UNEXPECTED_VALUES)
                .put("type", "boolean")
                .put("default", false);
        for (String key : SharedKwargs.UNSUPPORTED_RESULT_FORMAT_KEYS.keySet().stream()
                .sorted()
                .toList()) {
            properties.set(
                    key,
                    types("Not supported; only false is accepted.", "boolean", "null")
                            .put("const", false));
        }
        dict.put("additionalProperties", false);
        oneOf.addObject().put("type", "null");
        return node;
    }

    private static ArrayNode levels() {
        ArrayNode levels = JSON.arrayNode();
        for (ResultFormat.Level level : ResultFormat.Level.values()) {
            levels.add(level.name());
        }
        return levels;
    }

    private static ObjectNode scalar(boolean nullable) {
        ObjectNode node = types(null, "number", "string", "boolean");
        if (nullable) {
            ((ArrayNode) node.get("type")).add("null");
        }
        return node;
    }

    /** The node's {@code type} as an array, converting a single type name. */
    private static ArrayNode arrayOfTypes(ObjectNode node) {
        if (node.get("type").isArray()) {
            return (ArrayNode) node.get("type");
        }
        String single = node.get("type").textValue();
        ArrayNode array = JSON.arrayNode().add(single);
        node.set("type", array);
        return array;
    }

    private static ObjectNode types(String description, String... types) {
        ObjectNode node = JSON.objectNode();
        if (description != null) {
            node.put("description", description);
        }
        if (types.length == 1) {
            node.put("type", types[0]);
        } else {
            ArrayNode array = node.putArray("type");
            for (String t : types) {
                array.add(t);
            }
        }
        return node;
    }

    private static ObjectNode nonEmptyString(String description) {
        return types(description, "string").put("minLength", 1);
    }

    private static ArrayNode eitherRequired(String a, String b) {
        ArrayNode oneOf = JSON.arrayNode();
        oneOf.addObject().putArray("required").add(a);
        oneOf.addObject().putArray("required").add(b);
        return oneOf;
    }
}
