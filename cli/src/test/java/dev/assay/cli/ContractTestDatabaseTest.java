package dev.assay.cli;

import static dev.assay.cli.CliRun.run;
import static dev.assay.cli.ContractFixture.bigOrdersRule;
import static dev.assay.cli.ContractFixture.contract;
import static dev.assay.cli.ContractFixture.writeContract;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.cli.CliRun.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code assay contract test} on databases: an in-process H2 database reached with {@code --jdbc-url} for a
 * {@code mysql} server, and PostgreSQL and MariaDB reached through the server's own settings.
 */
class ContractTestDatabaseTest {
    @TempDir
    Path dir;

    @Nested
    class TestOnADatabase {
        private final String url = "jdbc:h2:mem:contract_"
                + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE";
        private Connection keepAlive;

        @BeforeEach
        void createOrders() throws SQLException {
            keepAlive = DriverManager.getConnection(url);
            try (Statement st = keepAlive.createStatement()) {
                st.execute("CREATE TABLE orders (order_id BIGINT, status VARCHAR(10), amount DOUBLE PRECISION)");
                st.execute("INSERT INTO orders VALUES (1, 'open', 10.5), (2, 'paid', 2000.0)");
            }
        }

        @AfterEach
        void drop() throws SQLException {
            try (Statement st = keepAlive.createStatement()) {
                st.execute("SHUTDOWN");
            }
            keepAlive.close();
        }

        /** Runs {@code contract test} on server warehouse, reached at {@code jdbcUrl}. */
        private Result onWarehouse(Map<String, String> environment, Path contract, String jdbcUrl) {
            return run(
                    environment,
                    "contract",
                    "test",
                    contract.toString(),
                    "--server",
                    "warehouse",
                    "--jdbc-url",
                    jdbcUrl);
        }

        @Test
        void runs_the_checks_and_the_sql_rules_on_the_database() throws IOException {
            Path c = writeContract(dir, bigOrdersRule("mustBeLessThan: 2"));

            Result r = onWarehouse(Map.of(), c, url);

            assertThat(r.out()).endsWith(": PASSED (exit 0): 10 passed\n");
            assertThat(r.code()).isZero();
        }

        @Test
        void a_failing_sql_rule_is_a_breach() throws IOException {
            Path c = writeContract(dir, bigOrdersRule("mustBe: 0"));

            Result r = onWarehouse(Map.of(), c, url);

            assertThat(r.out())
                    .contains("BREACH       " + c + ":38 orders: schema[0].quality[1] sql mustBe 0:"
                            + " schema[0].quality[1]: observed 1, expected mustBe 0 (failed)");
            assertThat(r.code()).isEqualTo(1);
        }

        @Test
        void a_password_without_a_user_is_a_usage_error() throws IOException {
            Path c = writeContract(dir, "");

            Result r = onWarehouse(Map.of("ASSAY_JDBC_PASSWORD", "secret"), c, url);

            assertThat(r.err()).contains("ASSAY_JDBC_PASSWORD is set: give the user with --user NAME");
            assertThat(r.code()).isEqualTo(2);
        }

        @Test
        void an_unreachable_database_exits_2() throws IOException {
            Path c = writeContract(dir, "");

            Result r = onWarehouse(
                    Map.of(),
                    c,
                    "jdbc:h2:mem:none_" + UUID.randomUUID().toString().replace("-", "") + ";IFEXISTS=TRUE");

            assertThat(r.out()).startsWith("ERROR object 'orders': ");
            assertThat(r.code()).isEqualTo(2);
        }
    }

    /**
     * A {@code postgres} or {@code mysql} server reached through the URL its settings give (no {@code
     * --jdbc-url}), on the test databases {@code ASSAY_TEST_POSTGRES_URL} and {@code ASSAY_TEST_MARIADB_URL}
     * name ({@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}, as CI sets them).
     */
    @Nested
    class TestOnRealServers {
        private static final Pattern URL =
                Pattern.compile("jdbc:(postgresql|mariadb|mysql)://([^:/]+):(\\d+)/([^?]+)(?:\\?user=([^&]+))?");

