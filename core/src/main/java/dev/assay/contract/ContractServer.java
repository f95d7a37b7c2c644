package dev.assay.contract;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Optional;

/**
 * One entry of a contract's {@code servers}: where the data lives. {@link #connection()} says how Assay
 * would reach it, so that a contract gate can turn it into a data source. Immutable.
 *
 * @param path where it is in the contract, e.g. {@code servers[0]}
 * @param server the server's identifier, e.g. {@code production}
 * @param type the ODCS server type, e.g. {@code postgres}, {@code s3}, {@code local}
 * @param environment e.g. {@code prod}, or empty
 * @param description the description, or empty
 * @param host the host, or empty
 * @param port the port, or empty
 * @param database the database (or, for duckdb, the database file), or empty
 * @param schema the schema within the database, or empty
 * @param catalog the catalog (trino, databricks, athena), or empty
 * @param serviceName the service name (oracle), or empty
 * @param account the account (snowflake, glue, redshift), or empty
 * @param warehouse the warehouse (snowflake), or empty
 * @param location a URL of files or an API ({@code s3://bucket/prefix/*.parquet}), or empty
 * @param filePath the path of local files, or empty
 * @param format the file format ({@code parquet}, {@code csv}, {@code json}, ...), or empty
 * @param delimiter for json: how documents are delimited, or empty
 * @param endpointUrl the endpoint of an S3-compatible service, or empty
 * @param region the cloud region, or empty
 */
public record ContractServer(
        String path,
        String server,
        String type,
        Optional<String> environment,
        Optional<String> description,
        Optional<String> host,
        Optional<Integer> port,
        Optional<String> database,
        Optional<String> schema,
        Optional<String> catalog,
        Optional<String> serviceName,
        Optional<String> account,
        Optional<String> warehouse,
        Optional<String> location,
        Optional<String> filePath,
        Optional<String> format,
        Optional<String> delimiter,
        Optional<String> endpointUrl,
        Optional<String> region) {
    public ContractServer {
        requireNonNull(path, "path is null");
        requireNonNull(server, "server is null");
        requireNonNull(type, "type is null");
        for (Optional<?> o : new Optional<?>[] {
            environment,
            description,
            host,
            port,
            database,
            schema,
            catalog,
            serviceName,
            account,
            warehouse,
            location,
            filePath,
            format,
            delimiter,
            endpointUrl,
            region
        }) {
            requireNonNull(o, "an optional server setting is null");
        }
    }

    /** How Assay reaches a server. */
    public sealed interface Connection permits Jdbc, Files, Unsupported {}

    /**
     * A database reached through JDBC.
     *
     * @param url the JDBC URL, without credentials (they come from the environment, never the contract)
     * @param schema the schema that holds the contract's tables, or empty for the connection's default
     */
    public record Jdbc(String url, Optional<String> schema) implements Connection {
        public Jdbc {
            requireNonNull(url, "url is null");
            requireNonNull(schema, "schema is null");
        }
    }

    /**
     * Files, local or in an object store.
     *
     * @param location a local path or a URL ({@code s3://...}), possibly with a glob or a {@code {model}}
     *     placeholder for the object name
     * @param format the file format, lower case
     * @param endpointUrl the endpoint of an S3-compatible service, or empty for AWS
     */
    public record Files(String location, String format, Optional<String> endpointUrl) implements Connection {
        public Files {
            requireNonNull(location, "location is null");
            requireNonNull(format, "format is null");
            requireNonNull(endpointUrl, "endpointUrl is null");
        }

        /** The location for one object: {@code {model}} replaced by its name. */
        public String locationOf(String objectName) {
            return location.replace("{model}", objectName);
        }
    }

    /**
     * A server Assay has no way to read yet.
     *
     * @param reason why, naming the server type
     */
    public record Unsupported(String reason) implements Connection {
        public Unsupported {
            requireNonNull(reason, "reason is null");
        }
    }

    /** How to reach this server: a JDBC URL, a file location and format, or why it cannot be reached. */
    public Connection connection() {
        switch (type) {
            case "postgres":
            case "postgresql":
                return jdbc("jdbc:postgresql://" + hostOr() + portOr(5432) + "/" + database.orElse(""));
            case "mysql":
                return jdbc("jdbc:mysql://" + hostOr() + portOr(3306) + "/" + database.orElse(""));
            case "sqlserver":
                return jdbc("jdbc:sqlserver://" + hostOr() + portOr(1433)
                        + database.map(d -> ";databaseName=" + d).orElse(""));
            case "oracle":
                return jdbc("jdbc:oracle:thin:@//" + hostOr() + portOr(1521) + "/" + serviceName.orElse(""));
            case "db2":
                return jdbc("jdbc:db2://" + hostOr() + portOr(50000) + "/" + database.orElse(""));
            case "redshift":
                return jdbc("jdbc:redshift://" + hostOr() + portOr(5439) + "/" + database.orElse(""));
            case "trino":
                return jdbc("jdbc:trino://" + hostOr() + portOr(8080) + "/" + catalog.orElse("")
                        + schema.map(s -> "/" + s).orElse(""));
            case "presto":
                return jdbc("jdbc:presto://" + hostOr() + "/" + catalog.orElse("")
                        + schema.map(s -> "/" + s).orElse(""));
            case "clickhouse":
                return jdbc("jdbc:clickhouse://" + hostOr() + portOr(8123) + "/" + database.orElse(""));
            case "vertica":
                return jdbc("jdbc:vertica://" + hostOr() + portOr(5433) + "/" + database.orElse(""));
            case "hive":
                return jdbc("jdbc:hive2://" + hostOr() + portOr(10000) + "/" + database.orElse(""));
            case "duckdb":
                return jdbc("jdbc:duckdb:" + database.orElse(""));
            case "snowflake":
                return jdbc("jdbc:snowflake://" + account.orElse("") + ".snowflakecomputing.com/?db="
                        + database.orElse("") + schema.map(s -> "&schema=" + s).orElse("")
                        + warehouse.map(w -> "&warehouse=" + w).orElse(""));
            case "local":
                return files(filePath);
            case "s3":
                return files(location);
            default:
                return new Unsupported("server type '" + type + "' (" + path + ") has no Assay source yet; Assay reads"
                        + " JDBC databases (postgres, mysql, sqlserver, oracle, db2, redshift, trino, presto,"
                        + " clickhouse, vertica, hive, duckdb, snowflake), local files and s3");
        }
    }

    private String hostOr() {
        return host.orElse("localhost");
    }

    private String portOr(int defaultPort) {
        return ":" + port.orElse(defaultPort);
    }

    private Connection jdbc(String url) {
        return new Jdbc(url, schema);
    }

    private Connection files(Optional<String> where) {
        if (where.isEmpty()) {
            return new Unsupported("server '" + server + "' (" + path + ") of type " + type + " names no "
                    + (type.equals("local") ? "path" : "location"));
        }
        String f = format.map(s -> s.toLowerCase(Locale.ROOT)).orElseGet(() -> guessFormat(where.get()));
        if (f.isEmpty()) {
            return new Unsupported("server '" + server + "' (" + path + ") names no format and '" + where.get()
                    + "' has no known file extension");
        }
        return new Files(where.get(), f, endpointUrl);
    }

    private static String guessFormat(String location) {
        String l = location.toLowerCase(Locale.ROOT);
        for (String ext : new String[] {"parquet", "csv", "json"}) {
            if (l.endsWith("." + ext)) {
                return ext;
            }
        }
        return "";
    }
}
