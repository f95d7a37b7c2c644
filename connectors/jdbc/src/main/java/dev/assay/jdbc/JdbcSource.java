package dev.assay.jdbc;

import static java.util.Objects.requireNonNull;

import dev.assay.error.AssayException;
import dev.assay.error.ErrorCode;
import dev.assay.error.SourceUnavailableException;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * A JDBC database whose tables, views and queries Assay validates where they live: each is a {@link
 * JdbcAsset}, whose batches ({@link JdbcBatch}) compute a suite's metrics in the database as aggregate
 * queries (see {@code docs/jdbc.md}). Immutable and thread-safe; connections are opened per schema lookup,
 * validation and scan, and closed after it (pass a pooling {@link DataSource} to reuse them).
 *
 * <pre>{@code
 * JdbcSource db = JdbcSource.of("jdbc:postgresql://127.0.0.1:5432/shop", "reader", password);
 * ValidationResult all = Assay.validate(db.table("public.orders").batch(), suite);
 * ValidationResult day = Assay.validate(
 *         db.table("public.orders").batch(BatchRequest.partition("created_at", LocalDate.of(2024, 1, 31))), suite);
 * }</pre>
 *
 * <p>Passwords never appear in {@link #toString()}, messages or logs: they are masked in URLs as {@code
 * password=***}. The JDBC driver is the caller's dependency. See {@code docs/jdbc.md}.
 */
public final class JdbcSource implements dev.assay.source.DataSource {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(JdbcSource.class);
    private final Jdbi jdbi;
    private final String description;
    private final Secrets secrets;
    /** The dialect to speak, or null to tell by the driver's product name. */
    private final Dialect dialect;

    private JdbcSource(Jdbi jdbi, String description, Secrets secrets) {
        this(jdbi, description, secrets, null);
    }

    private JdbcSource(Jdbi jdbi, String description, Secrets secrets, Dialect dialect) {
        this.jdbi = jdbi;
        this.description = description;
        this.secrets = secrets;
        this.dialect = dialect;
    }

    /**
     * This source speaking the SQL dialect {@code name} whatever the driver reports: {@code postgresql}
     * (also for databases that speak it, such as Redshift or CockroachDB), {@code mariadb}, {@code mysql},
     * {@code duckdb}, {@code h2}, {@code sqlite}, or {@code ansi} for plain SQL-92 aggregates (text and
     * everything else streamed). By default the dialect follows the driver's product name, and an unknown
     * database gets {@code ansi}.
     *
     * @throws IllegalArgumentException for another name
     */
    public JdbcSource withDialect(String name) {
        requireNonNull(name, "name is null");
        for (Dialect d : Dialect.values()) {
            if (d.label().equals(name)) {
                return new JdbcSource(jdbi, description, secrets, d);
            }
        }
        throw new IllegalArgumentException("unknown SQL dialect '" + name + "'; one of "
                + java.util.Arrays.stream(Dialect.values()).map(Dialect::label).toList());
    }

    /** The dialect set by {@link #withDialect}, else the one the driver's product name tells. */
    Dialect dialect(String productName) {
        return dialect != null ? dialect : Dialect.of(productName);
    }

    /**
     * A database reached through {@link java.sql.DriverManager} with {@code jdbcUrl} (never null), which may
     * carry the user and password. Nothing is connected until a batch is used.
     */
    public static JdbcSource of(String jdbcUrl) {
        requireNonNull(jdbcUrl, "jdbcUrl is null");
        Secrets secrets = Secrets.none();
        return new JdbcSource(Jdbi.create(jdbcUrl), secrets.mask(jdbcUrl), secrets);
    }

    /**
     * A database reached through {@link java.sql.DriverManager} as {@code user} with {@code password}.
     *
     * @param url the JDBC URL, never null
     * @param user the user, or null for the driver's default
     * @param password the password, or null for none; masked wherever it could appear
     */
    public static JdbcSource of(String url, String user, String password) {
        requireNonNull(url, "url is null");
        Secrets secrets = Secrets.of(password);
        // Only the properties given: a driver reads an absent password as none, but not always a null one.
        java.util.Properties properties = new java.util.Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        return new JdbcSource(Jdbi.create(url, properties), secrets.mask(url), secrets);
    }

    /**
     * A database named by environment variables, so that no credential sits in code or on a command line:
     * {@code <prefix>_URL} (required), {@code <prefix>_USER} and {@code <prefix>_PASSWORD} (optional).
     *
     * <pre>{@code
     * // ORDERS_DB_URL=jdbc:postgresql://db:5432/shop  ORDERS_DB_USER=reader  ORDERS_DB_PASSWORD=...
     * JdbcSource db = JdbcSource.fromEnvironment("ORDERS_DB");
     * }</pre>
     *
     * @throws AssayException with {@code INVALID_CONFIGURATION} when {@code <prefix>_URL} is not set
     */
    public static JdbcSource fromEnvironment(String prefix) {
        return fromEnvironment(prefix, System::getenv);
    }

    static JdbcSource fromEnvironment(String prefix, java.util.function.UnaryOperator<String> environment) {
        requireNonNull(prefix, "prefix is null");
        String url = environment.apply(prefix + "_URL");
        if (url == null || url.isBlank()) {
            throw new AssayException(
                    ErrorCode.INVALID_CONFIGURATION,
                    "environment variable " + prefix + "_URL is not set; it names the database, with " + prefix
                            + "_USER and " + prefix + "_PASSWORD for the credentials");
        }
        return of(url.strip(), environment.apply(prefix + "_USER"), environment.apply(prefix + "_PASSWORD"));
    }

