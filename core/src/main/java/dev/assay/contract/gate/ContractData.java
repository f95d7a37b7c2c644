package dev.assay.contract.gate;

import dev.assay.contract.ContractServer;
import dev.assay.contract.DataContract;
import dev.assay.contract.SchemaObject;
import dev.assay.error.AssayException;
import dev.assay.error.ErrorCode;
import dev.assay.project.Config;
import dev.assay.project.ProjectSource;
import dev.assay.project.SourceProvider;
import dev.assay.source.Batch;
import dev.assay.source.FileFormat;
import dev.assay.source.FileFormatProvider;
import dev.assay.source.FileFormats;
import dev.assay.source.FileSource;
import dev.assay.source.FileStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The data of a contract's objects: a batch per object from the chosen server (files through core's file
 * sources and the file format SPI, a database through the {@code jdbc} {@link SourceProvider}) or from a
 * {@code data} override, and a JDBC connection for the sql rules. Objects it cannot read are listed with the
 * reason. Not thread-safe; close it to close the connection.
 */
final class ContractData implements AutoCloseable {
    private final Map<String, Batch> batches = new LinkedHashMap<>();
    private final Map<String, String> missing = new LinkedHashMap<>();
    private final List<String> errors = new ArrayList<>();
    private Optional<Connection> connection = Optional.empty();

    private ContractData() {}

    /** The batch of each object that has one, by object name. */
    Map<String, Batch> batches() {
        return batches;
    }

    /** Why each object without a batch has none, by object name. */
    Map<String, String> missing() {
        return missing;
    }

    /** What went wrong reading data (the gate's exit code 2), one message each. */
    List<String> errors() {
        return errors;
    }

    Optional<Connection> connection() {
        return connection;
    }

    /** Rejects a {@code data} override for an object the contract does not have. */
    static void checkOverrides(DataContract contract, TestOptions options) {
        for (String object : options.data().keySet()) {
            if (contract.schema().stream().noneMatch(o -> o.name().equals(object))) {
                throw new AssayException(
                        ErrorCode.INVALID_CONFIGURATION,
                        "--data names object '" + object + "', which contract " + contract.source()
                                + " does not have; objects: "
                                + contract.schema().stream()
                                        .map(SchemaObject::name)
                                        .toList());
            }
        }
    }

    /**
     * Resolves the data of every object.
     *
     * @param server the chosen server, or empty when every object has a {@code data} override
     * @param needConnection whether sql rules wait for a connection
     */
    static ContractData open(
            DataContract contract, Optional<ContractServer> server, boolean needConnection, TestOptions options) {
        ContractData d = new ContractData();
        ContractServer.Connection how = server.map(ContractServer::connection).orElse(null);
        ProjectSource jdbc = null;
        if (how instanceof ContractServer.Jdbc) {
            ContractServer.Jdbc j = (ContractServer.Jdbc) how;
            String url = options.jdbcUrl().orElse(j.url());
            boolean objectsFromServer =
                    contract.schema().stream().anyMatch(o -> !options.data().containsKey(o.name()));
            try {
                url = driverUrl(server.get(), url);
                if (objectsFromServer) {
                    jdbc = jdbcSource(contract, server.get(), url, options);
                }
                if (needConnection) {
                    d.connection = Optional.of(connect(server.get(), url, j.schema(), options));
                }
            } catch (AssayException e) {
                d.errors.add(e.getMessage());
            }
        }
        for (SchemaObject o : contract.schema()) {
            String override = options.data().get(o.name());
            try {
                if (override != null) {
                    d.batches.put(
                            o.name(), files(o, localOrUri(override, options), Optional.empty(), options.fileOptions()));
                } else if (how == null) {
                    d.missing.put(o.name(), "the contract has no server to read it from, and no --data names it");
                } else if (how instanceof ContractServer.Unsupported) {
                    d.missing.put(o.name(), ((ContractServer.Unsupported) how).reason());
                } else if (how instanceof ContractServer.Files) {
                    ContractServer.Files f = (ContractServer.Files) how;
                    String location = fileLocation(contract, server.get(), f, o, options);
                    d.batches.put(
                            o.name(),
                            files(o, location, Optional.of(f.format()), withServerOptions(f, server.get(), options)));
                } else if (jdbc != null) {
                    String table = ((ContractServer.Jdbc) how)
                            .schema()
                            .map(s -> s + "." + o.table())
                            .orElse(o.table());
                    Map<String, Object> keys = new LinkedHashMap<>();
                    keys.put("table", table);
                    keys.put("asset", o.name());
                    d.batches.put(
                            o.name(),
                            jdbc.asset(new Config(contract.source(), o.path(), keys))
                                    .batch());
                } else {
                    d.missing.put(o.name(), "server '" + server.get().server() + "' could not be reached");
                }
            } catch (AssayException e) {
                d.missing.put(o.name(), "its data could not be read");
                d.errors.add("object '" + o.name() + "': " + e.getMessage());
            }
        }
        return d;
    }

    private static Map<String, String> withServerOptions(
            ContractServer.Files f, ContractServer s, TestOptions options) {
        Map<String, String> all = new LinkedHashMap<>();
        f.endpointUrl().ifPresent(e -> all.put("s3.endpoint", e));
        s.region().ifPresent(r -> all.put("s3.region", r));
        all.putAll(options.fileOptions());
        return all;
    }

