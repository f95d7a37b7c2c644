package dev.assay.contract.gate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.assay.contract.SchemaObject;
import dev.assay.contract.SchemaProperty;
import dev.assay.contract.gate.Change.Severity;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The changes of the text that the contract model does not hold (tags, descriptions of properties, custom
 * properties, team, support, ...): all metadata, so all info. Keys the model holds are left to {@link
 * ContractDiff}.
 */
final class MetadataDiff {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> TOP = Set.of(
            "apiVersion",
            "kind",
            "id",
            "version",
            "status",
            "name",
            "domain",
            "dataProduct",
            "servers",
            "schema",
            "slaProperties",
            "slaDefaultElement");
    private static final Set<String> OBJECT =
            Set.of("name", "physicalName", "physicalType", "description", "properties", "quality", "relationships");
    private static final Set<String> PROPERTY = Set.of(
            "name",
            "physicalName",
            "logicalType",
            "physicalType",
            "required",
            "unique",
            "primaryKey",
            "primaryKeyPosition",
            "logicalTypeOptions",
            "quality",
            "relationships",
            "properties",
            "items");
    private static final Pattern STEP = Pattern.compile("([^.\\[]+)|\\[(\\d+)]");

    private MetadataDiff() {}

    static void diff(Changes out, ContractVersion before, ContractVersion after) {
        JsonNode b = tree(before);
        JsonNode a = tree(after);
        keys(out, "", "", b, a, TOP);
        for (SchemaObject o : before.contract().schema()) {
            Optional<SchemaObject> match = after.contract().schema().stream()
                    .filter(x -> x.name().equals(o.name()))
                    .findFirst();
            if (match.isPresent()) {
                String what = "object '" + o.name() + "': ";
                keys(
                        out,
                        match.get().path(),
                        what,
                        at(b, o.path()),
                        at(a, match.get().path()),
                        OBJECT);
                properties(out, o.name(), b, a, o.properties(), match.get().properties());
            }
        }
    }

    private static void properties(
            Changes out,
            String owner,
            JsonNode b,
            JsonNode a,
            List<SchemaProperty> before,
            List<SchemaProperty> after) {
        for (SchemaProperty p : before) {
            Optional<SchemaProperty> match =
                    after.stream().filter(x -> x.name().equals(p.name())).findFirst();
            if (match.isPresent()) {
                String what = "property '" + owner + "." + p.name() + "': ";
                keys(
                        out,
                        match.get().path(),
                        what,
                        at(b, p.path()),
                        at(a, match.get().path()),
                        PROPERTY);
                properties(
                        out,
                        owner + "." + p.name(),
                        b,
                        a,
                        p.properties(),
                        match.get().properties());
            }
        }
    }

    private static void keys(Changes out, String path, String what, JsonNode b, JsonNode a, Set<String> modeled) {
        Set<String> keys = new LinkedHashSet<>();
        b.fieldNames().forEachRemaining(keys::add);
        a.fieldNames().forEachRemaining(keys::add);
        for (String key : keys) {
            if (modeled.contains(key) || b.path(key).equals(a.path(key))) {
                continue;
            }
            String change = b.path(key).isMissingNode() ? "added" : a.path(key).isMissingNode() ? "removed" : "changed";
            out.add(path.isEmpty() ? key : path + "." + key, Severity.INFO, what + key + " " + change);
        }
    }

    private static JsonNode tree(ContractVersion v) {
        try {
            JsonNode n = YAML.readTree(v.text());
            return n == null ? MissingNode.getInstance() : n;
        } catch (JsonProcessingException e) {
            // The text was read as a valid contract already, so this cannot happen; keep the cause if it does.
            throw new IllegalStateException("cannot re-read " + v.label() + ": " + e.getOriginalMessage(), e);
        }
    }

    /** The node at a path such as {@code schema[0].properties[2]}. */
    private static JsonNode at(JsonNode root, String path) {
        JsonNode n = root;
        Matcher m = STEP.matcher(path);
        while (m.find()) {
            n = m.group(1) != null ? n.path(m.group(1)) : n.path(Integer.parseInt(m.group(2)));
        }
        return n;
    }
}
