package dev.assay.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Checks a contract tree against the structure of ODCS v3.0.x and v3.1.0, as the standard's JSON Schema
 * defines it, and stricter where the schema is loose: every object rejects keys the standard does not
 * define (the schema of 3.0.x allows them below the top level). Every problem names its path and line.
 */
final class ContractValidator extends MetadataValidator {
    /** The versions Assay reads. */
    static final List<String> API_VERSIONS = List.of("v3.0.0", "v3.0.1", "v3.0.2", "v3.1.0");

    static final List<String> LOGICAL_TYPES =
            List.of("string", "date", "timestamp", "time", "number", "integer", "object", "array", "boolean");
    static final List<String> DIMENSIONS =
            List.of("accuracy", "completeness", "conformity", "consistency", "coverage", "timeliness", "uniqueness");
    static final List<String> QUALITY_TYPES = List.of("text", "library", "sql", "custom");
    static final List<String> METRICS =
            List.of("nullValues", "missingValues", "invalidValues", "duplicateValues", "rowCount");
    static final List<String> OPERATORS = List.of(
            "mustBe",
            "mustNotBe",
            "mustBeGreaterThan",
            "mustBeGreaterOrEqualTo",
            "mustBeLessThan",
            "mustBeLessOrEqualTo",
            "mustBeBetween",
            "mustNotBeBetween");

    private ContractValidator(ContractYaml.Document doc) {
        super(doc);
    }

    /** The problems of a document, in document order; empty when it is valid. */
    static List<ContractProblem> validate(ContractYaml.Document doc) {
        ContractValidator v = new ContractValidator(doc);
        v.root(doc.root());
        return v.problems();
    }

    /** True for a 3.1 document (or one whose version is unknown, read by the newest rules). */
    static boolean isV31(JsonNode root) {
        JsonNode v = root.path("apiVersion");
        return !v.isTextual() || !v.asText().startsWith("v3.0.");
    }

    private void root(JsonNode root) {
        if (!root.isObject()) {
            error("", "a contract must be a YAML mapping, got " + describe(root));
            return;
        }
        JsonNode api = root.get("apiVersion");
        if (api != null && api.isTextual() && api.asText().startsWith("v2.")) {
            error(
                    "apiVersion",
                    "ODCS " + api.asText() + " contracts are not supported; Assay reads " + API_VERSIONS
                            + " (upgrade the contract to v3)");
            return;
        }
        v31 = isV31(root);
        Map<String, BiConsumer<JsonNode, String>> f = new LinkedHashMap<>();
        f.put("version", this::string);
        f.put("kind", oneOf(List.of("DataContract")));
        f.put("apiVersion", oneOf(API_VERSIONS));
        f.put("id", this::string);
        f.put("name", this::string);
        f.put("tenant", this::string);
        f.put("tags", this::strings);
        f.put("status", this::string);
        f.put("servers", arrayOf(this::server));
        f.put("dataProduct", this::string);
        f.put(
                "description",
                object(
                        fields(
                                "usage",
                                str(),
                                "purpose",
                                str(),
                                "limitations",
                                str(),
                                "authoritativeDefinitions",
                                arrayOf(this::authoritativeDefinition),
                                "customProperties",
                                arrayOf(this::customProperty)),
                        List.of()));
        f.put("domain", this::string);
        f.put("schema", arrayOf(this::schemaObject));
        f.put("support", arrayOf(this::supportItem));
        f.put(
                "price",
                (n, p) -> checkObject(
                        n,
                        p,
                        stable(fields("priceAmount", num(), "priceCurrency", str(), "priceUnit", str())),
                        List.of()));
        // 3.1 makes team an object with members; its own examples still write the 3.0 list, so both are read.
        f.put("team", (n, p) -> {
            if (v31 && n.isObject()) {
                team(n, p);
            } else {
                arrayOf(this::teamMember).accept(n, p);
            }
        });
        f.put("roles", arrayOf(this::role));
        f.put("slaDefaultElement", this::string);
        f.put("slaProperties", arrayOf(this::slaProperty));
        f.put("authoritativeDefinitions", arrayOf(this::authoritativeDefinition));
        f.put("customProperties", arrayOf(this::customProperty));
        f.put("contractCreatedTs", this::string);
        checkObject(root, "", f, List.of("version", "apiVersion", "kind", "id", "status"));
    }

