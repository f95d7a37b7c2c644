package dev.assay.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.checkpoint.CheckpointResult;
import dev.assay.project.AssayProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A project whose source is a database ({@code type: jdbc}), on H2 in-process. */
class JdbcProjectTest {
    private static final String URL = "jdbc:h2:mem:project_test;DB_CLOSE_DELAY=-1";

    @TempDir
    Path dir;

    private Connection keepAlive;

    @BeforeEach
    void database() throws SQLException, IOException {
        keepAlive = DriverManager.getConnection(URL, "sa", "secret-pw");
        try (Statement s = keepAlive.createStatement()) {
            s.execute("DROP TABLE IF EXISTS orders");
            s.execute("CREATE TABLE orders (id INT PRIMARY KEY, amount DECIMAL(10,2), created_at DATE)");
            s.execute("INSERT INTO orders VALUES (1, 10.00, DATE '2024-01-30'), (2, 20.00, DATE '2024-01-31'),"
                    + " (3, -5.00, DATE '2024-01-31')");
        }
        Files.writeString(
                dir.resolve("assay.yml"),
                """
                sources:
                  shop:
                    type: jdbc
                    url: %s
                    user: sa
                    password: ${SHOP_PASSWORD}
                """
                        .formatted(URL));
        Files.createDirectories(dir.resolve("suites"));
        Files.writeString(
                dir.resolve("suites/orders.json"),
                """
                {"name": "orders", "expectations": [
                  {"type": "expect_column_values_to_be_between", "kwargs": {"column": "AMOUNT", "min_value": 0}}]}
                """);
        Files.createDirectories(dir.resolve("checkpoints"));
    }

    @AfterEach
    void close() throws SQLException {
        keepAlive.close();
    }

    @Test
    void a_checkpoint_validates_the_newest_partition_of_a_table_in_the_database() throws IOException {
        Files.writeString(
                dir.resolve("checkpoints/daily.yml"),
                """
                validations:
                  - {source: shop, table: ORDERS, partitioned_by: "CREATED_AT:day", batch: latest, suite: orders}
                  - {source: shop, table: ORDERS, batch: {CREATED_AT: 2024-01-30}, suite: orders}
                """);

        CheckpointResult run = AssayProject.open(dir, Map.of("SHOP_PASSWORD", "secret-pw")::get)
                .checkpoint("daily")
                .run();

        assertThat(run.errors()).isEmpty();
        assertThat(run.run().validations().get(0).result().unsuccessful())
                .singleElement()
                .isInstanceOf(dev.assay.result.Failed.class); // -5.00 on the 31st
        assertThat(run.run().validations().get(0).result().run().engine()).isEqualTo("sql");
        assertThat(run.run().validations().get(1).result().success())
                .as(dev.assay.result.ResultText.render(
                        run.run().validations().get(1).result()))
                .isTrue();
        assertThat(run.run().validations())
                .extracting(v -> v.stored().orElseThrow().batch())
                .containsExactly("{CREATED_AT=2024-01-31}", "{CREATED_AT=2024-01-30}");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void a_validation_names_a_table_or_a_query_and_a_query_needs_a_name() throws IOException {
        Files.writeString(
                dir.resolve("checkpoints/both.yml"),
                """
                validations:
                  - {source: shop, table: ORDERS, query: "select 1", suite: orders}
                """);
        Files.writeString(
                dir.resolve("checkpoints/unnamed.yml"),
                """
                validations:
                  - {source: shop, query: "select * from orders", suite: orders}
                """);
        Files.writeString(
                dir.resolve("checkpoints/unit.yml"),
                """
                validations:
                  - {source: shop, table: ORDERS, partitioned_by: "CREATED_AT:week", suite: orders}
                """);
        AssayProject project = AssayProject.open(dir, Map.of("SHOP_PASSWORD", "secret-pw")::get);

        assertThatThrownBy(() -> project.checkpoint("both"))
                .hasMessage("checkpoints/both.yml: validations[0]: a validation of a jdbc source names either a"
                        + " table or a query");
        assertThatThrownBy(() -> project.checkpoint("unnamed"))
                .hasMessage("checkpoints/unnamed.yml: validations[0].asset names the query's asset; it is required");
        assertThatThrownBy(() -> project.checkpoint("unit"))
                .hasMessage("checkpoints/unit.yml: validations[0].partitioned_by must be COLUMN or"
                        + " COLUMN:day|month|year, got 'CREATED_AT:week'");
    }

    @Test
    void the_source_settings_are_checked_and_the_password_never_shows() throws IOException {
        Files.writeString(
                dir.resolve("assay.yml"),
                """
                sources:
                  shop: {type: jdbc, url: "postgres://db/x", password: hunter2}
                """);
        assertThatThrownBy(() -> AssayProject.open(dir))
                .hasMessage(
                        "assay.yml: sources.shop.url must be a JDBC URL starting with 'jdbc:', got 'postgres://db/x'");
        Files.writeString(
                dir.resolve("assay.yml"),
                """
                sources:
                  shop: {type: jdbc, url: "jdbc:h2:mem:x", passwd: hunter2}
                """);
        assertThatThrownBy(() -> AssayProject.open(dir))
                .hasMessage(
                        "assay.yml: unknown key 'sources.shop.passwd' (did you mean 'password'?); known keys here: type,"
                                + " url, user, password, dialect")
                .message()
                .doesNotContain("hunter2");
    }
}
