package dev.assay.contract;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Reads contract YAML into a tree and remembers the line of every node, so that a problem can name its
 * line as well as its path. Duplicate keys are problems, not silently overwritten.
 */
final class ContractYaml {
    private static final YAMLFactory YAML = new YAMLFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String source;
    private final Map<String, Integer> lines = new HashMap<>();
    private final List<ContractProblem> problems = new ArrayList<>();

    private ContractYaml(String source) {
        this.source = source;
    }

    /** A parsed document: the tree, the line of each path, and problems found while parsing. */
    record Document(String source, JsonNode root, Map<String, Integer> lines, List<ContractProblem> problems) {
        OptionalInt line(String path) {
            Integer l = lines.get(path);
            return l == null ? OptionalInt.empty() : OptionalInt.of(l);
        }

        ContractProblem problem(String path, ContractProblem.Severity severity, String message) {
            return new ContractProblem(source, path, line(path), severity, message);
        }
    }

    /**
     * Parses one YAML document.
     *
     * @throws ContractFormatException if the text is not YAML or holds no document
     */
    static Document parse(String text, String source) {
        ContractYaml reader = new ContractYaml(source);
        try (JsonParser p = YAML.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new ContractFormatException(
                        source,
                        List.of(new ContractProblem(
                                source,
                                "",
                                OptionalInt.empty(),
                                ContractProblem.Severity.ERROR,
                                "the file is empty; expected an ODCS v3 contract")));
            }
            JsonNode root = reader.read(p, "");
            if (p.nextToken() != null) {
                reader.problems.add(new ContractProblem(
                        source,
                        "",
                        OptionalInt.of(p.currentLocation().getLineNr()),
                        ContractProblem.Severity.ERROR,
                        "more than one YAML document; a contract is one document"));
            }
            return new Document(source, root, Map.copyOf(reader.lines), List.copyOf(reader.problems));
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
            throw new ContractFormatException(
                    source + (line > 0 ? ":" + line : "") + ": not valid YAML: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ContractFormatException(source + ": cannot read: " + e.getMessage(), e);
        }
    }

    private JsonNode read(JsonParser p, String path) throws IOException {
        lines.putIfAbsent(path, p.currentTokenLocation().getLineNr());
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT:
                return readObject(p, path);
            case START_ARRAY:
                return readArray(p, path);
            case VALUE_STRING:
                return NODES.textNode(p.getText());
            case VALUE_NUMBER_INT:
                return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? NODES.numberNode(p.getBigIntegerValue())
                        : NODES.numberNode(p.getLongValue());
            case VALUE_NUMBER_FLOAT:
                return NODES.numberNode(p.getDecimalValue());
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            case VALUE_EMBEDDED_OBJECT:
                return NODES.textNode(String.valueOf(p.getEmbeddedObject()));
            case END_ARRAY:
            case END_OBJECT:
            case FIELD_NAME:
            case NOT_AVAILABLE:
                break;
        }
        throw new IllegalStateException("unexpected YAML token " + t + " at " + path);
    }

    private ObjectNode readObject(JsonParser p, String path) throws IOException {
        ObjectNode node = NODES.objectNode();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            String child = path.isEmpty() ? key : path + "." + key;
            int line = p.currentTokenLocation().getLineNr();
            p.nextToken();
            if (node.has(key)) {
                problems.add(new ContractProblem(
                        source,
                        child,
                        OptionalInt.of(line),
                        ContractProblem.Severity.ERROR,
                        "duplicate key '" + key + "'; the first one is at line " + lines.get(child)));
                read(p, child + "#duplicate");
                continue;
            }
            lines.put(child, line);
            node.set(key, read(p, child));
        }
        return node;
    }

    private ArrayNode readArray(JsonParser p, String path) throws IOException {
        ArrayNode node = NODES.arrayNode();
        int i = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            node.add(read(p, path + "[" + i++ + "]"));
        }
        return node;
    }
}