    private void server(JsonNode node, String path) {
        if (!node.isObject()) {
            typeError(path, "a server mapping", node);
            return;
        }
        Map<String, BiConsumer<JsonNode, String>> f = new LinkedHashMap<>();
        f.put("server", this::string);
        f.put("type", oneOf(ServerTypes.types(v31)));
        f.put("description", this::string);
        f.put("environment", this::string);
        f.put("roles", arrayOf(this::role));
        f.put("customProperties", arrayOf(this::customProperty));
        List<String> required = new ArrayList<>(List.of("server", "type"));
        JsonNode type = node.get("type");
        ServerTypes.Spec spec = type != null && type.isTextual() ? ServerTypes.spec(type.asText()) : null;
        if (spec != null) {
            spec.keys().forEach((k, t) -> f.put(k, t.equals("integer") ? this::integer : this::string));
            required.addAll(spec.required());
        }
        checkObject(node, path, stable(f), required);
    }

    private void schemaObject(JsonNode node, String path) {
        Map<String, BiConsumer<JsonNode, String>> f = element();
        f.put("logicalType", oneOf(List.of("object")));
        f.put("physicalName", this::string);
        f.put("dataGranularityDescription", this::string);
        f.put("properties", arrayOf(this::property));
        f.put("quality", arrayOf(this::quality));
        if (v31) {
            f.put("relationships", arrayOf((n, p) -> relationship(n, p, true)));
        }
        checkObject(node, path, f, List.of("name"));
    }

    private Map<String, BiConsumer<JsonNode, String>> element() {
        return stable(fields(
                "name", str(),
                "physicalType", str(),
                "description", str(),
                "businessName", str(),
                "authoritativeDefinitions", arrayOf(this::authoritativeDefinition),
                "tags", (BiConsumer<JsonNode, String>) this::strings,
                "customProperties", arrayOf(this::customProperty)));
    }

    private void property(JsonNode node, String path) {
        baseProperty(node, path, true);
    }

    private void baseProperty(JsonNode node, String path, boolean nameRequired) {
        Map<String, BiConsumer<JsonNode, String>> f = element();
        f.put("primaryKey", this::bool);
        f.put("primaryKeyPosition", this::integer);
        f.put("logicalType", oneOf(LOGICAL_TYPES));
        f.put(
                "logicalTypeOptions",
                (n, p) -> logicalTypeOptions(n, p, node.path("logicalType").asText("")));
        f.put("physicalName", this::string);
        f.put("required", this::bool);
        f.put("unique", this::bool);
        f.put("partitioned", this::bool);
        f.put("partitionKeyPosition", this::integer);
        f.put("classification", this::string);
        f.put("encryptedName", this::string);
        f.put("transformSourceObjects", this::strings);
        f.put("transformLogic", this::string);
        f.put("transformDescription", this::string);
        f.put("examples", arrayOf((n, p) -> {}));
        f.put("criticalDataElement", this::bool);
        f.put("quality", arrayOf(this::quality));
        if (v31) {
            f.put("relationships", arrayOf((n, p) -> relationship(n, p, false)));
        }
        String logical = node.path("logicalType").asText("");
        if (logical.equals("object") || !nameRequired) {
            f.put("properties", arrayOf(this::property));
        }
        if (logical.equals("array")) {
            f.put("items", (n, p) -> baseProperty(n, p, false));
        }
        checkObject(node, path, f, nameRequired ? List.of("name") : List.of());
    }

