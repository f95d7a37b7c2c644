package dev.assay.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.engine.Validator;
import dev.assay.model.Expectation;
import dev.assay.model.ExpectationSuite;
import dev.assay.result.ExpectationResult;
import dev.assay.result.Failed;
import dev.assay.result.ValidationResult;
import dev.assay.source.Batch;
import dev.assay.source.InMemoryBatch;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ContractCompilerTest {
    private static final Validator VALIDATOR =
            Validator.create().withClock(Clock.fixed(Instant.parse("2026-01-02T00:00:00Z"), ZoneOffset.UTC));

    private static List<String> types(ExpectationSuite suite) {
        return suite.expectations().stream().map(e -> e.type().name()).toList();
    }

    private static List<String> failures(ValidationResult result) {
        return result.results().stream()
                .filter(r -> !r.success())
                .map(r -> r.expectation().options().meta().get("contract_path") + " "
                        + (r instanceof Failed ? ((Failed) r).reason() : r.toString()))
                .toList();
    }

    private static InMemoryBatch.Builder orders() {
        return InMemoryBatch.named("orders_v1")
                .column("order_id", "int64", 1L, 2L, 3L)
                .column("customer_id", "int64", 10L, 11L, 10L)
                .column("status", "string", "open", "paid", "shipped")
                .column("amount", "float64", 10.0, 250.5, 9999.0)
                .column("email", "string", "a@x.io", "b@y.org", "c@z.net");
    }

    private static Batch ordersWithCreated(LocalDateTime... created) {
        return orders().column("created_at", "timestamp", (Object[]) created).build();
    }

    @Nested
    class the_3_0_orders_contract {
        private final CompiledContract compiled = ContractCompiler.compile(Contracts.orders());
        private final ExpectationSuite suite = compiled.suite("orders").orElseThrow();

        @Test
        void becomes_one_suite_named_after_contract_and_object() {
            assertThat(compiled.suites()).containsOnlyKeys("orders");
            assertThat(suite.name()).isEqualTo("orders-contract.orders");
            assertThat(suite.meta())
                    .containsEntry("contract_id", "orders-contract")
                    .containsEntry("contract_version", "1.2.0")
                    .containsEntry("odcs_api_version", "v3.0.2")
                    .containsEntry("table", "orders_v1");
        }

        @Test
        void with_schema_type_required_unique_options_quality_and_sla_expectations() {
            assertThat(types(suite))
                    .containsExactly(
                            "expect_table_columns_to_match_set",
                            "expect_column_values_to_be_of_type",
                            "expect_column_values_to_not_be_null",
                            "expect_column_values_to_be_of_type",
                            "expect_column_values_to_not_be_null",
                            "expect_column_values_to_be_of_type",
                            "expect_column_values_to_be_in_set",
                            "expect_column_values_to_be_of_type",
                            "expect_column_values_to_be_between",
                            "expect_column_values_to_be_of_type",
                            "expect_column_value_lengths_to_be_between",
                            "expect_column_values_to_match_regex",
                            LibraryMetricCheck.NAME,
                            "expect_column_values_to_be_of_type",
                            "expect_column_values_to_not_be_null",
                            "expect_column_values_to_be_unique",
                            LibraryMetricCheck.NAME,
                            "expect_compound_columns_to_be_unique",
                            "expect_column_values_to_be_fresh");
        }

        @Test
        void every_expectation_names_the_part_of_the_contract_it_comes_from() {
            assertThat(suite.expectations())
                    .allSatisfy(e -> assertThat(e.options().meta()).containsEntry("contract", "orders-contract"));
            assertThat(suite.expectations().stream()
                            .map(e -> (String) e.options().meta().get("contract_path"))
                            .toList())
                    .containsExactly(
                            "schema[0].properties",
                            "schema[0].properties[0].logicalType",
                            "schema[0].properties[0].required",
                            "schema[0].properties[1].logicalType",
                            "schema[0].properties[1].required",
                            "schema[0].properties[2].logicalType",
                            "schema[0].properties[2].quality[0]",
                            "schema[0].properties[3].logicalType",
                            "schema[0].properties[3].logicalTypeOptions",
                            "schema[0].properties[4].logicalType",
                            "schema[0].properties[4].logicalTypeOptions",
                            "schema[0].properties[4].logicalTypeOptions.format",
                            "schema[0].properties[4].quality[0]",
                            "schema[0].properties[5].logicalType",
                            "schema[0].properties[5].required",
                            "schema[0].properties[0].primaryKey",
                            "schema[0].quality[0]",
                            "schema[0].quality[1]",
                            "slaProperties[0]");
        }

        @Test
        void carries_severity_and_dimension_into_the_meta() {
            Expectation inSet = suite.expectations().get(6);

            assertThat(inSet.options().meta())
                    .containsEntry("severity", "error")
                    .containsEntry("dimension", "conformity")
                    .containsEntry("metric", "invalidValues");
        }

        @Test
        void results_and_the_suite_serialize_with_the_contract_meta() {
            ValidationResult result = VALIDATOR.validate(
                    ordersWithCreated(
                            LocalDateTime.parse("2026-01-01T08:00"),
                            LocalDateTime.parse("2026-01-01T09:00"),
                            LocalDateTime.parse("2026-01-01T12:00")),
                    suite);

            String json = dev.assay.result.ResultJson.toJson(result);
            String suiteJson = dev.assay.suite.SuiteFiles.toJson(suite);

            assertThat(json)
                    .contains("\"expect_contract_metric_to_meet_threshold\"")
                    .contains("\"contract_path\"")
                    .contains("\"severity\"");
            assertThat(suiteJson)
                    .contains("\"metric\"")
                    .contains("\"mustBeLessThan\"")
                    .contains("\"unit\"");
        }

        @Test
        void reports_what_it_does_not_execute() {
            assertThat(compiled.notExecuted())
                    .extracting(NotExecuted::toString)
                    .containsExactly(
                            "schema[0].quality[2]: custom rule (engine soda) not executed: custom rules are for engine"
                                    + " 'soda'; Assay runs only Great Expectations custom rules, natively",
                            "schema[0].quality[3]: text rule not executed: a text rule states quality in words; there is"
                                    + " nothing to execute",
                            "slaProperties[1]: SLA property 'availability' not executed: Assay checks latency"
                                    + " (freshness) from the SLA; 'availability' is about the service, not about the"
                                    + " data in a batch");
            assertThat(compiled.fullyExecutable()).isFalse();
        }

        @Test
        void passes_on_data_that_keeps_the_contract() {
            ValidationResult result = VALIDATOR.validate(
                    ordersWithCreated(
                            LocalDateTime.parse("2026-01-01T08:00"),
                            LocalDateTime.parse("2026-01-01T09:00"),
                            LocalDateTime.parse("2026-01-01T12:00")),
                    suite);

            assertThat(failures(result)).isEmpty();
            assertThat(result.success()).isTrue();
        }

        @Test
        void fails_on_data_that_breaks_it_naming_each_rule() {
            Batch bad = InMemoryBatch.named("orders_v1")
                    .column("order_id", "int64", 1L, 1L, null)
                    .column("customer_id", "int64", 10L, 10L, 11L)
                    .column("status", "string", "open", "lost", "paid")
                    .column("amount", "float64", 0.0, 250.5, 9999.0)
                    .column("email", "string", "not-an-email", null, null)
                    .column(
                            "created_at",
                            "timestamp",
                            LocalDateTime.parse("2025-12-01T00:00"),
                            LocalDateTime.parse("2025-12-01T00:00"),
                            LocalDateTime.parse("2025-12-02T00:00"))
                    .build();

            assertThat(failures(VALIDATOR.validate(bad, suite)))
                    .containsExactly(
                            "schema[0].properties[0].required 1 of 3 values (33.33%) are null",
                            "schema[0].properties[2].quality[0] 1 of 3 values (33.33%) are not in {'open', 'paid',"
                                    + " 'shipped'}",
                            "schema[0].properties[3].logicalTypeOptions 1 of 3 values (33.33%) are outside (0, 10000]",
                            "schema[0].properties[4].logicalTypeOptions.format 1 of 1 non-null values (100%) do not"
                                    + " match /^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$/",
                            "schema[0].properties[4].quality[0] nullValues = 66.666667% on [email] (of 3 rows) does not"
                                    + " satisfy mustBeLessThan 10",
                            "schema[0].properties[0].primaryKey 2 of 2 non-null values (100%) are duplicates",
                            "schema[0].quality[1] 2 of 3 values (66.67%) repeat a combination of [customer_id,"
                                    + " created_at]",
                            "slaProperties[0] the newest value 2025-12-02T00:00 is PT744H old at 2026-01-02T00:00:00Z,"
                                    + " older than max_age PT24H");
        }
    }

    @Nested
    class the_3_1_shop_contract {
        private final CompiledContract compiled = ContractCompiler.compile(Contracts.shop());

        @Test
        void compiles_both_objects_with_compound_primary_key_and_integer_format() {
            assertThat(compiled.suites()).containsOnlyKeys("customers", "orders");
            assertThat(types(compiled.suite("orders").orElseThrow()))
                    .containsExactly(
                            "expect_table_columns_to_match_set",
                            "expect_column_values_to_be_of_type",
                            "expect_column_values_to_not_be_null",
                            "expect_column_values_to_be_of_type",
                            "expect_column_values_to_not_be_null",
                            "expect_column_values_to_be_between",
                            "expect_column_values_to_be_of_type",
                            "expect_column_values_to_be_of_type",
                            "expect_column_values_to_be_between",
                            LibraryMetricCheck.NAME,
                            "expect_column_values_to_be_of_type",
                            "expect_column_values_to_be_between",
                            "expect_compound_columns_to_be_unique",
                            LibraryMetricCheck.NAME,
                            "expect_column_values_to_be_fresh");
        }

        @Test
        void turns_relationships_into_foreign_keys() {
            assertThat(compiled.foreignKeys())
                    .extracting(ForeignKey::path, ForeignKey::describe)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(
                                    "schema[1].properties[2].relationships[0]",
                                    "orders.customer_id -> customers.customer_id"),
                            org.assertj.core.groups.Tuple.tuple(
                                    "schema[1].relationships[0]", "orders.customer_id -> customers.customer_id"));
        }

        @Test
        void turns_sql_rules_into_checks_for_the_jdbc_server_with_placeholders_replaced() {
            assertThat(compiled.sqlChecks()).hasSize(1);
            SqlCheck check = compiled.sqlChecks().get(0);
            assertThat(check.query()).isEqualTo("SELECT COUNT(*) FROM orders WHERE quantity > 1000");
            assertThat(check.threshold().describe()).isEqualTo("mustBe 0");
            assertThat(check.meta())
                    .containsEntry("severity", "error")
                    .containsEntry("contract_path", "schema[1].quality[1]");
            assertThat(compiled.notExecuted()).isEmpty();
            assertThat(compiled.fullyExecutable()).isTrue();
        }

        @Test
        void checks_missing_values_as_null_or_listed_values() {
            ExpectationSuite customers = compiled.suite("customers").orElseThrow();
            Batch twoMissing = InMemoryBatch.named("customers")
                    .column("customer_id", "string", "C001", "C002", "C003", "C004")
                    .column("country", "string", "FR", "", "N/A", "DE")
                    .build();
            Batch oneMissing = InMemoryBatch.named("customers")
                    .column("customer_id", "string", "C001", "C002", "C003", "C004")
                    .column("country", "string", "FR", null, "IT", "DE")
                    .build();

            assertThat(failures(VALIDATOR.validate(twoMissing, customers)))
                    .containsExactly(
                            "schema[0].properties[1].quality[0] missingValues = 2 rows on [country] (of 4 rows)"
                                    + " does not satisfy mustBeLessOrEqualTo 1");
            assertThat(failures(VALIDATOR.validate(oneMissing, customers))).isEmpty();
        }

        @Test
        void passes_and_fails_orders_by_the_contract() {
            ExpectationSuite orders = compiled.suite("orders").orElseThrow();
            Batch good = InMemoryBatch.named("orders")
                    .column("order_id", "int64", 1L, 1L, 2L)
                    .column("line_no", "int64", 1L, 2L, 1L)
                    .column("customer_id", "string", "C001", "C002", null)
                    .column("quantity", "int64", 1L, 5L, 7L)
                    .column(
                            "placed_on",
                            "date",
                            LocalDate.parse("2026-01-01"),
                            LocalDate.parse("2025-12-31"),
                            LocalDate.parse("2026-01-01"))
                    .build();
            Batch bad = InMemoryBatch.named("orders")
                    .column("order_id", "int64", 1L, 1L, 2L)
                    .column("line_no", "int64", 1L, 1L, 300L)
                    .column("customer_id", "string", "C001", "C002", null)
                    .column("quantity", "int64", 0L, 5L, 7L)
                    .column(
                            "placed_on",
                            "date",
                            LocalDate.parse("2019-01-01"),
                            LocalDate.parse("2025-12-01"),
                            LocalDate.parse("2025-12-01"))
                    .build();

            assertThat(failures(VALIDATOR.validate(good, orders))).isEmpty();
            assertThat(failures(VALIDATOR.validate(bad, orders)))
                    .containsExactly(
                            "schema[1].properties[1].logicalTypeOptions.format 1 of 3 values (33.33%) are outside [0, 255]",
                            "schema[1].properties[3].logicalTypeOptions 1 of 3 values (33.33%) are not > 0",
                            "schema[1].properties[3].quality[0] invalidValues = 33.333333% on [quantity] (of 3 rows) does"
                                    + " not satisfy mustNotBeBetween [5, 100]",
                            "schema[1].properties[4].logicalTypeOptions 1 of 3 values (33.33%) are not >= '2020-01-01'",
                            "schema[1].primaryKey 2 of 3 values (66.67%) repeat a combination of [order_id, line_no]",
                            "slaProperties[0] the newest value 2025-12-01 is PT768H old at 2026-01-02T00:00:00Z, older"
                                    + " than max_age PT36H");
        }
    }

    @Nested
    class choices {
        @Test
        void columns_can_be_checked_in_order_or_only_for_presence() {
            DataContract c = Contracts.orders();
            ContractCompiler.Options ordered =
                    new ContractCompiler.Options(ContractCompiler.ColumnMatch.ORDERED, Optional.empty());
            ContractCompiler.Options include =
                    new ContractCompiler.Options(ContractCompiler.ColumnMatch.INCLUDE, Optional.empty());

            assertThat(types(ContractCompiler.compile(c, ordered)
                                    .suite("orders")
                                    .orElseThrow())
                            .get(0))
                    .isEqualTo("expect_table_columns_to_match_ordered_list");
            ExpectationResult extraColumn = VALIDATOR
                    .validate(
                            orders().column(
                                            "created_at",
                                            "timestamp",
                                            LocalDateTime.parse("2026-01-01T12:00"),
                                            LocalDateTime.parse("2026-01-01T12:00"),
                                            LocalDateTime.parse("2026-01-01T12:00"))
                                    .column("note", "string", "a", "b", "c")
                                    .build(),
                            ContractCompiler.compile(c, include).suite("orders").orElseThrow())
                    .results()
                    .get(0);
            assertThat(extraColumn.success()).isTrue();
        }

        @Test
        void great_expectations_custom_rules_run_natively_and_others_are_reported() {
            String yaml = Contracts.withObject("    properties:\n      - name: a\n        logicalType: integer\n"
                    + "        quality:\n"
                    + "          - type: custom\n            engine: great-expectations\n            implementation: |\n"
                    + "              type: expect_column_values_to_be_between\n"
                    + "              kwargs: {min_value: 1, max_value: 3}\n"
                    + "          - type: custom\n            engine: greatExpectations\n            implementation:\n"
                    + "              type: expect_column_values_to_be_between\n"
                    + "              kwargs: {minValue: 1}\n"
                    + "    quality:\n"
                    + "      - type: custom\n        engine: gx\n        implementation: |\n"
                    + "          - type: expect_table_row_count_to_equal\n            kwargs: {value: 2}\n");
            CompiledContract compiled = ContractCompiler.compile(DataContract.parse(yaml, "c.yaml"));
            ExpectationSuite suite = compiled.suite("t").orElseThrow();

            assertThat(types(suite))
                    .containsExactly(
                            "expect_table_columns_to_match_set",
                            "expect_column_values_to_be_of_type",
                            "expect_column_values_to_be_between",
                            "expect_table_row_count_to_equal");
            assertThat(compiled.notExecuted()).hasSize(1);
            assertThat(compiled.notExecuted().get(0).path()).isEqualTo("schema[0].properties[0].quality[1]");
            assertThat(compiled.notExecuted().get(0).reason())
                    .startsWith("its Great Expectations implementation cannot be used: ")
                    .contains("minValue");
            assertThat(failures(VALIDATOR.validate(
                            InMemoryBatch.named("t")
                                    .column("a", "int64", 1L, 5L)
                                    .build(),
                            suite)))
                    .containsExactly("schema[0].properties[0].quality[0] 1 of 2 values (50%) are outside [1, 3]");
        }

        @Test
        void sla_elements_and_relationships_may_use_physical_names() {
            String yaml = "apiVersion: v3.1.0\nkind: DataContract\nid: c\nversion: 1.0.0\nstatus: active\n"
                    + "schema:\n  - name: events\n    physicalName: tbl_events\n    properties:\n"
                    + "      - name: event_time\n        physicalName: evt_ts\n        logicalType: timestamp\n"
                    + "      - name: user\n        physicalName: usr\n        relationships:\n          - to: tbl_users.id\n"
                    + "  - name: users\n    physicalName: tbl_users\n    properties:\n      - name: id\n"
                    + "slaProperties:\n  - property: latency\n    value: 2\n    unit: h\n    element: tbl_events.evt_ts\n";
            CompiledContract compiled = ContractCompiler.compile(DataContract.parse(yaml, "c.yaml"));

            assertThat(compiled.notExecuted()).isEmpty();
            assertThat(types(compiled.suite("events").orElseThrow())).endsWith("expect_column_values_to_be_fresh");
            assertThat(compiled.suite("events")
                            .orElseThrow()
                            .expectations()
                            .get(2)
                            .columns())
                    .containsExactly("evt_ts");
            assertThat(compiled.foreignKeys())
                    .extracting(ForeignKey::describe)
                    .containsExactly("events.usr -> users.id");
        }

        @Test
        void relationships_by_stable_ids_resolve_to_columns() {
            String yaml = "apiVersion: v3.1.0\nkind: DataContract\nid: c\nversion: 1.0.0\nstatus: active\n"
                    + "schema:\n  - id: ord\n    name: orders\n    properties:\n      - name: customer\n"
                    + "        physicalName: cust_id\n        relationships:\n          - to: schema/cus/properties/pk\n"
                    + "          - to: other.yaml#schema/cus/properties/pk\n"
                    + "  - id: cus\n    name: customers\n    properties:\n      - id: pk\n        name: id\n";
            CompiledContract compiled = ContractCompiler.compile(DataContract.parse(yaml, "c.yaml"));

            assertThat(compiled.foreignKeys())
                    .extracting(ForeignKey::describe)
                    .containsExactly("orders.cust_id -> customers.id");
            assertThat(compiled.notExecuted())
                    .extracting(NotExecuted::toString)
                    .containsExactly("schema[0].properties[0].relationships[1]: relationship [customer] ->"
                            + " [other.yaml#schema/cus/properties/pk] not executed: 'other.yaml#schema/cus/properties/pk'"
                            + " names no property of this contract");
        }

        @Test
        void sql_rules_are_not_executed_without_a_jdbc_server() {
            DataContract c = Contracts.orders();
            String yaml = "apiVersion: v3.1.0\nkind: DataContract\nid: c\nversion: 1.0.0\nstatus: active\n"
                    + "servers:\n  - server: files\n    type: s3\n    location: s3://bucket/orders/*.parquet\n"
                    + "schema:\n  - name: t\n    quality:\n      - type: sql\n        query: SELECT 1\n        mustBe: 1\n";

            assertThat(ContractCompiler.compile(DataContract.parse(yaml, "c.yaml"))
                            .notExecuted())
                    .extracting(NotExecuted::toString)
                    .containsExactly(
                            "schema[0].quality[0]: sql rule not executed: sql rules run through JDBC, and server"
                                    + " 'files' is of type s3");
            assertThat(ContractCompiler.compile(
                                    c,
                                    new ContractCompiler.Options(
                                            ContractCompiler.ColumnMatch.EXACT_SET, Optional.of("local")))
                            .sqlChecks())
                    .isEmpty();
        }
    }
}