        /** The URL the variable {@code env} holds, in parts; the test fails unless it is a {@code scheme} URL. */
        private Matcher url(String env, String scheme) {
            Matcher m = URL.matcher(System.getenv(env));
            assertThat(m.matches())
                    .as(env + " as jdbc:" + scheme + "://HOST:PORT/DB[?user=U]")
                    .isTrue();
            return m;
        }

        /** A new name for the schema or table a test creates and drops. */
        private static String gateName() {
            return "gate_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        }

        private String server(Matcher m, String type, String schema) {
            return "  - server: warehouse\n    type: " + type + "\n    host: " + m.group(2) + "\n    port: "
                    + m.group(3) + "\n    database: " + m.group(4) + "\n"
                    + (schema.isEmpty() ? "" : "    schema: " + schema + "\n");
        }

        private Path contractOn(String server) throws IOException {
            Path c = dir.resolve("db.odcs.yaml");
            String text = contract(dir, bigOrdersRule("mustBe: 0"));
            int from = text.indexOf("  - server: warehouse");
            Files.writeString(c, text.substring(0, from) + server + text.substring(text.indexOf("schema:\n")));
            return c;
        }

        private void fill(Connection c, String table) throws SQLException {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE " + table + " (order_id BIGINT, status VARCHAR(10), amount DOUBLE PRECISION)");
                st.execute("INSERT INTO " + table + " VALUES (1, 'open', 10.5), (2, 'paid', 2000.0)");
            }
        }

        /** Runs {@code contract test} on server warehouse, as the URL's user if it names one. */
        private Result testOnWarehouse(Path contract, Matcher m) {
            List<String> args =
                    new ArrayList<>(List.of("contract", "test", contract.toString(), "--server", "warehouse"));
            if (m.group(5) != null) {
                args.addAll(List.of("--user", m.group(5)));
            }
            return run(args.toArray(String[]::new));
        }

        /** The one order over 1000 breaks the contract's sql rule, and only it. */
        private void assertOneSqlBreach(Result r) {
            assertThat(r.out())
                    .endsWith(": FAILED (exit 1): 9 passed, 1 breach\n")
                    .contains("schema[0].quality[1]: observed 1, expected mustBe 0 (failed)");
            assertThat(r.code()).isEqualTo(1);
        }

        @Test
        @EnabledIfEnvironmentVariable(named = "ASSAY_TEST_POSTGRES_URL", matches = "jdbc:postgresql:.*")
        void reads_a_postgres_server_in_its_schema() throws Exception {
            Matcher m = url("ASSAY_TEST_POSTGRES_URL", "postgresql");
            String schema = gateName();
            try (Connection c = DriverManager.getConnection(System.getenv("ASSAY_TEST_POSTGRES_URL"))) {
                try (Statement st = c.createStatement()) {
                    st.execute("CREATE SCHEMA " + schema);
                }
                try {
                    fill(c, schema + ".orders");
                    Path contract = contractOn(server(m, "postgres", schema));
                    Result r = testOnWarehouse(contract, m);

                    assertOneSqlBreach(r);
                } finally {
                    try (Statement st = c.createStatement()) {
                        st.execute("DROP SCHEMA " + schema + " CASCADE");
                    }
                }
            }
        }

        @Test
        @EnabledIfEnvironmentVariable(named = "ASSAY_TEST_MARIADB_URL", matches = "jdbc:(mariadb|mysql):.*")
        void reads_a_mysql_server_with_the_bundled_mariadb_driver() throws Exception {
            Matcher m = url("ASSAY_TEST_MARIADB_URL", "mariadb");
            String table = gateName();
            try (Connection c = DriverManager.getConnection(System.getenv("ASSAY_TEST_MARIADB_URL"))) {
                fill(c, table);
                try {
                    Path contract = contractOn(server(m, "mysql", ""));
                    Files.writeString(
                            contract,
                            Files.readString(contract)
                                    .replace(
                                            "  - name: orders\n",
                                            "  - name: orders\n    physicalName: " + table + "\n"));
                    Result r = testOnWarehouse(contract, m);

                    assertOneSqlBreach(r);
                } finally {
                    try (Statement st = c.createStatement()) {
                        st.execute("DROP TABLE " + table);
                    }
                }
            }
        }
    }
}
