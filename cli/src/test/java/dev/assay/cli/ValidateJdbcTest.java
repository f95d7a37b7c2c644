package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code assay validate --data jdbc:...} on an in-process H2 database the test fills, and on PostgreSQL and
 * MariaDB when {@code ASSAY_TEST_POSTGRES_URL} and {@code ASSAY_TEST_MARIADB_URL} name test databases.
 */
class ValidateJdbcTest {
    private static final String POSTGRES_ENV = "ASSAY_TEST_POSTGRES_URL";
    private static final String MARIADB_ENV = "ASSAY_TEST_MARIADB_URL";
    private static final String NL = System.lineSeparator();

    /** Four orders over three days; the last one, 2024-02-01, has one order. */
    private static final List<String> ORDERS = List.of(
            "(1, 10.0, TIMESTAMP '2024-01-30 09:00:00')",
            "(2, 20.0, TIMESTAMP '2024-01-31 10:00:00')",
            "(3, 30.0, TIMESTAMP '2024-01-31 23:59:59')",
            "(4, 40.0, TIMESTAMP '2024-02-01 00:00:00')");

    @TempDir
    Path dir;

    private String url;

    private record Run(int code, String out, String err) {}

    private static Run run(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AssayCommand.commandLine(new PrintWriter(out), new PrintWriter(err), environment)
                .execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private static Run run(String... args) {
        return run(Map.of(), args);
    }

    private static String unique(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** Creates {@code table} with the four orders; quoted names keep them lower-case on H2. */
    private static void createOrders(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + table
                    + " (\"id\" BIGINT, \"amount\" DOUBLE PRECISION, \"created_at\" TIMESTAMP)");
            statement.execute("INSERT INTO " + table + " VALUES " + String.join(", ", ORDERS));
        }
    }

    /** A suite expecting exactly {@code rows} rows and no null amount. */
    private String suite(int rows) throws IOException {
        Path suite = dir.resolve("orders-" + rows + ".json");
        Files.writeString(
                suite,
                "{\"name\": \"orders\", \"expectations\": ["
                        + "{\"type\": \"expect_table_row_count_to_be_between\","
                        + " \"kwargs\": {\"min_value\": " + rows + ", \"max_value\": " + rows + "}},"
                        + "{\"type\": \"expect_column_values_to_not_be_null\", \"kwargs\": {\"column\": \"amount\"}}]}");
        return suite.toString();
    }

    @BeforeEach
    void h2Orders() throws SQLException {
        url = "jdbc:h2:mem:" + unique("assay_cli") + ";DB_CLOSE_DELAY=-1";
        try (Connection connection = DriverManager.getConnection(url)) {
            createOrders(connection, "\"orders\"");
        }
    }

    @Nested
    class Exit_codes {
        @Test
        void zero_when_the_table_passes() throws IOException {
            Run r = run("validate", "--suite", suite(4), "--data", url, "--table", "orders", "--ascii");

            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).startsWith("Suite orders on orders: PASSED");
        }

        @Test
        void one_when_an_expectation_fails() throws IOException {
            Run r = run("validate", "--suite", suite(5), "--data", url, "--table", "orders", "--ascii");

            assertThat(r.code()).as(r.err()).isEqualTo(1);
            assertThat(r.out()).startsWith("Suite orders on orders: FAILED");
        }