    /**
     * A database named by a properties file with the keys {@code url} (required), {@code user} and {@code
     * password}: a file kept out of version control and readable by its owner only. A file others can read
     * is used, with a warning in the log.
     *
     * @throws AssayException with {@code INVALID_CONFIGURATION} when the file cannot be read or has no {@code
     *     url}; the message names the file, never the password
     */
    public static JdbcSource fromProperties(java.nio.file.Path file) {
        requireNonNull(file, "file is null");
        java.util.Properties properties = new java.util.Properties();
        try (java.io.Reader in = java.nio.file.Files.newBufferedReader(file)) {
            properties.load(in);
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new AssayException(
                    ErrorCode.INVALID_CONFIGURATION,
                    "cannot read the database properties " + file + ": " + e.getMessage(),
                    e);
        }
        String url = properties.getProperty("url");
        if (url == null || url.isBlank()) {
            throw new AssayException(
                    ErrorCode.INVALID_CONFIGURATION,
                    "the database properties " + file + " have no 'url' (keys: url, user, password)");
        }
        warnIfOthersCanRead(file);
        return of(url.strip(), properties.getProperty("user"), properties.getProperty("password"));
    }

    private static void warnIfOthersCanRead(java.nio.file.Path file) {
        try {
            java.util.Set<java.nio.file.attribute.PosixFilePermission> permissions =
                    java.nio.file.Files.getPosixFilePermissions(file);
            if (permissions.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ)
                    || permissions.contains(java.nio.file.attribute.PosixFilePermission.GROUP_READ)) {
                LOG.warn("{} holds database credentials and others can read it; chmod 600 it", file);
            }
        } catch (UnsupportedOperationException | java.io.IOException e) {
            // Not a POSIX file system: nothing to check.
        }
    }

    /** A database reached through {@code dataSource} (never null), such as a connection pool. */
    public static JdbcSource of(DataSource dataSource) {
        requireNonNull(dataSource, "dataSource is null");
        return new JdbcSource(
                Jdbi.create(dataSource),
                "a DataSource (" + dataSource.getClass().getName() + ")",
                Secrets.none());
    }

    /** A database reached through {@code jdbi} (never null); its plugins and settings apply. */
    public static JdbcSource of(Jdbi jdbi) {
        requireNonNull(jdbi, "jdbi is null");
        return new JdbcSource(jdbi, "a Jdbi", Secrets.none());
    }

    /**
     * A table or view, by name: {@code orders}, or schema-qualified {@code sales.orders} (also {@code
     * catalog.schema.table}). Each dot-separated part is quoted with the database's identifier quote, so it
     * is matched exactly, case included (an H2 table created as {@code orders} is {@code ORDERS}).
     *
     * @param name the name, never null or blank; use {@link #table(String, String)} for names with dots
     */
    public JdbcAsset table(String name) {
        requireNonNull(name, "name is null");
        return table(name, List.of(name.split("\\.", -1)));
    }

    /** The table {@code table} of schema {@code schema}, both taken exactly as given (dots included). */
    public JdbcAsset table(String schema, String table) {
        requireNonNull(schema, "schema is null");
        requireNonNull(table, "table is null");
        return table(schema + "." + table, List.of(schema, table));
    }

    private JdbcAsset table(String name, List<String> parts) {
        if (name.isBlank() || parts.stream().anyMatch(String::isEmpty) || parts.size() > 3) {
            throw new AssayException(
                    ErrorCode.INVALID_CONFIGURATION,
                    "Invalid table name '" + name + "'; expected table, schema.table or catalog.schema.table");
        }
        return new JdbcAsset(this, name, parts, null, null, null);
    }

    /**
     * The rows of a SELECT statement, named {@code name} in messages and results. The statement is run as
     * a subquery ({@code SELECT <columns> FROM (<sql>) ...}), so it must be one query without a trailing
     * semicolon of its own (one is dropped).
     *
     * @param name the name, never null
     * @param sql the query, never null; not validated until the batch is used
     */
    public JdbcAsset query(String name, String sql) {
        requireNonNull(name, "name is null");
        requireNonNull(sql, "sql is null");
        String trimmed = sql.strip();
        while (trimmed.endsWith(";")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1).strip();
        }
        if (trimmed.isEmpty()) {
            throw new AssayException(ErrorCode.INVALID_CONFIGURATION, "Query '" + name + "' is empty");
        }
        return new JdbcAsset(this, name, List.of(), trimmed, null, null);
    }

    /** Where the database is, for messages: the URL with its password masked. */
    @Override
    public String root() {
        return description;
    }

    String description() {
        return description;
    }

    Secrets secrets() {
        return secrets;
    }

    /**
     * A new handle; the caller closes it.
     *
     * @throws SourceUnavailableException naming the masked URL and the driver's message
     */
    Handle open() {
        try {
            return jdbi.open();
        } catch (JdbiException e) {
            SQLException cause = sqlCause(e);
            String message = cause != null ? cause.getMessage() : e.getMessage();
            throw new SourceUnavailableException(
                    "Cannot connect to " + description + ": " + secrets.mask(message),
                    cause != null ? secrets.sanitize(cause) : e);
        }
    }

    private static SQLException sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                return s;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "JdbcSource[" + description + "]";
    }
}
