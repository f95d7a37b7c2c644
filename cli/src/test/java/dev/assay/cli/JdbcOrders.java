package dev.assay.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the {@code assay validate --data jdbc:...} tests share: before each test a new in-memory H2 database
 * {@link #url} whose table {@code orders} has four orders, the suites that check it (in the test's folder {@link
 * #dir}) and the command lines.
 */
abstract class JdbcOrders {
    static final String POSTGRES_ENV = "ASSAY_TEST_POSTGRES_URL";
    static final String MARIADB_ENV = "ASSAY_TEST_MARIADB_URL";
    static final String NL = System.lineSeparator();

    /** Four orders over three days; the last one, 2024-02-01, has one order. */
    private static final List<String> ORDERS = List.of(
            "(1, 10.0, TIMESTAMP '2024-01-30 09:00:00')",
            "(2, 20.0, TIMESTAMP '2024-01-31 10:00:00')",
            "(3, 30.0, TIMESTAMP '2024-01-31 23:59:59')",
            "(4, 40.0, TIMESTAMP '2024-02-01 00:00:00')");

    @TempDir
    Path dir;

    /** A new in-memory H2 database, kept until the JVM ends, whose table {@code orders} has the four orders. */
    String url;

    @BeforeEach
    void h2Orders() throws SQLException {
        url = "jdbc:h2:mem:" + unique("assay_cli") + ";DB_CLOSE_DELAY=-1";
        try (Connection connection = DriverManager.getConnection(url)) {
            createOrders(connection, "\"orders\"");
        }
    }

    static String unique(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** Creates {@code table} with the four orders; quoted names keep them lower-case on H2. */
    static void createOrders(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + table
                    + " (\"id\" BIGINT, \"amount\" DOUBLE PRECISION, \"created_at\" TIMESTAMP)");
            statement.execute("INSERT INTO " + table + " VALUES " + String.join(", ", ORDERS));
        }
    }

    /** A suite expecting exactly {@code rows} rows and no null amount. */
    String suite(int rows) throws IOException {
        Path suite = dir.resolve("orders-" + rows + ".json");
        Files.writeString(
                suite,
                "{\"name\": \"orders\", \"expectations\": ["
                        + "{\"type\": \"expect_table_row_count_to_be_between\","
                        + " \"kwargs\": {\"min_value\": " + rows + ", \"max_value\": " + rows + "}},"
                        + "{\"type\": \"expect_column_values_to_not_be_null\", \"kwargs\": {\"column\": \"amount\"}}]}");
        return suite.toString();
    }

    /** The arguments {@code validate --suite SUITE --data DATA --table TABLE} followed by {@code more}. */
    static String[] validateTable(String suite, String data, String table, String... more) {
        return CliRun.validateWith(suite, data, "--table", table, more);
    }
}
