package dev.assay.cli;

import static dev.assay.cli.CliRun.run;
import static dev.assay.cli.CliRun.validate;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.cli.CliRun.Result;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * {@code assay validate --data jdbc:...} on a whole table or a query's rows: on an in-process H2 database the test
 * fills, and on PostgreSQL when {@code ASSAY_TEST_POSTGRES_URL} names a test database. Batches are in {@link
 * ValidateJdbcBatchTest}, errors and passwords in {@link ValidateJdbcErrorTest}.
 */
class ValidateJdbcTest extends JdbcOrders {
    @Nested
    class Exit_codes {
        @Test
        void zero_when_the_table_passes() throws IOException {
            Result r = run(validateTable(suite(4), url, "orders", "--ascii"));

            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).startsWith("Suite orders on orders: PASSED");
        }

        @Test
        void one_when_an_expectation_fails() throws IOException {
            Result r = run(validateTable(suite(5), url, "orders", "--ascii"));

            assertThat(r.code()).as(r.err()).isEqualTo(1);
            assertThat(r.out()).startsWith("Suite orders on orders: FAILED");
        }
    }

    @Test
    void query_validates_the_rows_of_a_select() throws IOException {
        Result r = run(validate(suite(3), url, "--query", "SELECT * FROM \"orders\" WHERE \"amount\" > 15", "--ascii"));

        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).startsWith("Suite orders on query: PASSED");
    }

    @Test
    void json_output_says_the_metrics_were_computed_in_the_database() throws IOException {
        Result r = run(validateTable(suite(4), url, "orders", "--format", "json"));

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"engine\": \"sql\"");
        JsonNode meta = new ObjectMapper().readTree(r.out()).get("meta");
        assertThat(meta.get("engine").asText()).isEqualTo("sql");
    }

    @Nested
    @EnabledIfEnvironmentVariable(named = POSTGRES_ENV, matches = ".+")
    class Postgres {
        private final String postgres = System.getenv(POSTGRES_ENV);
        private final List<String> tables = new ArrayList<>();

        /** A new table {@code public.<name>} with the four orders, dropped after the test; returns its name. */
        private String orders() throws SQLException {
            String table = unique("assay_cli_orders");
            try (Connection connection = DriverManager.getConnection(postgres)) {
                createOrders(connection, "public." + table);
            }
            tables.add(table);
            return table;
        }

        @AfterEach
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

            Result r = run(validateTable(suite(4), postgres, "public." + table, "--format", "json"));

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

            Result r = run(validateTable(suite(5), postgres, "public." + table, "--ascii"));

            assertThat(r.code()).as(r.err()).isEqualTo(1);
            assertThat(r.out())
                    .startsWith("Suite orders on ")
                    .contains(table.substring(table.length() - 12) + ": FAILED");
        }

        @Test
        void batch_selects_a_day_and_latest_the_last_day() throws Exception {
            String table = orders();

            Result day = run(validateTable(suite(2), postgres, "public." + table, "--batch", "created_at=2024-01-31"));
            Result latest = run(validateTable(
                    suite(1), postgres, "public." + table, "--partition-by", "created_at:day", "--latest"));

            assertThat(day.code()).as(day.out() + day.err()).isZero();
            assertThat(latest.code()).as(latest.out() + latest.err()).isZero();
        }
    }
}