    private void logicalTypeOptions(JsonNode node, String path, String logicalType) {
        // 3.0.x gives exclusiveMinimum/exclusiveMaximum as flags on minimum/maximum; 3.1.0 as bounds.
        BiConsumer<JsonNode, String> exclusiveNumber = v31 ? num() : this::bool;
        BiConsumer<JsonNode, String> exclusiveText = v31 ? str() : this::bool;
        Map<String, BiConsumer<JsonNode, String>> string =
                fields("minLength", nonNegative(), "maxLength", nonNegative(), "pattern", str(), "format", str());
        Map<String, BiConsumer<JsonNode, String>> temporal = fields(
                "format", str(),
                "minimum", str(),
                "maximum", str(),
                "exclusiveMinimum", exclusiveText,
                "exclusiveMaximum", exclusiveText);
        Map<String, BiConsumer<JsonNode, String>> timestamp = new LinkedHashMap<>(temporal);
        timestamp.put("timezone", this::bool);
        timestamp.put("defaultTimezone", this::string);
        Map<String, BiConsumer<JsonNode, String>> integer = fields(
                "multipleOf", num(),
                "minimum", num(),
                "maximum", num(),
                "exclusiveMinimum", exclusiveNumber,
                "exclusiveMaximum", exclusiveNumber,
                "format", oneOf(List.of("i8", "i16", "i32", "i64", "i128", "u8", "u16", "u32", "u64", "u128")));
        Map<String, BiConsumer<JsonNode, String>> number = new LinkedHashMap<>(integer);
        number.put("format", oneOf(List.of("f32", "f64")));
        Map<String, BiConsumer<JsonNode, String>> object =
                fields("maxProperties", nonNegative(), "minProperties", nonNegative(), "required", str());
        object.put("required", this::strings);
        Map<String, BiConsumer<JsonNode, String>> array =
                fields("maxItems", nonNegative(), "minItems", nonNegative(), "uniqueItems", bool());
        Map<String, BiConsumer<JsonNode, String>> f;
        switch (logicalType) {
            case "string":
                f = string;
                break;
            case "date":
                f = temporal;
                break;
            case "timestamp":
            case "time":
                f = timestamp;
                break;
            case "integer":
                f = integer;
                break;
            case "number":
                f = number;
                break;
            case "object":
                f = object;
                break;
            case "array":
                f = array;
                break;
            case "boolean":
                f = Map.of();
                break;
            default:
                // No (or an invalid) logical type: the standard leaves the options open; accept the known ones.
                f = new LinkedHashMap<>(string);
                timestamp.forEach(f::putIfAbsent);
                integer.forEach(f::putIfAbsent);
                object.forEach(f::putIfAbsent);
                array.forEach(f::putIfAbsent);
                f.put("format", str());
                f.put("minimum", (n, p) -> {});
                f.put("maximum", (n, p) -> {});
                f.put("exclusiveMinimum", (n, p) -> {});
                f.put("exclusiveMaximum", (n, p) -> {});
        }
        checkObject(node, path, f, List.of(), "logicalTypeOptions for logicalType '" + logicalType + "'");
    }

    private void quality(JsonNode node, String path) {
        if (!node.isObject()) {
            typeError(path, "a quality rule mapping", node);
            return;
        }
        Map<String, BiConsumer<JsonNode, String>> f = fields(
                "authoritativeDefinitions", arrayOf(this::authoritativeDefinition),
                "businessImpact", str(),
                "customProperties", arrayOf(this::customProperty),
                "description", str(),
                "dimension", oneOf(DIMENSIONS),
                "method", str(),
                "name", str(),
                "schedule", str(),
                "scheduler", str(),
                "severity", str(),
                "tags", (BiConsumer<JsonNode, String>) this::strings,
                "type", oneOf(QUALITY_TYPES),
                "unit", str());
        List<String> required = new ArrayList<>();
        JsonNode typeNode = node.get("type");
        String type = typeNode != null && typeNode.isTextual() ? typeNode.asText() : null;
        boolean library = "library".equals(type) || (type == null && (!v31 || node.has("metric") || node.has("rule")));
        boolean operators = false;
        if (library) {
            f.put("rule", this::string);
            // 3.0.x has no 'arguments' but lets any key through here; Assay takes only 3.1's spelling.
            f.put("arguments", this::libraryArguments);
            if (v31) {
                f.put("metric", oneOf(METRICS));
                if (!node.has("rule")) {
                    required.add("metric");
                }
            } else {
                required.add("rule");
            }
            operators = true;
        } else if ("sql".equals(type)) {
            f.put("query", this::string);
            required.add("query");
            operators = true;
        } else if ("custom".equals(type)) {
            f.put("engine", this::string);
            f.put("implementation", (n, p) -> {
                if (!n.isTextual() && !n.isObject()) {
                    typeError(p, "a string or a mapping", n);
                }
            });
            required.add("engine");
            required.add("implementation");
        }
        if (operators) {
            operatorFields(f);
            List<String> present = new ArrayList<>();
            for (String op : OPERATORS) {
                if (node.has(op)) {
                    present.add(op);
                }
            }
            if (present.isEmpty() && (v31 || "sql".equals(type))) {
                error(path, "a " + (library ? "library" : "sql") + " rule needs one operator: one of " + OPERATORS);
            } else if (present.size() > 1 && v31) {
                error(path, "a rule takes exactly one operator in ODCS v3.1, got " + present);
            }
        }
        checkObject(node, path, stable(f), required);
    }

