package dev.assay.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/** The metadata sections of a contract (SLA, team, roles, support, definitions, custom properties). */
abstract class MetadataValidator extends TreeChecker {
    MetadataValidator(ContractYaml.Document doc) {
        super(doc);
    }

    void slaProperty(JsonNode node, String path) {
        BiConsumer<JsonNode, String> scalar = (n, p) -> {
            if (n.isContainerNode()) {
                typeError(p, "a single value", n);
            }
        };
        Map<String, BiConsumer<JsonNode, String>> f = fields(
                "property",
                str(),
                "value",
                scalar,
                "valueExt",
                scalar,
                "unit",
                str(),
                "element",
                str(),
                "driver",
                str(),
                "description",
                str());
        if (v31) {
            f.put("scheduler", this::string);
            f.put("schedule", this::string);
        }
        checkObject(node, path, stable(f), List.of("property", "value"));
    }

    void team(JsonNode node, String path) {
        checkObject(
                node,
                path,
                stable(fields(
                        "name",
                        str(),
                        "description",
                        str(),
                        "members",
                        arrayOf(this::teamMember),
                        "tags",
                        (BiConsumer<JsonNode, String>) this::strings,
                        "customProperties",
                        arrayOf(this::customProperty),
                        "authoritativeDefinitions",
                        arrayOf(this::authoritativeDefinition))),
                List.of());
    }

    void teamMember(JsonNode node, String path) {
        Map<String, BiConsumer<JsonNode, String>> f = fields(
                "username", str(), "role", str(), "dateIn", str(), "dateOut", str(), "replacedByUsername", str());
        if (v31) {
            f.put("name", this::string);
            f.put("description", this::string);
            f.put("tags", this::strings);
            f.put("customProperties", arrayOf(this::customProperty));
            f.put("authoritativeDefinitions", arrayOf(this::authoritativeDefinition));
        }
        checkObject(node, path, stable(f), v31 ? List.of("username") : List.of());
    }

    void role(JsonNode node, String path) {
        checkObject(
                node,
                path,
                stable(fields(
                        "role",
                        str(),
                        "description",
                        str(),
                        "access",
                        str(),
                        "firstLevelApprovers",
                        str(),
                        "secondLevelApprovers",
                        str(),
                        "customProperties",
                        arrayOf(this::customProperty))),
                List.of("role"));
    }

    void supportItem(JsonNode node, String path) {
        Map<String, BiConsumer<JsonNode, String>> f = fields(
                "channel",
                str(),
                "url",
                str(),
                "description",
                str(),
                "tool",
                str(),
                "scope",
                str(),
                "invitationUrl",
                str());
        if (v31) {
            f.put("customProperties", arrayOf(this::customProperty));
        }
        checkObject(node, path, stable(f), v31 ? List.of("channel") : List.of("channel", "url"));
    }

    void authoritativeDefinition(JsonNode node, String path) {
        Map<String, BiConsumer<JsonNode, String>> f = fields("url", str(), "type", str());
        if (v31) {
            f.put("description", this::string);
        }
        checkObject(node, path, stable(f), List.of("url", "type"));
    }

    void customProperty(JsonNode node, String path) {
        Map<String, BiConsumer<JsonNode, String>> f = fields("property", str(), "value", ANY);
        if (v31) {
            f.put("description", this::string);
        }
        checkObject(node, path, stable(f), v31 ? List.of("property", "value") : List.of());
    }
}
