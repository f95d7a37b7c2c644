package dev.assay.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SqlChecksTest {
    private Connection connection;

    @BeforeEach
    void database() throws SQLException {
        connection = DriverManager.getConnection("jdbc:h2:mem:sqlchecks;DB_CLOSE_DELAY=-1");
        try (Statement st = connection.createStatement()) {
            st.execute("DROP TABLE IF EXISTS orders");
            st.execute("CREATE TABLE orders (order_id INT, quantity INT)");
            st.execute("INSERT INTO orders VALUES (1, 5), (2, 2000), (3, 7)");
        }
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    private static SqlCheck compiledSqlCheck() {
        return ContractCompiler.compile(Contracts.shop()).sqlChecks().get(0);
    }

    @Test
    void runs_the_compiled_rule_of_the_contract_and_fails_when_the_value_breaks_the_threshold() {
        SqlChecks.Outcome outcome = SqlChecks.run(compiledSqlCheck(), connection);

        assertThat(outcome.success()).isFalse();
        assertThat(outcome.observed()).contains(1L);
        assertThat(outcome.message()).isEqualTo("schema[1].quality[1]: observed 1, expected mustBe 0 (failed)");
    }

    @Test
    void passes_when_the_value_meets_the_threshold() throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("DELETE FROM orders WHERE quantity > 1000");
        }

        SqlChecks.Outcome outcome = SqlChecks.run(compiledSqlCheck(), connection);

        assertThat(outcome.success()).isTrue();
        assertThat(outcome.message()).isEqualTo("schema[1].quality[1]: observed 0, expected mustBe 0 (passed)");
    }

    @Test
    void a_broken_query_errors_and_the_other_checks_still_run() {
        SqlCheck broken = new SqlCheck(
                "schema[0].quality[0]",
                "orders",
                "SELECT COUNT(*) FROM nowhere",
                Threshold.of(Threshold.Operator.MUST_BE, 0L),
                java.util.Map.of());
        SqlCheck twoColumns = new SqlCheck(
                "schema[0].quality[1]",
                "orders",
                "SELECT 1, 2",
                Threshold.of(Threshold.Operator.MUST_BE, 0L),
                java.util.Map.of());
        SqlCheck text = new SqlCheck(
                "schema[0].quality[2]",
                "orders",
                "SELECT 'x'",
                Threshold.of(Threshold.Operator.MUST_BE, 0L),
                java.util.Map.of());

        List<SqlChecks.Outcome> outcomes =
                SqlChecks.run(List.of(broken, twoColumns, text, compiledSqlCheck()), connection);

        assertThat(outcomes).extracting(SqlChecks.Outcome::success).containsExactly(false, false, false, false);
        assertThat(outcomes.get(0).error().orElseThrow()).startsWith("the query failed: Table \"NOWHERE\" not found");
        assertThat(outcomes.get(1).message())
                .isEqualTo("schema[0].quality[1]: errored: the query returns 2 columns; a sql rule's query returns one"
                        + " value");
        assertThat(outcomes.get(2).message())
                .isEqualTo("schema[0].quality[2]: errored: the query returns String 'x'; a sql rule's query returns a"
                        + " number or a boolean");
        assertThat(outcomes.get(3).observed()).contains(1L);
    }
}
