package dev.assay.contract;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The server types of ODCS v3 and, for each, the keys the standard defines beside the common ones and
 * which of them are required (from the standard's JSON Schema, {@code $defs/ServerSource}).
 */
final class ServerTypes {
    /** Keys every server may have. */
    static final Set<String> COMMON =
            Set.of("server", "type", "description", "environment", "roles", "customProperties");

    /** Type-specific keys: key → JSON type ("string" or "integer"). */
    record Spec(Map<String, String> keys, List<String> required) {}

    private static final Map<String, Spec> SPECS = specs();

    private static final Set<String> V31_ONLY = Set.of("hive", "impala", "zen");

    private ServerTypes() {}

    private static Map<String, Spec> specs() {
        Map<String, Spec> m = new LinkedHashMap<>();
        m.put("api", spec("location", "required:location"));
        m.put("athena", spec("stagingDir schema catalog regionName", "required:stagingDir schema"));
        m.put("azure", spec("location format delimiter", "required:location format"));
        m.put("bigquery", spec("project dataset", "required:project dataset"));
        m.put("clickhouse", spec("host port:int database", "required:host port database"));
        m.put("databricks", spec("host catalog schema", "required:catalog schema"));
        m.put("denodo", spec("host port:int database", "required:host port"));
        m.put("dremio", spec("host port:int schema", "required:host port"));
        // The standard types duckdb's schema as an integer, surely a slip; a name is a string.
        m.put("duckdb", spec("database schema", "required:database"));
        m.put("glue", spec("account database location format", "required:account database"));
        m.put("cloudsql", spec("host port:int database schema", "required:host port database schema"));
        m.put("db2", spec("host port:int database schema", "required:host port database"));
        m.put("hive", spec("host port:int database", "required:host database"));
        m.put("impala", spec("host port:int database", "required:host database"));
        m.put("informix", spec("host port:int database", "required:host database"));
        m.put("zen", spec("host port:int database", "required:host database"));
        m.put(
                "custom",
                spec(
                        "account catalog database dataset delimiter endpointUrl format host location path port:int project"
                                + " region regionName schema serviceName stagingDir stream warehouse",
                        "required:"));
        m.put("kafka", spec("host format", "required:host"));
        m.put("kinesis", spec("region format", "required:"));
        m.put("local", spec("path format", "required:path format"));
        m.put("mysql", spec("host port:int database", "required:host port database"));
        m.put("oracle", spec("host port:int serviceName", "required:host port serviceName"));
        m.put("postgresql", spec("host port:int database schema", "required:host port database schema"));
        m.put("postgres", spec("host port:int database schema", "required:host port database schema"));
        m.put("presto", spec("host catalog schema", "required:host"));
        m.put("pubsub", spec("project", "required:project"));
        m.put("redshift", spec("host database schema region account", "required:database schema"));
        m.put("s3", spec("location endpointUrl format delimiter", "required:location"));
        m.put("sftp", spec("location format delimiter", "required:location"));
        m.put("snowflake", spec("host port:int account database schema warehouse", "required:account database schema"));
        m.put("sqlserver", spec("host port:int database schema", "required:host database schema"));
        m.put("synapse", spec("host port:int database", "required:host port database"));
        m.put("trino", spec("host port:int catalog schema", "required:host port catalog schema"));
        m.put("vertica", spec("host port:int database schema", "required:host port database schema"));
        return Map.copyOf(m);
    }

    private static Spec spec(String keys, String required) {
        Map<String, String> k = new LinkedHashMap<>();
        for (String key : keys.split(" ")) {
            int colon = key.indexOf(':');
            k.put(colon < 0 ? key : key.substring(0, colon), colon < 0 ? "string" : "integer");
        }
        String req = required.substring("required:".length()).trim();
        return new Spec(k, req.isEmpty() ? List.of() : List.of(req.split(" ")));
    }

    /** The server types of a version: 3.0.x lacks {@code hive}, {@code impala} and {@code zen}. */
    static List<String> types(boolean v31) {
        return SPECS.keySet().stream()
                .filter(t -> v31 || !V31_ONLY.contains(t))
                .sorted()
                .toList();
    }

    static Spec spec(String type) {
        return SPECS.get(type);
    }
}