    private void operatorFields(Map<String, BiConsumer<JsonNode, String>> f) {
        BiConsumer<JsonNode, String> scalar = (n, p) -> {
            if (n.isContainerNode() || n.isNull()) {
                typeError(p, "a number or another single value", n);
            }
        };
        f.put("mustBe", scalar);
        f.put("mustNotBe", scalar);
        f.put("mustBeGreaterThan", num());
        f.put("mustBeGreaterOrEqualTo", num());
        f.put("mustBeLessThan", num());
        f.put("mustBeLessOrEqualTo", num());
        f.put("mustBeBetween", this::pair);
        f.put("mustNotBeBetween", this::pair);
    }

    private void pair(JsonNode node, String path) {
        if (!node.isArray() || node.size() != 2) {
            typeError(path, "a list of two numbers [low, high]", node);
            return;
        }
        number(node.get(0), path + "[0]");
        number(node.get(1), path + "[1]");
        if (node.get(0).isNumber() && node.get(1).isNumber()) {
            int c = node.get(0).decimalValue().compareTo(node.get(1).decimalValue());
            if (c == 0) {
                error(path, "the two bounds must differ (the standard asks for unique items), got " + node);
            } else if (c > 0) {
                error(path, "the smaller bound comes first, got " + node);
            }
        }
    }

    private void libraryArguments(JsonNode node, String path) {
        checkObject(
                node,
                path,
                fields(
                        "missingValues", arrayOf((n, p) -> {}),
                        "validValues", arrayOf((n, p) -> {}),
                        "pattern", str(),
                        "properties", (BiConsumer<JsonNode, String>) this::strings),
                List.of(),
                "library rule arguments");
    }

    private void relationship(JsonNode node, String path, boolean schemaLevel) {
        Map<String, BiConsumer<JsonNode, String>> f = fields(
                "type", oneOf(List.of("foreignKey")),
                "to", (BiConsumer<JsonNode, String>) this::reference,
                "customProperties", arrayOf(this::customProperty));
        if (schemaLevel) {
            f.put("from", this::reference);
        } else {
            f.put(
                    "from",
                    (n, p) -> error(
                            p, "a relationship on a property must not name 'from': it is the property" + " itself"));
        }
        checkObject(node, path, f, schemaLevel ? List.of("from", "to") : List.of("to"));
        JsonNode from = node.get("from");
        JsonNode to = node.get("to");
        if (schemaLevel && from != null && to != null && from.isArray() != to.isArray()) {
            error(path, "'from' and 'to' must both be a single reference or both be lists");
        } else if (from != null && to != null && from.isArray() && to.isArray() && from.size() != to.size()) {
            error(path, "'from' lists " + from.size() + " properties but 'to' lists " + to.size());
        }
    }

    private void reference(JsonNode node, String path) {
        if (node.isArray()) {
            if (node.isEmpty()) {
                error(path, "must list at least one property");
            }
            strings(node, path);
            for (int i = 0; i < node.size(); i++) {
                referenceFormat(node.get(i), path + "[" + i + "]");
            }
        } else {
            string(node, path);
            referenceFormat(node, path);
        }
    }

    private void referenceFormat(JsonNode node, String path) {
        if (node.isTextual()
                && !node.asText().matches("[A-Za-z_][A-Za-z0-9_]*\\.[A-Za-z_][A-Za-z0-9_]*")
                && !node.asText()
                        .matches("(?:(?:https?://)?[A-Za-z0-9._\\-/]+\\.yaml#)?/?[A-Za-z_][A-Za-z0-9_]*/[A-Za-z0-9_-]+"
                                + "(?:/[A-Za-z_][A-Za-z0-9_]*/[A-Za-z0-9_-]+)*")) {
            error(
                    path,
                    "must be object.property or a reference by ids such as schema/<object id>/properties/"
                            + "<property id>, got '" + node.asText() + "'");
        }
    }
}
