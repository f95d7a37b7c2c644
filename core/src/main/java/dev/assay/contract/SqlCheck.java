package dev.assay.contract;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@code type: sql} quality rule ready to run on the contract's JDBC server: the query, with
 * {@code {object}}, {@code {property}}, {@code ${table}} and {@code ${column}} replaced by the physical
 * names, must return one value, which the threshold judges. Run it with {@link SqlChecks#run}. Immutable.
 *
 * @param path where the rule is in the contract
 * @param objectName the object the rule belongs to
 * @param query the SQL to run, placeholders replaced
 * @param threshold the comparison of the value the query returns
 * @param meta the rule's name, severity, dimension and path, as the expectations carry them
 */
public record SqlCheck(String path, String objectName, String query, Threshold threshold, Map<String, Object> meta) {
    public SqlCheck {
        requireNonNull(path, "path is null");
        requireNonNull(objectName, "objectName is null");
        requireNonNull(query, "query is null");
        requireNonNull(threshold, "threshold is null");
        meta = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(meta, "meta is null")));
    }
}
