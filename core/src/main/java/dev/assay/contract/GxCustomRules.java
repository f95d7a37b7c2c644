package dev.assay.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.assay.error.AssayException;
import dev.assay.model.Expectation;
import dev.assay.suite.SuiteFiles;
import dev.assay.suite.SuiteFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a {@code type: custom} rule for Great Expectations: Assay speaks GX's vocabulary, so such a
 * rule runs natively. The implementation is one expectation ({@code type} and {@code kwargs}, GX 1.x, or
 * {@code expectation_type}, GX 0.x) or a list of them, as YAML text or a mapping; on a property, a
 * {@code expect_column_*} expectation without a {@code column} gets the property's column.
 */
final class GxCustomRules {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();

    private GxCustomRules() {}

    /** True for the engine names GX goes by: greatExpectations, great-expectations, great_expectations, gx. */
    static boolean isGx(String engine) {
        String e = engine.toLowerCase(Locale.ROOT).replaceAll("[-_ ]", "");
        return e.equals("greatexpectations") || e.equals("gx");
    }

    /**
     * The expectations of a GX custom rule.
     *
     * @throws IllegalArgumentException naming what is wrong, when the implementation is not GX expectations
     *     Assay knows
     */
    static List<Expectation> read(QualityRule rule, Optional<String> column, String source) {
        Object impl = rule.implementation().orElseThrow(() -> new IllegalArgumentException("it has no implementation"));
        Object tree;
        if (impl instanceof String) {
            try {
                tree = YAML.readValue((String) impl, Object.class);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("the implementation is not YAML: " + e.getOriginalMessage(), e);
            }
        } else {
            tree = impl;
        }
        List<Object> items = new ArrayList<>();
        if (tree instanceof List<?>) {
            items.addAll((List<?>) tree);
        } else if (tree instanceof Map<?, ?> && ((Map<?, ?>) tree).containsKey("expectations")) {
            Object list = ((Map<?, ?>) tree).get("expectations");
            if (list instanceof List<?>) {
                items.addAll((List<?>) list);
            }
        } else {
            items.add(tree);
        }
        if (items.isEmpty()) {
            throw new IllegalArgumentException("the implementation holds no expectation");
        }
        List<Object> expectations = new ArrayList<>();
        for (Object item : items) {
            if (!(item instanceof Map<?, ?>)) {
                throw new IllegalArgumentException(
                        "an expectation must be a mapping with type and kwargs, got " + item);
            }
            Map<String, Object> e = new LinkedHashMap<>();
            ((Map<?, ?>) item).forEach((k, v) -> e.put(String.valueOf(k), v));
            Object type = e.getOrDefault("type", e.get("expectation_type"));
            Object kwargs = e.get("kwargs");
            if (column.isPresent()
                    && type instanceof String
                    && ((String) type).startsWith("expect_column_")
                    && !((String) type).startsWith("expect_column_pair_")) {
                Map<String, Object> k = new LinkedHashMap<>();
                if (kwargs instanceof Map<?, ?>) {
                    ((Map<?, ?>) kwargs).forEach((key, v) -> k.put(String.valueOf(key), v));
                }
                k.putIfAbsent("column", column.get());
                e.put("kwargs", k);
            }
            expectations.add(e);
        }
        Map<String, Object> suite = new LinkedHashMap<>();
        suite.put("name", "custom");
        suite.put("expectations", expectations);
        try {
            return SuiteFiles.parse(JSON.writeValueAsString(suite), SuiteFormat.JSON, source + " " + rule.path())
                    .expectations();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the implementation cannot be read: " + e.getOriginalMessage(), e);
        } catch (AssayException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
