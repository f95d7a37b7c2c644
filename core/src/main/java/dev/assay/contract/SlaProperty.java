package dev.assay.contract;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * One entry of {@code slaProperties}. Immutable.
 *
 * @param path where it is in the contract, e.g. {@code slaProperties[0]}
 * @param property the SLA property as written, e.g. {@code latency}
 * @param value the agreed value (a number, string or boolean), or empty for null
 * @param unit the unit, e.g. {@code d}, or empty
 * @param element the element(s) it applies to, e.g. {@code orders.updated_at}, or empty
 * @param driver {@code regulatory}, {@code analytics}, {@code operational}, or empty
 * @param description the description, or empty
 */
public record SlaProperty(
        String path,
        String property,
        Optional<Object> value,
        Optional<String> unit,
        Optional<String> element,
        Optional<String> driver,
        Optional<String> description) {
    public SlaProperty {
        requireNonNull(path, "path is null");
        requireNonNull(property, "property is null");
        requireNonNull(value, "value is null");
        requireNonNull(unit, "unit is null");
        requireNonNull(element, "element is null");
        requireNonNull(driver, "driver is null");
        requireNonNull(description, "description is null");
    }
}
