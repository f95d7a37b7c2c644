package dev.assay.cli;

import static dev.assay.cli.CliRun.run;
import static dev.assay.cli.CliRun.validate;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.cli.CliRun.Result;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * {@code assay validate --data jdbc:...} that cannot run: a missing table, a database out of reach, options that
 * do not go together, and passwords, which no message may show; on in-process H2 databases, and on MariaDB when
 * {@code ASSAY_TEST_MARIADB_URL} names a test database.
 */
class ValidateJdbcErrorTest extends JdbcOrders {
    @Nested
    class Exit_codes {
        @Test
        void two_for_a_missing_table_naming_it() throws IOException {
            Result r = run(validateTable(suite(4), url, "public.nope"));

            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).isEqualTo("assay: Table 'public.nope' not found in " + url + NL);
        }

        @Test
        void two_for_an_unreachable_database() throws IOException {
            Result r = run(validateTable(suite(4), "jdbc:postgresql://127.0.0.1:1/test?user=nobody", "orders"));

            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).startsWith("assay: Cannot connect to jdbc:postgresql://127.0.0.1:1/test?user=nobody: ");
        }

        @Test
        void two_for_a_url_without_a_driver_saying_how_to_add_one() throws IOException {
            Result r = run(validateTable(suite(4), "jdbc:duckdb:/tmp/x.duckdb?password=hidden", "orders"));

            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err())
                    .isEqualTo("assay: No JDBC driver for jdbc:duckdb:/tmp/x.duckdb?password=***: assay bundles the"
                            + " drivers of PostgreSQL (jdbc:postgresql:), MariaDB and MySQL (jdbc:mariadb:) and H2"
                            + " (jdbc:h2:); put another driver's jar on ASSAY_CLASSPATH" + NL);
        }
    }

    @Nested
    class Usage {
        private static final String JDBC_ONLY = "--table, --query, --user and --partition-by apply to jdbc: data only";

        @Test
        void two_for_table_and_query_together() throws IOException {
            Result r = run(validateTable(suite(4), url, "orders", "--query", "SELECT 1 AS a"));

            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).startsWith("--table and --query cannot be combined: give one" + NL);
        }

        @Test
        void two_for_jdbc_data_without_table_or_query() throws IOException {
            Result r = run(validate(suite(4), url));

            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).startsWith("jdbc: data needs --table NAME or --query SQL" + NL);
        }

        @Test
        void two_for_table_without_jdbc_data() throws IOException {
            Result r = run(validateTable(suite(4), "orders.csv", "orders"));

            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).startsWith(JDBC_ONLY + NL);
        }

        @Test
        void two_for_query_without_jdbc_data() throws IOException {
            Result r = run(validate(suite(4), "orders.csv", "--query", "SELECT 1 AS a"));

            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).startsWith(JDBC_ONLY + NL);
        }

        @Test
        void two_for_file_options_with_jdbc_data() throws IOException {
            Result r = run(validateTable(suite(4), url, "orders", "--delimiter", ";"));

            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err())
                    .startsWith("--asset, --input-format and the CSV options apply to files, not to jdbc: data" + NL);
        }
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

        /** Validates orders in {@code data} with {@code password} in ASSAY_JDBC_PASSWORD. */
        private Result withPassword(String password, String data, String... more) throws IOException {
            return run(Map.of("ASSAY_JDBC_PASSWORD", password), validateTable(suite(4), data, "orders", more));
        }

        @Test
        void come_from_the_environment_with_the_user_from_the_command_line() throws IOException {
            Result r = withPassword(SECRET, secured, "--user", "sa");

            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out() + r.err()).doesNotContain(SECRET);
        }

        @Test
        void a_wrong_one_is_an_error_that_never_shows_it() throws IOException {
            Result r = withPassword(WRONG, secured, "--user", "sa", "--format", "json");

            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).startsWith("assay: Cannot connect to " + secured + ": Wrong user name or password");
            assertThat(r.out() + r.err()).doesNotContain(WRONG);
        }

        @Test
        void a_wrong_one_in_the_url_is_masked() throws IOException {
            Result r = run(validateTable(suite(4), secured + ";USER=sa;PASSWORD=" + WRONG, "orders"));

            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).startsWith("assay: Cannot connect to " + secured + ";USER=sa;PASSWORD=***: ");
            assertThat(r.out() + r.err()).doesNotContain(WRONG);
        }

        @Test
        void the_right_one_in_the_url_works() throws IOException {
            Result r = run(validateTable(suite(4), secured + ";USER=sa;PASSWORD=" + SECRET, "orders"));

            assertThat(r.code()).as(r.err()).isZero();
        }

        @Test
        void one_without_a_user_is_a_usage_error() throws IOException {
            Result r = withPassword(SECRET, secured);

            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).startsWith("ASSAY_JDBC_PASSWORD is set: give the user with --user NAME" + NL);
            assertThat(r.out() + r.err()).doesNotContain(SECRET);
        }

        @Test
        @EnabledIfEnvironmentVariable(named = MARIADB_ENV, matches = ".+")
        void a_wrong_one_for_mariadb_never_shows() throws IOException {
            // Without the URL's own user, which MariaDB's driver prefers to --user.
            String mariadb = System.getenv(MARIADB_ENV).replaceFirst("\\?.*", "");
            Result r = withPassword(WRONG, mariadb, "--user", unique("no_such_user"));

            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err())
                    .startsWith("assay: Cannot connect to " + mariadb + ": ")
                    .contains("Access denied for user 'no_such_user_");
            assertThat(r.out() + r.err()).doesNotContain(WRONG);
        }
    }
}
