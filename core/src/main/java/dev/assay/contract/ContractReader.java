package dev.assay.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds the contract model from a tree that {@link ContractValidator} found valid. */
final class ContractReader {
    private ContractReader() {}

    static DataContract read(ContractYaml.Document doc) {
        JsonNode root = doc.root();
        List<ContractServer> servers = new ArrayList<>();
        each(root, "servers", "servers", (n, p) -> servers.add(server(n, p)));
        List<SchemaObject> objects = new ArrayList<>();
        each(root, "schema", "schema", (n, p) -> objects.add(object(n, p)));
        List<SlaProperty> sla = new ArrayList<>();
        each(
                root,
                "slaProperties",
                "slaProperties",
                (n, p) -> sla.add(new SlaProperty(
                        p,
                        n.path("property").asText(),
                        Optional.ofNullable(value(n.get("value"))),
                        text(n, "unit"),
                        text(n, "element"),
                        text(n, "driver"),
                        text(n, "description"))));
        return new DataContract(
                doc.source(),
                root.path("apiVersion").asText(),
                root.path("id").asText(),
                root.path("version").asText(),
                root.path("status").asText(),
                text(root, "name"),
                text(root, "domain"),
                text(root, "dataProduct"),
                servers,
                objects,
                sla,
                text(root, "slaDefaultElement"),
                doc.lines());
    }

    private static ContractServer server(JsonNode n, String p) {
        return new ContractServer(
                p,
                n.path("server").asText(),
                n.path("type").asText(),
                text(n, "environment"),
                text(n, "description"),
                text(n, "host"),
                n.has("port") ? Optional.of(n.get("port").asInt()) : Optional.empty(),
                text(n, "database"),
                text(n, "schema"),
                text(n, "catalog"),
                text(n, "serviceName"),
                text(n, "account"),
                text(n, "warehouse"),
                text(n, "location"),
                text(n, "path"),
                text(n, "format"),
                text(n, "delimiter"),
                text(n, "endpointUrl"),
                text(n, "region").or(() -> text(n, "regionName")));
    }

    private static SchemaObject object(JsonNode n, String p) {
        List<SchemaProperty> properties = new ArrayList<>();
        each(n, "properties", p + ".properties", (c, cp) -> properties.add(property(c, cp)));
        String objectName = n.path("name").asText();
        return new SchemaObject(
                p,
                text(n, "id"),
                objectName,
                text(n, "physicalName"),
                text(n, "physicalType"),
                text(n, "description"),
                properties,
                quality(n, p),
                relationships(n, p, Optional.empty()));
    }

    private static SchemaProperty property(JsonNode n, String p) {
        List<SchemaProperty> nested = new ArrayList<>();
        each(n, "properties", p + ".properties", (c, cp) -> nested.add(property(c, cp)));
        String name = n.path("name").asText();
        return new SchemaProperty(
                p,
                text(n, "id"),
                name,
                text(n, "physicalName"),
                text(n, "logicalType"),
                text(n, "physicalType"),
                n.path("required").asBoolean(false),
                n.path("unique").asBoolean(false),
                n.path("primaryKey").asBoolean(false),
                n.path("primaryKeyPosition").asInt(-1),
                options(n.get("logicalTypeOptions")),
                quality(n, p),
                relationships(n, p, Optional.of(name)),
                nested,
                n.has("items") ? Optional.of(property(n.get("items"), p + ".items")) : Optional.empty());
    }

