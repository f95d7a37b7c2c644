package dev.assay.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A database the tests load data into: H2, SQLite and DuckDB in-process, PostgreSQL and MariaDB at the
 * URLs of {@code ASSAY_TEST_POSTGRES_URL} and {@code ASSAY_TEST_MARIADB_URL}. Creates tables with unique
 * names and drops them on {@link #close()}.
 */
final class TestDatabase implements AutoCloseable {
    static final String POSTGRES_ENV = "ASSAY_TEST_POSTGRES_URL";
    static final String MARIADB_ENV = "ASSAY_TEST_MARIADB_URL";

    final String kind;
    final String url;
    private final Path directory;
    private final Connection connection;
    private final String quote;
    private final List<String> drops = new ArrayList<>();

    private TestDatabase(String kind, String url, Path directory) {
        this.kind = kind;
        this.url = url;
        this.directory = directory;
        try {
            this.connection = DriverManager.getConnection(url);
            this.quote = connection.getMetaData().getIdentifierQuoteString().strip();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to the " + kind + " test database", e);
        }
    }

    static TestDatabase h2() {
        return new TestDatabase("h2", "jdbc:h2:mem:assay_" + unique() + ";DB_CLOSE_DELAY=-1", null);
    }

    static TestDatabase sqlite() {
        Path dir = tempDirectory();
        return new TestDatabase("sqlite", "jdbc:sqlite:" + dir.resolve("test.db"), dir);
    }

    static TestDatabase duckdb() {
        Path dir = tempDirectory();
        return new TestDatabase("duckdb", "jdbc:duckdb:" + dir.resolve("test.duckdb"), dir);
    }

    static TestDatabase postgres() {
        return new TestDatabase("postgresql", System.getenv(POSTGRES_ENV), null);
    }

    static TestDatabase mariadb() {
        return new TestDatabase("mariadb", System.getenv(MARIADB_ENV), null);
    }

    static TestDatabase of(String kind) {
        switch (kind) {
            case "h2":
                return h2();
            case "sqlite":
                return sqlite();
            case "duckdb":
                return duckdb();
            case "postgresql":
                return postgres();
            case "mariadb":
                return mariadb();
            default:
                throw new IllegalArgumentException(kind);
        }
    }

    /** A fresh lower-case name with {@code prefix}, unique per run. */
    static String unique(String prefix) {
        return prefix + "_" + unique();
    }

    private static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static Path tempDirectory() {
        try {
            return Files.createTempDirectory("assay-jdbc");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    JdbcSource source() {
        return JdbcSource.of(url);
    }

    /** {@code identifier} quoted for this database. */
    String q(String identifier) {
        return quote + identifier.replace(quote, quote + quote) + quote;
    }

    /** Runs DDL or DML. */
    void execute(String sql) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(kind + ": " + sql, e);
        }
    }

    /** Drops {@code table} (quoted as given, with an optional quoted schema) when the database is closed. */
    void dropLater(String dropSql) {
        drops.add(0, dropSql);
    }

    /** Creates a table named {@code table} holding a case dataset; returns the name. */
    String load(JsonNode dataset, String table) {
        List<JsonNode> columns = new ArrayList<>();
        dataset.get("columns").forEach(columns::add);
        StringBuilder ddl = new StringBuilder("CREATE TABLE " + q(table) + " (");
        StringBuilder marks = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            ddl.append(i == 0 ? "" : ", ")
                    .append(q(columns.get(i).get("name").asText()))
                    .append(' ')
                    .append(sqlType(columns.get(i).get("type").asText()));
            marks.append(i == 0 ? "?" : ", ?");
        }
        execute(ddl.append(")").toString());
        dropLater("DROP TABLE " + q(table));
        int rows = columns.get(0).get("values").size();
        try (PreparedStatement insert =
                connection.prepareStatement("INSERT INTO " + q(table) + " VALUES (" + marks + ")")) {
            // One transaction: a file database (SQLite) syncs each commit to disk.
            connection.setAutoCommit(false);
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < columns.size(); c++) {
                    bind(
                            insert,
                            c + 1,
                            columns.get(c).get("type").asText(),
                            columns.get(c).get("values").get(r));
                }
                insert.addBatch();
            }
            insert.executeBatch();
            connection.commit();
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            throw new IllegalStateException(kind + ": loading " + table, e);
        }
        return table;
    }

    private String sqlType(String type) {
        switch (type) {
            case "int64":
                return "BIGINT";
            case "float64":
                return kind.equals("mariadb") || kind.equals("sqlite") ? "DOUBLE" : "DOUBLE PRECISION";
            case "boolean":
                return "BOOLEAN";
            case "date":
                return "DATE";
            case "timestamp":
                return kind.equals("mariadb") ? "DATETIME(6)" : "TIMESTAMP";
            default:
                return "VARCHAR(200)";
        }
    }

    private void bind(PreparedStatement insert, int index, String type, JsonNode value) throws SQLException {
        if (value.isNull()) {
            insert.setNull(index, nullType(type));
            return;
        }
        switch (type) {
            case "int64":
                insert.setLong(index, value.asLong());
                break;
            case "float64":
                insert.setDouble(index, value.asDouble());
                break;
            case "boolean":
                insert.setBoolean(index, value.asBoolean());
                break;
            case "date":
                if (kind.equals("sqlite")) {
                    insert.setString(index, value.asText());
                } else {
                    insert.setObject(index, LocalDate.parse(value.asText()));
                }
                break;
            case "timestamp":
                if (kind.equals("sqlite")) {
                    insert.setString(index, value.asText().replace('T', ' '));
                } else {
                    insert.setObject(index, LocalDateTime.parse(value.asText()));
                }
                break;
            default:
                insert.setString(index, value.asText());
                break;
        }
    }

    private static int nullType(String type) {
        switch (type.toLowerCase(Locale.ROOT)) {
            case "int64":
                return Types.BIGINT;
            case "float64":
                return Types.DOUBLE;
            case "boolean":
                return Types.BOOLEAN;
            case "date":
                return Types.DATE;
            case "timestamp":
                return Types.TIMESTAMP;
            default:
                return Types.VARCHAR;
        }
    }

    @Override
    public void close() {
        try {
            for (String drop : drops) {
                execute(drop);
            }
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            if (directory != null) {
                try (var files = Files.walk(directory)) {
                    files.sorted(java.util.Comparator.reverseOrder())
                            .forEach(p -> p.toFile().delete());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }
    }
}
