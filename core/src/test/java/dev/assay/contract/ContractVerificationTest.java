package dev.assay.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.engine.Validator;
import dev.assay.source.Batch;
import dev.assay.source.InMemoryBatch;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ContractVerificationTest {
    private static final Validator VALIDATOR =
            Validator.create().withClock(Clock.fixed(Instant.parse("2026-01-02T00:00:00Z"), ZoneOffset.UTC));
    private final CompiledContract shop = ContractCompiler.compile(Contracts.shop());

    private static Batch customers(String... countries) {
        return InMemoryBatch.named("customers")
                .column("customer_id", "string", "C001", "C002", "C003")
                .column("country", "string", (Object[]) countries)
                .build();
    }

    private static Batch orders(String... customerIds) {
        return InMemoryBatch.named("orders")
                .column("order_id", "int64", 1L, 2L, 3L)
                .column("line_no", "int64", 1L, 1L, 1L)
                .column("customer_id", "string", (Object[]) customerIds)
                .column("quantity", "int64", 1L, 2L, 3L)
                .column(
                        "placed_on",
                        "date",
                        LocalDate.parse("2026-01-01"),
                        LocalDate.parse("2026-01-01"),
                        LocalDate.parse("2026-01-01"))
                .build();
    }

    private static Connection database() throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:h2:mem:verification;DB_CLOSE_DELAY=-1");
        try (Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS orders");
            st.execute("CREATE TABLE orders (order_id INT, quantity INT)");
            st.execute("INSERT INTO orders VALUES (1, 5)");
        }
        return c;
    }

    @Test
    void a_contract_kept_by_every_object_passes() throws SQLException {
        try (Connection c = database()) {
            ContractVerification.Report report = ContractVerification.run(
                    shop,
                    Map.of("customers", customers("FR", "DE", "IT"), "orders", orders("C001", "C002", null)),
                    Optional.of(c),
                    VALIDATOR);

            assertThat(report.breaches()).isEmpty();
            assertThat(report.notExecuted()).isEmpty();
            assertThat(report.passed(false)).isTrue();
            assertThat(report.sql()).hasSize(1);
            assertThat(report.foreignKeys()).hasSize(2);
        }
    }

    @Test
    void breaches_fail_it_and_warnings_do_not() {
        ContractVerification.Report report = ContractVerification.run(
                shop,
                Map.of("customers", customers("FR", "", "N/A"), "orders", orders("C001", "C999", null)),
                Optional.empty(),
                VALIDATOR);

        assertThat(report.warnings())
                .containsExactly(
                        "customers: schema[0].properties[1].quality[0] expect_contract_metric_to_meet_threshold"
                                + " failed: missingValues = 2 rows on [country] (of 3 rows) does not satisfy"
                                + " mustBeLessOrEqualTo 1");
        assertThat(report.breaches())
                .containsExactly(
                        "orders.customer_id -> customers.customer_id: schema[1].properties[2].relationships[0]"
                                + " expect_column_values_to_be_in_set failed: 1 of 2 non-null values (50%) are not in"
                                + " {'C001', 'C002', 'C003'}",
                        "orders.customer_id -> customers.customer_id: schema[1].relationships[0]"
                                + " expect_column_values_to_be_in_set failed: 1 of 2 non-null values (50%) are not in"
                                + " {'C001', 'C002', 'C003'}");
        assertThat(report.passed(true)).isFalse();
    }

    @Test
    void what_could_not_run_fails_it_unless_allowed() {
        ContractVerification.Report report = ContractVerification.run(
                shop, Map.of("customers", customers("FR", "DE", "IT")), Optional.empty(), VALIDATOR);

        assertThat(report.notExecuted())
                .extracting(NotExecuted::toString)
                .containsExactly(
                        "schema[1]: object 'orders' not executed: no batch was given for it",
                        "schema[1].properties[2].relationships[0]: foreign key orders.customer_id ->"
                                + " customers.customer_id not executed: no batch was given for 'orders'",
                        "schema[1].relationships[0]: foreign key orders.customer_id -> customers.customer_id not"
                                + " executed: no batch was given for 'orders'",
                        "schema[1].quality[1]: sql rule not executed: no JDBC connection was given");
        assertThat(report.breaches()).isEmpty();
        assertThat(report.passed(false)).isFalse();
        assertThat(report.passed(true)).isTrue();
    }

    @Test
    void rejects_a_batch_for_an_object_the_contract_lacks() {
        assertThatThrownBy(() -> ContractVerification.run(
                        shop, Map.of("order", orders("C001", "C002", "C003")), Optional.empty(), VALIDATOR))
                .isInstanceOf(dev.assay.error.AssayException.class)
                .hasMessage("batch given for 'order', which is not an object of contract shop; objects: [customers,"
                        + " orders]");
    }
}