    /**
     * Where an object's files are: the server's location with {@code {model}} (or {@code {object}}) replaced
     * by the object's name; in a folder, the sub-folder named after the object's table (physical name, else
     * name) when there is one, else the file {@code <table>.<format>}; a single file or glob only when the
     * contract has one object.
     */
    private static String fileLocation(
            DataContract contract, ContractServer server, ContractServer.Files f, SchemaObject o, TestOptions options) {
        String raw = f.location();
        if (raw.contains("{model}") || raw.contains("{object}")) {
            return localOrUri(raw.replace("{model}", o.name()).replace("{object}", o.name()), options);
        }
        String location = localOrUri(raw, options);
        boolean remote = FileStores.scheme(location) != null;
        boolean folder = remote ? location.endsWith("/") : Files.isDirectory(Path.of(location));
        if (folder) {
            String base = location.endsWith("/") ? location : location + "/";
            if (!remote && Files.isDirectory(Path.of(base + o.table()))) {
                return base + o.table() + "/";
            }
            return base + o.table() + "." + f.format();
        }
        if (contract.schema().size() == 1) {
            return location;
        }
        throw new AssayException(
                ErrorCode.INVALID_CONFIGURATION,
                "server '" + server.server() + "' (" + server.path() + ") names one dataset, '" + raw + "', but the"
                        + " contract has " + contract.schema().size() + " objects; put {model} in the location for"
                        + " the object's name, name a folder holding <object>.<format> files, or give --data"
                        + " OBJECT=PATH");
    }

    private static String localOrUri(String location, TestOptions options) {
        if (FileStores.scheme(location) != null) {
            return location;
        }
        String resolved = options.workingDir().resolve(location).normalize().toString();
        return location.endsWith("/") && !resolved.endsWith("/") ? resolved + "/" : resolved;
    }

    private static Batch files(
            SchemaObject o, String location, Optional<String> formatName, Map<String, String> options) {
        FileStores.Location split = FileStores.split(location);
        FileSource source = FileSource.at(split.root(), options);
        if (formatName.isEmpty()) {
            return source.asset(o.name(), split.pattern()).batch();
        }
        FileFormat format = FileFormats.providers().stream()
                .filter(p -> p.name().equalsIgnoreCase(formatName.get()))
                .findFirst()
                .map(FileFormatProvider::format)
                .orElseThrow(() -> new AssayException(
                        ErrorCode.INVALID_CONFIGURATION,
                        "no reader for format '" + formatName.get() + "' of " + location + " is on the class path;"
                                + " formats: "
                                + FileFormats.providers().stream()
                                        .map(FileFormatProvider::name)
                                        .toList()));
        return source.asset(o.name(), split.pattern(), format).batch();
    }

    private static ProjectSource jdbcSource(
            DataContract contract, ContractServer server, String url, TestOptions options) {
        SourceProvider provider = ServiceLoader.load(SourceProvider.class, ContractData.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get)
                .filter(p -> p.type().equals("jdbc"))
                .findFirst()
                .orElseThrow(() -> new AssayException(
                        ErrorCode.INVALID_CONFIGURATION,
                        "server '" + server.server() + "' is a " + server.type() + " database; reading it needs the"
                                + " assay-jdbc module on the class path"));
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("url", url);
        options.user().ifPresent(u -> config.put("user", u));
        options.password().ifPresent(p -> config.put("password", p));
        return provider.open(
                server.server(), new Config(contract.source(), server.path(), config), options.workingDir(), Map.of());
    }

    /**
     * A connection for the sql rules, its current schema set to the server's (so that {@code {object}} in a
     * query finds the contract's tables).
     */
    private static Connection connect(ContractServer server, String url, Optional<String> schema, TestOptions options) {
        Connection c;
        try {
            c = options.user().isPresent()
                    ? DriverManager.getConnection(
                            url, options.user().get(), options.password().orElse(null))
                    : DriverManager.getConnection(url);
        } catch (SQLException e) {
            throw new AssayException(
                    ErrorCode.SOURCE_UNAVAILABLE,
                    "cannot connect to server '" + server.server() + "' at " + redacted(url) + " for the sql rules: "
                            + e.getMessage(),
                    e);
        }
        if (schema.isPresent()) {
            try {
                c.setSchema(schema.get());
            } catch (SQLException e) {
                try {
                    c.close();
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw new AssayException(
                        ErrorCode.SOURCE_UNAVAILABLE,
                        "cannot use schema '" + schema.get() + "' of server '" + server.server() + "' for the sql"
                                + " rules: " + e.getMessage(),
                        e);
            }
        }
        return c;
    }

    /**
     * The URL to connect with: {@code url} when a driver on the class path takes it. A {@code mysql} server's
     * {@code jdbc:mysql:} URL is read with the MariaDB driver ({@code jdbc:mariadb:}, which speaks MySQL's
     * protocol) when no MySQL driver is there.
     *
     * @throws AssayException naming the URL when no driver takes it
     */
    static String driverUrl(ContractServer server, String url) {
        if (accepted(url)) {
            return url;
        }
        String mysql = "jdbc:mysql:";
        if (url.startsWith(mysql) && accepted("jdbc:mariadb:" + url.substring(mysql.length()))) {
            return "jdbc:mariadb:" + url.substring(mysql.length());
        }
        throw new AssayException(
                ErrorCode.SOURCE_UNAVAILABLE,
                "no JDBC driver on the class path takes " + redacted(url) + " (server '" + server.server() + "', type "
                        + server.type() + "); add the database's JDBC driver to the class path");
    }

    private static boolean accepted(String url) {
        try {
            DriverManager.getDriver(url);
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** The URL with any password in it masked, for messages. */
    static String redacted(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("(//[^/:@]*:)[^/@]*@", "$1***@");
    }

    @Override
    public void close() {
        if (connection.isPresent()) {
            try {
                connection.get().close();
            } catch (SQLException e) {
                throw new AssayException(
                        ErrorCode.SOURCE_UNAVAILABLE, "cannot close the connection: " + e.getMessage(), e);
            }
        }
    }
}
