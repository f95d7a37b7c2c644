package dev.assay.contract;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One entry of a {@code quality} list, on an object or a property. Immutable.
 *
 * @param path where it is in the contract, e.g. {@code schema[0].properties[1].quality[0]}
 * @param type text, library, sql or custom
 * @param metric the library metric ({@code metric}, or the deprecated {@code rule}), or empty
 * @param threshold the operators, or empty when the rule has none
 * @param unit {@code rows}, {@code percent} or what the author wrote; empty means rows
 * @param arguments the library arguments: {@code missingValues}, {@code validValues} (lists),
 *     {@code pattern} (a string), {@code properties} (a list of names)
 * @param query the SQL of a sql rule, or empty
 * @param engine the engine of a custom rule, or empty
 * @param implementation the implementation of a custom rule: a string or a map, or empty
 * @param name the rule's name, or empty
 * @param description the rule's description, or empty
 * @param severity the severity as written (e.g. {@code error}, {@code warning}), or empty
 * @param dimension the ODCS dimension as written (e.g. {@code completeness}), or empty
 * @param businessImpact the business impact, or empty
 */
public record QualityRule(
        String path,
        Type type,
        Optional<String> metric,
        Optional<Threshold> threshold,
        Optional<String> unit,
        Map<String, Object> arguments,
        Optional<String> query,
        Optional<String> engine,
        Optional<Object> implementation,
        Optional<String> name,
        Optional<String> description,
        Optional<String> severity,
        Optional<String> dimension,
        Optional<String> businessImpact) {
    public QualityRule {
        requireNonNull(path, "path is null");
        requireNonNull(type, "type is null");
        requireNonNull(metric, "metric is null");
        requireNonNull(threshold, "threshold is null");
        requireNonNull(unit, "unit is null");
        arguments = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(arguments, "arguments is null")));
        requireNonNull(query, "query is null");
        requireNonNull(engine, "engine is null");
        requireNonNull(implementation, "implementation is null");
        requireNonNull(name, "name is null");
        requireNonNull(description, "description is null");
        requireNonNull(severity, "severity is null");
        requireNonNull(dimension, "dimension is null");
        requireNonNull(businessImpact, "businessImpact is null");
    }

    /** The kind of a rule. */
    public enum Type {
        TEXT,
        LIBRARY,
        SQL,
        CUSTOM
    }

    /** A short label for reports: the name, else the metric, else the type. */
    public String label() {
        return name.orElseGet(() -> metric.map(
                        m -> m + (threshold.isPresent() ? " " + threshold.get().describe() : ""))
                .orElseGet(() -> type.name().toLowerCase(java.util.Locale.ROOT) + " rule"));
    }

    /** The {@code properties} argument (schema-level duplicateValues), or empty. */
    public List<String> propertiesArgument() {
        Object p = arguments.get("properties");
        if (p instanceof List<?>) {
            return ((List<?>) p).stream().map(String::valueOf).toList();
        }
        return List.of();
    }
}
