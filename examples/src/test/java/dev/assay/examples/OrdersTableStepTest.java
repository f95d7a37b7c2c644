package dev.assay.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.jdbc.JdbcSource;
import dev.assay.result.ResultJson;
import dev.assay.result.ResultText;
import dev.assay.result.ValidationResult;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The orders step on a small table: a good day passes, a bad day fails naming its rows by key, and only a few
 * rows ever leave the database. On embedded H2 always, and on PostgreSQL when {@code ASSAY_TEST_POSTGRES_URL}
 * names a test database.
 */
class OrdersTableStepTest {
    private static final Instant NOW = Instant.parse("2024-02-01T06:00:00Z");

    @Test
    void checks_a_day_of_orders_in_an_embedded_database() throws SQLException {
        check("jdbc:h2:mem:orders_" + UUID.randomUUID().toString().replace("-", "")
                + ";DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE");
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "ASSAY_TEST_POSTGRES_URL", matches = ".+")
    void checks_a_day_of_orders_in_postgresql() throws SQLException {
        check(System.getenv("ASSAY_TEST_POSTGRES_URL"));
    }

    private static void check(String url) throws SQLException {
        String table = "orders_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = DriverManager.getConnection(url);
                Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE " + table + " (order_id BIGINT PRIMARY KEY, customer_id BIGINT, status"
                    + " VARCHAR(20), amount DECIMAL(12, 2), email VARCHAR(100), created_at TIMESTAMP, shipped_at"
                    + " TIMESTAMP)");
            try {
                StringBuilder rows = new StringBuilder();
                for (int i = 1; i <= 200; i++) {
                    // January 30th is clean; on the 31st, order 399 ships before it is made and 400 is refunded.
                    int day = i <= 100 ? 30 : 31;
                    long id = i + (day == 31 ? 200 : 0);
                    String status = id == 400 ? "REFUNDED" : "PAID";
                    String shipped = id == 399 ? "2024-01-30 08:00:00" : "2024-01-" + day + " 20:00:00";
                    rows.append(rows.length() == 0 ? "" : ", ")
                            .append("(")
                            .append(id)
                            .append(", ")
                            .append(1000 + i % 37)
                            .append(", '")
                            .append(status)
                            .append("', ")
                            .append(10 + i % 90)
                            .append(".50, 'buyer")
                            .append(i)
                            .append("@example.com', TIMESTAMP '2024-01-")
                            .append(day)
                            .append(" 10:00:00', TIMESTAMP '")
                            .append(shipped)
                            .append("')");
                }
                sql.execute("INSERT INTO " + table + " VALUES " + rows);
                JdbcSource db = JdbcSource.of(url);

                ValidationResult good = OrdersTableStep.validate(db, table, LocalDate.of(2024, 1, 30), NOW);
                ValidationResult bad = OrdersTableStep.validate(db, table, LocalDate.of(2024, 1, 31), NOW);

                assertThat(good.success()).as(ResultText.render(good, false)).isTrue();
                assertThat(good.run().engine()).isEqualTo("sql");
                // One aggregate row, and one from the duplicate count that runs beside it.
                assertThat(good.run().rowsScanned())
                        .as("rows that left the database")
                        .isEqualTo(2);
                assertThat(bad.success()).isFalse();
                assertThat(bad.statistics().unsuccessful()).isEqualTo(2);
                String json = ResultJson.toJson(bad);
                assertThat(json).contains("\"partial_unexpected_list\": [\n          \"REFUNDED\"\n        ]");
                assertThat(bad.run().rowsScanned())
                        .as("the two rows above and one sample per failed check")
                        .isEqualTo(4);
            } finally {
                sql.execute("DROP TABLE " + table);
            }
        }
    }
}
