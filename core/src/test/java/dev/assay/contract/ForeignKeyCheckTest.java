package dev.assay.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.engine.Validator;
import dev.assay.result.Errored;
import dev.assay.result.ExpectationResult;
import dev.assay.result.Failed;
import dev.assay.source.Batch;
import dev.assay.source.InMemoryBatch;
import org.junit.jupiter.api.Test;

class ForeignKeyCheckTest {
    private static final Batch CUSTOMERS = InMemoryBatch.named("customers")
            .column("customer_id", "string", "C001", "C002", "C003")
            .build();
    private final ForeignKey key =
            ContractCompiler.compile(Contracts.shop()).foreignKeys().get(0);

    private static Batch orders(String... customerIds) {
        return InMemoryBatch.named("orders")
                .column("customer_id", "string", (Object[]) customerIds)
                .build();
    }

    @Test
    void passes_when_every_reference_exists_nulls_allowed() {
        ExpectationResult r = ForeignKeyCheck.run(key, orders("C001", "C003", null), CUSTOMERS, Validator.create());

        assertThat(r.success()).isTrue();
        assertThat(r.expectation().options().meta())
                .containsEntry("foreign_key", "orders.customer_id -> customers.customer_id")
                .containsEntry("contract_path", "schema[1].properties[2].relationships[0]");
    }

    @Test
    void fails_with_the_orphan_values() {
        ExpectationResult r = ForeignKeyCheck.run(key, orders("C001", "C404", "C405"), CUSTOMERS, Validator.create());

        assertThat(r).isInstanceOf(Failed.class);
        assertThat(r.details().unexpectedValues()).containsExactly("C404", "C405");
        assertThat(r.details().counts().orElseThrow().unexpectedCount()).isEqualTo(2L);
    }

    @Test
    void errors_when_the_referenced_column_is_missing() {
        Batch wrong =
                InMemoryBatch.named("customers").column("id", "string", "C001").build();

        ExpectationResult r = ForeignKeyCheck.run(key, orders("C001"), wrong, Validator.create());

        assertThat(r).isInstanceOf(Errored.class);
        assertThat(((Errored) r).message())
                .startsWith("referenced column customers.customer_id of orders.customer_id -> customers.customer_id: ");
    }
}
