package com.example.orders;

import static dev.assay.testing.AssayAssertions.assertThat;
import static dev.assay.testing.AssaySuites.suite;

import dev.assay.source.Batch;
import dev.assay.testing.AssayData;
import dev.assay.testing.AssayExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The orders fixture meets its suite, and a few column checks read as plain assertions. */
@ExtendWith(AssayExtension.class)
class OrdersDataTest {
    @Test
    void orders_meet_their_suite(@AssayData("fixtures/orders.csv") Batch orders) {
        assertThat(orders).satisfies(suite("orders")); // fails listing each broken expectation
        assertThat(orders).column("amount").hasNoNulls().valuesBetween(0, 10_000);
        assertThat(orders).column("customer_id").valuesMatch("^C[0-9]{3}$");
        assertThat(orders).hasColumnsInOrder("order_id", "customer_id", "amount", "status", "placed_on");
    }
}