    private static LogicalTypeOptions options(JsonNode n) {
        if (n == null) {
            return LogicalTypeOptions.NONE;
        }
        Optional<Object> min = Optional.ofNullable(value(n.get("minimum")));
        Optional<Object> max = Optional.ofNullable(value(n.get("maximum")));
        boolean minExclusive = false;
        boolean maxExclusive = false;
        JsonNode exMin = n.get("exclusiveMinimum");
        if (exMin != null) {
            if (exMin.isBoolean()) {
                minExclusive = exMin.asBoolean();
            } else {
                min = Optional.ofNullable(value(exMin));
                minExclusive = true;
            }
        }
        JsonNode exMax = n.get("exclusiveMaximum");
        if (exMax != null) {
            if (exMax.isBoolean()) {
                maxExclusive = exMax.asBoolean();
            } else {
                max = Optional.ofNullable(value(exMax));
                maxExclusive = true;
            }
        }
        Map<String, Object> others = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : n.properties()) {
            if (!List.of(
                            "minimum",
                            "maximum",
                            "exclusiveMinimum",
                            "exclusiveMaximum",
                            "minLength",
                            "maxLength",
                            "pattern",
                            "format",
                            "timezone")
                    .contains(e.getKey())) {
                others.put(e.getKey(), value(e.getValue()));
            }
        }
        return new LogicalTypeOptions(
                min,
                minExclusive,
                max,
                maxExclusive,
                n.has("minLength") ? Optional.of(n.get("minLength").asLong()) : Optional.empty(),
                n.has("maxLength") ? Optional.of(n.get("maxLength").asLong()) : Optional.empty(),
                text(n, "pattern"),
                text(n, "format"),
                n.has("timezone") ? Optional.of(n.get("timezone").asBoolean()) : Optional.empty(),
                others);
    }

    private static List<QualityRule> quality(JsonNode n, String p) {
        List<QualityRule> rules = new ArrayList<>();
        each(n, "quality", p + ".quality", (q, qp) -> rules.add(rule(q, qp)));
        return rules;
    }

    private static QualityRule rule(JsonNode q, String p) {
        QualityRule.Type type;
        String t = q.path("type").asText("");
        switch (t) {
            case "text":
                type = QualityRule.Type.TEXT;
                break;
            case "sql":
                type = QualityRule.Type.SQL;
                break;
            case "custom":
                type = QualityRule.Type.CUSTOM;
                break;
            default:
                type = QualityRule.Type.LIBRARY;
        }
        List<Threshold.Condition> conditions = new ArrayList<>();
        for (String op : ContractValidator.OPERATORS) {
            JsonNode v = q.get(op);
            if (v != null) {
                Threshold.Operator operator =
                        Threshold.Operator.fromOdcsName(op).orElseThrow();
                List<Object> operands = new ArrayList<>();
                if (v.isArray()) {
                    v.forEach(x -> operands.add(value(x)));
                } else {
                    operands.add(value(v));
                }
                conditions.add(new Threshold.Condition(operator, operands));
            }
        }
        Map<String, Object> arguments = new LinkedHashMap<>();
        JsonNode args = q.get("arguments");
        if (args != null) {
            args.properties().forEach(e -> arguments.put(e.getKey(), value(e.getValue())));
        }
        return new QualityRule(
                p,
                type,
                text(q, "metric").or(() -> text(q, "rule")),
                conditions.isEmpty() ? Optional.empty() : Optional.of(new Threshold(conditions)),
                text(q, "unit"),
                arguments,
                text(q, "query"),
                text(q, "engine"),
                Optional.ofNullable(value(q.get("implementation"))),
                text(q, "name"),
                text(q, "description"),
                text(q, "severity"),
                text(q, "dimension"),
                text(q, "businessImpact"));
    }

    private static List<Relationship> relationships(JsonNode n, String p, Optional<String> property) {
        List<Relationship> out = new ArrayList<>();
        each(n, "relationships", p + ".relationships", (r, rp) -> {
            List<String> to = references(r.get("to"));
            List<String> from = property.isPresent() ? List.of(property.get()) : references(r.get("from"));
            out.add(new Relationship(rp, from, to, r.path("type").asText("foreignKey")));
        });
        return out;
    }

    private static List<String> references(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n == null) {
            return out;
        }
        if (n.isArray()) {
            n.forEach(x -> out.add(x.asText()));
        } else {
            out.add(n.asText());
        }
        return out;
    }

    private static void each(
            JsonNode parent, String key, String path, java.util.function.BiConsumer<JsonNode, String> action) {
        JsonNode list = parent.get(key);
        if (list == null) {
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            action.accept(list.get(i), path + "[" + i + "]");
        }
    }

    private static Optional<String> text(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText());
    }

    /** A JSON value as Java: String, Long, BigDecimal, Boolean, List, Map, or null. */
    static Object value(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isTextual()) {
            return n.asText();
        }
        if (n.isIntegralNumber()) {
            return n.canConvertToLong() ? (Object) n.longValue() : n.decimalValue();
        }
        if (n.isNumber()) {
            return n.decimalValue();
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        if (n.isArray()) {
            List<Object> list = new ArrayList<>();
            n.forEach(x -> list.add(value(x)));
            return java.util.Collections.unmodifiableList(list);
        }
        Map<String, Object> map = new LinkedHashMap<>();
        n.properties().forEach(e -> map.put(e.getKey(), value(e.getValue())));
        return java.util.Collections.unmodifiableMap(map);
    }
}