        @Test
        void two_for_a_missing_table_naming_it() throws IOException {
            Run r = run("validate", "--suite", suite(4), "--data", url, "--table", "public.nope");

            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).isEqualTo("assay: Table 'public.nope' not found in " + url + NL);
        }

        @Test
        void two_for_an_unreachable_database() throws IOException {
            Run r = run(
                    "validate",
                    "--suite",
                    suite(4),
                    "--data",
                    "jdbc:postgresql://127.0.0.1:1/test?user=nobody",
                    "--table",
                    "orders");

            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).startsWith("assay: Cannot connect to jdbc:postgresql://127.0.0.1:1/test?user=nobody: ");
        }

        @Test
        void two_for_a_url_without_a_driver_saying_how_to_add_one() throws IOException {
            Run r = run(
                    "validate",
                    "--suite",
                    suite(4),
                    "--data",
                    "jdbc:duckdb:/tmp/x.duckdb?password=hidden",
                    "--table",
                    "orders");

            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err())
                    .isEqualTo("assay: No JDBC driver for jdbc:duckdb:/tmp/x.duckdb?password=***: assay bundles the"
                            + " drivers of PostgreSQL (jdbc:postgresql:), MariaDB and MySQL (jdbc:mariadb:) and H2"
                            + " (jdbc:h2:); put another driver's jar on ASSAY_CLASSPATH" + NL);
        }
    }

    @Nested
    class Usage {
        @Test
        void two_for_table_and_query_together() throws IOException {
            Run r = run(
                    "validate", "--suite", suite(4), "--data", url, "--table", "orders", "--query", "SELECT 1 AS a");

            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).startsWith("--table and --query cannot be combined: give one" + NL);
        }

        @Test
        void two_for_jdbc_data_without_table_or_query() throws IOException {
            Run r = run("validate", "--suite", suite(4), "--data", url);

            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).startsWith("jdbc: data needs --table NAME or --query SQL" + NL);
        }

        @Test
        void two_for_table_without_jdbc_data() throws IOException {
            Run r = run("validate", "--suite", suite(4), "--data", "orders.csv", "--table", "orders");

            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).startsWith("--table, --query, --user and --partition-by apply to jdbc: data only" + NL);
        }

        @Test
        void two_for_query_without_jdbc_data() throws IOException {
            Run r = run("validate", "--suite", suite(4), "--data", "orders.csv", "--query", "SELECT 1 AS a");

            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).startsWith("--table, --query, --user and --partition-by apply to jdbc: data only" + NL);
        }

        @Test
        void two_for_file_options_with_jdbc_data() throws IOException {
            Run r = run("validate", "--suite", suite(4), "--data", url, "--table", "orders", "--delimiter", ";");

            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err())
                    .startsWith("--asset, --input-format and the CSV options apply to files, not to jdbc: data" + NL);
        }

        @Test
        void two_for_latest_without_partition_by() throws IOException {
            Run r = run("validate", "--suite", suite(1), "--data", url, "--table", "orders", "--latest");

            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).startsWith("--latest on jdbc: data needs --partition-by COLUMN[:day|month|year]" + NL);
        }

        @Test
        void two_for_partition_by_without_latest() throws IOException {
            Run r = run(
                    "validate",
                    "--suite",
                    suite(1),
                    "--data",
                    url,
                    "--table",
                    "orders",
                    "--partition-by",
                    "created_at");

            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err())
                    .startsWith("--partition-by is used with --latest; select a batch with --batch COLUMN=VALUE" + NL);
        }

        @Test
        void two_for_an_unknown_partition_unit() throws IOException {
            Run r = run(
                    "validate",
                    "--suite",
                    suite(1),
                    "--data",
                    url,
                    "--table",
                    "orders",
                    "--partition-by",
                    "created_at:week",
                    "--latest");

            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err())
                    .startsWith("--partition-by must be COLUMN or COLUMN:day, COLUMN:month or COLUMN:year,"
                            + " got 'created_at:week'" + NL);
        }

        @Test
        void two_for_latest_with_batch() throws IOException {
            Run r = run(
                    "validate",
                    "--suite",
                    suite(1),
                    "--data",
                    url,
                    "--table",
                    "orders",
                    "--latest",
                    "--partition-by",
                    "created_at:day",
                    "--batch",
                    "id=1");

            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).startsWith("--latest cannot be combined with --batch" + NL);
        }

        @Test
        void two_for_a_batch_column_the_table_lacks() throws IOException {
            Run r = run(
                    "validate", "--suite", suite(1), "--data", url, "--table", "orders", "--batch", "day=2024-01-31");

            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).startsWith("assay: ").contains("'day'").endsWith(NL);
        }
    }

    @Nested
    class Batches {
        @Test
        void batch_on_a_timestamp_column_selects_a_day() throws IOException {
            Run r = run(
                    "validate",
                    "--suite",
                    suite(2),
                    "--data",
                    url,
                    "--table",
                    "orders",
                    "--batch",
                    "created_at=2024-01-31",
                    "--ascii");

            assertThat(r.code()).as(r.out() + r.err()).isZero();
            assertThat(r.out()).startsWith("Suite orders on ").contains("created_at=2024-01-31]: PASSED");
        }

        @Test
        void batch_takes_a_range_of_days_and_a_second_column() throws IOException {
            Run r = run(
                    "validate",
                    "--suite",
                    suite(2),
                    "--data",
                    url,
                    "--table",
                    "orders",
                    "--batch",
                    "created_at=2024-01-30..2024-01-31",
                    "--batch",
                    "id=2..4");

            assertThat(r.code()).as(r.out() + r.err()).isZero();
        }

        @Test
        void latest_with_partition_by_day_takes_the_last_day() throws IOException {
            Run r = run(
                    "validate",
                    "--suite",
                    suite(1),
                    "--data",
                    url,
                    "--table",
                    "orders",
                    "--partition-by",
                    "created_at:day",
                    "--latest",
                    "--ascii");

            assertThat(r.code()).as(r.out() + r.err()).isZero();
            assertThat(r.out()).startsWith("Suite orders on ").contains("created_at=2024-02-01]: PASSED");
        }

        @Test
        void latest_with_partition_by_month_takes_the_last_month() throws IOException {
            Run r = run(
                    "validate",
                    "--suite",
                    suite(1),
                    "--data",
                    url,
                    "--table",
                    "orders",
                    "--partition-by",
                    "created_at:month",
                    "--latest",
                    "--ascii");

            assertThat(r.code()).as(r.out() + r.err()).isZero();
            assertThat(r.out()).startsWith("Suite orders on ").contains("created_at=2024-02]: PASSED");
        }

        @Test
        void latest_with_partition_by_a_plain_column_takes_its_greatest_value() throws IOException {
            Run r = run(
                    "validate",
                    "--suite",
                    suite(1),
                    "--data",
                    url,
                    "--table",
                    "orders",
                    "--partition-by",
                    "id",
                    "--latest",
                    "--ascii");

            assertThat(r.code()).as(r.out() + r.err()).isZero();
            assertThat(r.out()).startsWith("Suite orders on orders [id=4]: PASSED");
        }

        @Test
        void query_validates_the_rows_of_a_select() throws IOException {
            Run r = run(
                    "validate",
                    "--suite",
                    suite(3),
                    "--data",
                    url,
                    "--query",
                    "SELECT * FROM \"orders\" WHERE \"amount\" > 15",
                    "--ascii");

            assertThat(r.code()).as(r.out() + r.err()).isZero();
            assertThat(r.out()).startsWith("Suite orders on query: PASSED");
        }
    }

    @Test
    void json_output_says_the_metrics_were_computed_in_the_database() throws IOException {
        Run r = run("validate", "--suite", suite(4), "--data", url, "--table", "orders", "--format", "json");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"engine\": \"sql\"");
        JsonNode meta = new ObjectMapper().readTree(r.out()).get("meta");
        assertThat(meta.get("engine").asText()).isEqualTo("sql");
    }

    @Nested
    class Passwords {
        private static final String SECRET = "right-secret-4f2b9e";
        private static final String WRONG = "wrong-secret-8c1d7a";

        private String secured;

        @BeforeEach
        void h2WithAPassword() throws SQLException {
            secured = "jdbc:h2:mem:" + unique("assay_cli_secured") + ";DB_CLOSE_DELAY=-1";
            try (Connection connection = DriverManager.getConnection(secured, "sa", SECRET)) {
                createOrders(connection, "\"orders\"");
            }
        }

        @Test
        void come_from_the_environment_with_the_user_from_the_command_line() throws IOException {
            Run r = run(
                    Map.of("ASSAY_JDBC_PASSWORD", SECRET),
                    "validate",
                    "--suite",
                    suite(4),
                    "--data",
                    secured,
                    "--table",
                    "orders",
                    "--user",
                    "sa");

            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out() + r.err()).doesNotContain(SECRET);
        }

        @Test
        void a_wrong_one_is_an_error_that_never_shows_it() throws IOException {
            Run r = run(
                    Map.of("ASSAY_JDBC_PASSWORD", WRONG),
                    "validate",
                    "--suite",
                    suite(4),
                    "--data",
                    secured,
                    "--table",
                    "orders",
                    "--user",
                    "sa",
                    "--format",
                    "json");

            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).startsWith("assay: Cannot connect to " + secured + ": Wrong user name or password");
            assertThat(r.out() + r.err()).doesNotContain(WRONG);
        }

        @Test
        void a_wrong_one_in_the_url_is_masked() throws IOException {
            Run r = run(
                    "validate",
                    "--suite",
                    suite(4),
                    "--data",
                    secured + ";USER=sa;PASSWORD=" + WRONG,
                    "--table",
                    "orders");

            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).startsWith("assay: Cannot connect to " + secured + ";USER=sa;PASSWORD=***: ");
            assertThat(r.out() + r.err()).doesNotContain(WRONG);
        }

        @Test
        void the_right_one_in_the_url_works() throws IOException {
            Run r = run(
                    "validate",
                    "--suite",
                    suite(4),
                    "--data",
                    secured + ";USER=sa;PASSWORD=" + SECRET,
                    "--table",
                    "orders");

            assertThat(r.code()).as(r.err()).isZero();
        }

        @Test
        void one_without_a_user_is_a_usage_error() throws IOException {
            Run r = run(
                    Map.of("ASSAY_JDBC_PASSWORD", SECRET),
                    "validate",
                    "--suite",
                    suite(4),
                    "--data",
                    secured,
                    "--table",
                    "orders");

            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).startsWith("ASSAY_JDBC_PASSWORD is set: give the user with --user NAME" + NL);
            assertThat(r.out() + r.err()).doesNotContain(SECRET);
        }

        @Test
        @EnabledIfEnvironmentVariable(named = MARIADB_ENV, matches = ".+")
        void a_wrong_one_for_mariadb_never_shows() throws IOException {
            // Without the URL's own user, which MariaDB's driver prefers to --user.
            String mariadb = System.getenv(MARIADB_ENV).replaceFirst("\\?.*", "");
            Run r = run(
                    Map.of("ASSAY_JDBC_PASSWORD", WRONG),
                    "validate",
                    "--suite",
                    suite(4),
                    "--data",
                    mariadb,
                    "--table",
                    "orders",
                    "--user",
                    unique("no_such_user"));

            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err())
                    .startsWith("assay: Cannot connect to " + mariadb + ": ")
                    .contains("Access denied for user 'no_such_user_");
            assertThat(r.out() + r.err()).doesNotContain(WRONG);
        }
    }

    @Nested
    @EnabledIfEnvironmentVariable(named = POSTGRES_ENV, matches = ".+")
    class Postgres {
        private final String postgres = System.getenv(POSTGRES_ENV);
        private final List<String> tables = new ArrayList<>();

        private String orders() throws SQLException {
            String table = unique("assay_cli_orders");
            try (Connection connection = DriverManager.getConnection(postgres)) {
                createOrders(connection, "public." + table);
            }
            tables.add(table);
            return table;
        }

        @org.junit.jupiter.api.AfterEach
        void dropTables() throws SQLException {
            try (Connection connection = DriverManager.getConnection(postgres);
                    Statement statement = connection.createStatement()) {
                for (String table : tables) {
                    statement.execute("DROP TABLE public." + table);
                }
            }
        }

        @Test
        void zero_when_the_table_passes_with_the_metrics_computed_in_postgres() throws Exception {
            String table = orders();

            Run r = run(
                    "validate",
                    "--suite",
                    suite(4),
                    "--data",
                    postgres,
                    "--table",
                    "public." + table,
                    "--format",
                    "json");

            assertThat(r.code()).as(r.err()).isZero();
            assertThat(new ObjectMapper()
                            .readTree(r.out())
                            .get("meta")
                            .get("engine")
                            .asText())
                    .isEqualTo("sql");
        }

        @Test
        void one_when_an_expectation_fails() throws Exception {
            String table = orders();

            Run r = run("validate", "--suite", suite(5), "--data", postgres, "--table", "public." + table, "--ascii");

            assertThat(r.code()).as(r.err()).isEqualTo(1);
            assertThat(r.out())
                    .startsWith("Suite orders on ")
                    .contains(table.substring(table.length() - 12) + ": FAILED");
        }

        @Test
        void batch_selects_a_day_and_latest_the_last_day() throws Exception {
            String table = orders();

            Run day = run(
                    "validate",
                    "--suite",
                    suite(2),
                    "--data",
                    postgres,
                    "--table",
                    "public." + table,
                    "--batch",
                    "created_at=2024-01-31");
            Run latest = run(
                    "validate",
                    "--suite",
                    suite(1),
                    "--data",
                    postgres,
                    "--table",
                    "public." + table,
                    "--partition-by",
                    "created_at:day",
                    "--latest");

            assertThat(day.code()).as(day.out() + day.err()).isZero();
            assertThat(latest.code()).as(latest.out() + latest.err()).isZero();
        }
    }
}
