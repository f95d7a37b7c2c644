package dev.assay.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DataContractTest {
    private static List<String> problems(String yaml) {
        return DataContract.validate(yaml, "c.yaml").stream()
                .map(ContractProblem::toString)
                .toList();
    }

    @Nested
    class reads_version_3_0 {
        @Test
        void the_header_servers_and_schema() {
            DataContract c = Contracts.orders();

            assertThat(c.apiVersion()).isEqualTo("v3.0.2");
            assertThat(c.id()).isEqualTo("orders-contract");
            assertThat(c.version()).isEqualTo("1.2.0");
            assertThat(c.status()).isEqualTo("active");
            assertThat(c.isV31()).isFalse();
            assertThat(c.servers()).extracting(ContractServer::server).containsExactly("production", "local");
            SchemaObject orders = c.object("orders").orElseThrow();
            assertThat(orders.table()).isEqualTo("orders_v1");
            assertThat(orders.properties())
                    .extracting(SchemaProperty::name)
                    .containsExactly("order_id", "customer_id", "status", "amount", "email", "created_at");
            assertThat(orders.primaryKey()).extracting(SchemaProperty::name).containsExactly("order_id");
        }

        @Test
        void exclusive_bounds_given_as_flags() {
            LogicalTypeOptions amount = Contracts.orders()
                    .object("orders")
                    .orElseThrow()
                    .property("amount")
                    .orElseThrow()
                    .options();

            assertThat(amount.minimum()).contains(0L);
            assertThat(amount.minimumExclusive()).isTrue();
            assertThat(amount.maximum()).contains(10000L);
            assertThat(amount.maximumExclusive()).isFalse();
        }

        @Test
        void library_rules_named_by_rule_with_several_operators() {
            QualityRule rowCount =
                    Contracts.orders().object("orders").orElseThrow().quality().get(0);

            assertThat(rowCount.type()).isEqualTo(QualityRule.Type.LIBRARY);
            assertThat(rowCount.metric()).contains("rowCount");
            assertThat(rowCount.threshold().orElseThrow().describe())
                    .isEqualTo("mustBeGreaterThan 0 and mustBeLessOrEqualTo 1000000");
            assertThat(rowCount.path()).isEqualTo("schema[0].quality[0]");
        }
    }

    @Nested
    class reads_version_3_1 {
        @Test
        void relationships_at_property_and_object_level() {
            SchemaObject orders = Contracts.shop().object("orders").orElseThrow();

            Relationship onProperty =
                    orders.property("customer_id").orElseThrow().relationships().get(0);
            assertThat(onProperty.from()).containsExactly("customer_id");
            assertThat(onProperty.to()).containsExactly("customers.customer_id");
            assertThat(onProperty.type()).isEqualTo("foreignKey");
            assertThat(orders.relationships().get(0).from()).containsExactly("orders.customer_id");
        }

        @Test
        void exclusive_bounds_given_as_values_and_arguments() {
            SchemaObject orders = Contracts.shop().object("orders").orElseThrow();
            LogicalTypeOptions quantity =
                    orders.property("quantity").orElseThrow().options();
            QualityRule invalid =
                    orders.property("quantity").orElseThrow().quality().get(0);

            assertThat(quantity.minimum()).contains(0L);
            assertThat(quantity.minimumExclusive()).isTrue();
            assertThat(invalid.arguments())
                    .containsEntry("validValues", List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L));
            assertThat(invalid.unit()).contains("percent");
            assertThat(invalid.severity()).contains("error");
            assertThat(invalid.dimension()).contains("accuracy");
            assertThat(orders.primaryKey()).extracting(SchemaProperty::name).containsExactly("order_id", "line_no");
        }

        @Test
        void sla_properties() {
            SlaProperty latency = Contracts.shop().slaProperties().get(0);

            assertThat(latency.property()).isEqualTo("latency");
            assertThat(latency.value()).contains(36L);
            assertThat(latency.unit()).contains("h");
            assertThat(latency.element()).contains("orders.placed_on");
        }
    }

    @Test
    void reads_team_as_a_3_1_object_or_as_the_list_3_1_examples_still_use() {
        String object = Contracts.withObject("") + "team:\n  name: sales\n  members:\n    - username: ana\n";
        String list = Contracts.withObject("") + "team:\n  - username: ana\n    description: owner\n";
        String listIn30 = list.replace("v3.1.0", "v3.0.2");

        assertThat(problems(object)).isEmpty();
        assertThat(problems(list)).isEmpty();
        assertThat(problems(listIn30))
                .containsExactly("c.yaml:10: team[0].description: unknown key 'description'; allowed keys: [dateIn,"
                        + " dateOut, replacedByUsername, role, username]");
    }

    @Test
    void reads_the_stable_ids_and_server_types_of_the_final_3_1_schema_only_in_3_1() {
        String v31 = "apiVersion: v3.1.0\nkind: DataContract\nid: c\nversion: 1.0.0\nstatus: active\n"
                + "servers:\n  - id: srv-1\n    server: s\n    type: impala\n    host: h\n    database: d\n"
                + "schema:\n  - id: obj_1\n    name: t\n    properties:\n      - id: p1\n        name: a\n"
                + "        quality:\n          - id: q1\n            metric: nullValues\n            mustBe: 0\n";
        String v30 = v31.replace("v3.1.0", "v3.0.2");
        String badId = v31.replace("id: p1", "id: 'p 1'");

        assertThat(problems(v31)).isEmpty();
        assertThat(Contracts.shop().object("orders").orElseThrow().id()).isEmpty();
        assertThat(problems(v30))
                .extracting(p -> p.substring(0, p.indexOf(';') < 0 ? p.length() : p.indexOf(';')))
                .containsExactly(
                        "c.yaml:7: servers[0].id: unknown key 'id'",
                        "c.yaml:9: servers[0].type: must be one of [api, athena, azure, bigquery, clickhouse, cloudsql,"
                                + " custom, databricks, db2, denodo, dremio, duckdb, glue, informix, kafka, kinesis, local,"
                                + " mysql, oracle, postgres, postgresql, presto, pubsub, redshift, s3, sftp, snowflake,"
                                + " sqlserver, synapse, trino, vertica], got 'impala'",
                        "c.yaml:13: schema[0].id: unknown key 'id'",
                        "c.yaml:16: schema[0].properties[0].id: unknown key 'id'",
                        "c.yaml:19: schema[0].properties[0].quality[0].id: unknown key 'id'",
                        "c.yaml:20: schema[0].properties[0].quality[0].metric: unknown key 'metric'",
                        "c.yaml:19: schema[0].properties[0].quality[0]: missing required key 'rule'");
        assertThat(problems(badId))
                .containsExactly(
                        "c.yaml:16: schema[0].properties[0].id: a stable id holds only letters, digits, '-' and"
                                + " '_', got 'p 1'");
    }

    @Test
    void checks_the_form_of_relationship_references() {
        String yaml = Contracts.withObject("    properties:\n      - name: a\n        relationships:\n"
                + "          - to: 'customers id'\n          - to: schema/cust/properties/cid\n");

        assertThat(problems(yaml))
                .containsExactly("c.yaml:11: schema[0].properties[0].relationships[0].to: must be object.property or a"
                        + " reference by ids such as schema/<object id>/properties/<property id>, got 'customers id'");
    }

    @Nested
    class rejects {
        @Test
        void an_unknown_key_naming_its_path_line_and_the_likely_key() {
            String yaml = Contracts.withObject("    properties:\n      - name: a\n        requried: true\n");

            assertThat(problems(yaml))
                    .containsExactly("c.yaml:10: schema[0].properties[0].requried: unknown key 'requried' (did you mean"
                            + " 'required'?); allowed keys: [authoritativeDefinitions, businessName, classification,"
                            + " criticalDataElement, customProperties, description, encryptedName, examples, id,"
                            + " logicalType, logicalTypeOptions, name, partitionKeyPosition, partitioned,"
                            + " physicalName, physicalType, primaryKey, primaryKeyPosition, quality, relationships,"
                            + " required, tags, transformDescription, transformLogic, transformSourceObjects,"
                            + " unique]");
        }

        @Test
        void an_unknown_top_level_key() {
            String yaml = Contracts.withObject("") + "owner: me\n";

            assertThat(problems(yaml)).hasSize(1);
            assertThat(problems(yaml).get(0)).startsWith("c.yaml:8: owner: unknown key 'owner'; allowed keys: [");
        }

        @Test
        void an_invalid_logical_type() {
            String yaml = Contracts.withObject("    properties:\n      - name: a\n        logicalType: text\n");

            assertThat(problems(yaml))
                    .containsExactly("c.yaml:10: schema[0].properties[0].logicalType: must be one of [string, date,"
                            + " timestamp, time, number, integer, object, array, boolean], got 'text'");
        }

        @Test
        void an_invalid_metric_dimension_and_server_type() {
            String yaml = "apiVersion: v3.1.0\nkind: DataContract\nid: c\nversion: 1.0.0\nstatus: active\n"
                    + "servers:\n  - server: s\n    type: oracle9\n"
                    + "schema:\n  - name: t\n    quality:\n      - metric: rowCnt\n        mustBe: 1\n"
                    + "        dimension: speed\n";

            assertThat(problems(yaml))
                    .containsExactly(
                            "c.yaml:8: servers[0].type: must be one of [api, athena, azure, bigquery, clickhouse,"
                                    + " cloudsql, custom, databricks, db2, denodo, dremio, duckdb, glue, hive, impala,"
                                    + " informix, kafka, kinesis, local, mysql, oracle, postgres, postgresql, presto,"
                                    + " pubsub, redshift, s3, sftp, snowflake, sqlserver, synapse, trino, vertica, zen],"
                                    + " got 'oracle9'",
                            "c.yaml:12: schema[0].quality[0].metric: must be one of [nullValues, missingValues,"
                                    + " invalidValues, duplicateValues, rowCount], got 'rowCnt'",
                            "c.yaml:14: schema[0].quality[0].dimension: must be one of [accuracy, completeness,"
                                    + " conformity, consistency, coverage, timeliness, uniqueness], got 'speed'");
        }

        @Test
        void missing_required_keys_and_wrong_types() {
            String yaml = "apiVersion: v3.1.0\nkind: DataContract\nversion: 1.0.0\nstatus: active\n"
                    + "servers:\n  - server: pg\n    type: postgres\n    host: h\n    port: '5432'\n"
                    + "schema:\n  - name: t\n    properties:\n      - name: a\n        required: yes please\n";

            assertThat(problems(yaml))
                    .containsExactly(
                            "c.yaml:9: servers[0].port: must be an integer, got the string '5432'",
                            "c.yaml:6: servers[0]: missing required key 'database'",
                            "c.yaml:6: servers[0]: missing required key 'schema'",
                            "c.yaml:14: schema[0].properties[0].required: must be true or false, got the string"
                                    + " 'yes please'",
                            "c.yaml:1: missing required key 'id'");
        }

        @Test
        void a_library_rule_without_operator_or_with_two_in_3_1() {
            String yaml = Contracts.withObject("    quality:\n      - metric: rowCount\n"
                    + "      - metric: rowCount\n        mustBeGreaterThan: 1\n        mustBeLessThan: 5\n");

            assertThat(problems(yaml))
                    .containsExactly(
                            "c.yaml:9: schema[0].quality[0]: a library rule needs one operator: one of [mustBe,"
                                    + " mustNotBe, mustBeGreaterThan, mustBeGreaterOrEqualTo, mustBeLessThan,"
                                    + " mustBeLessOrEqualTo, mustBeBetween, mustNotBeBetween]",
                            "c.yaml:10: schema[0].quality[1]: a rule takes exactly one operator in ODCS v3.1, got"
                                    + " [mustBeGreaterThan, mustBeLessThan]");
        }

        @Test
        void between_bounds_in_the_wrong_order() {
            String yaml =
                    Contracts.withObject("    quality:\n      - metric: rowCount\n        mustBeBetween: [10, 1]\n");

            assertThat(problems(yaml))
                    .containsExactly("c.yaml:10: schema[0].quality[0].mustBeBetween: the smaller bound comes first, got"
                            + " [10,1]");
        }

        @Test
        void relationships_in_3_0_and_from_on_a_property() {
            String v30 = Contracts.withObject("    relationships:\n      - from: t.a\n        to: u.b\n")
                    .replace("v3.1.0", "v3.0.2");
            String fromOnProperty = Contracts.withObject(
                    "    properties:\n      - name: a\n        relationships:\n          - from: t.a\n            to: u.b\n");

            assertThat(problems(v30)).hasSize(1);
            assertThat(problems(v30).get(0))
                    .startsWith("c.yaml:8: schema[0].relationships: unknown key 'relationships'");
            assertThat(problems(fromOnProperty))
                    .containsExactly("c.yaml:11: schema[0].properties[0].relationships[0].from: a relationship on a"
                            + " property must not name 'from': it is the property itself");
        }

        @Test
        void a_logical_type_option_of_another_type() {
            String yaml = Contracts.withObject("    properties:\n      - name: a\n        logicalType: integer\n"
                    + "        logicalTypeOptions:\n          maxLength: 3\n");

            assertThat(problems(yaml).get(0))
                    .startsWith("c.yaml:12: schema[0].properties[0].logicalTypeOptions.maxLength: unknown key"
                            + " 'maxLength' in logicalTypeOptions for logicalType 'integer'; allowed keys:");
        }

        @Test
        void a_duplicate_key() {
            String yaml = Contracts.withObject("    description: one\n    description: two\n");

            assertThat(problems(yaml))
                    .containsExactly("c.yaml:9: schema[0].description: duplicate key 'description'; the first one is"
                            + " at line 8");
        }

        @Test
        void version_2_contracts() {
            assertThat(problems("apiVersion: v2.2.2\nkind: DataContract\n"))
                    .containsExactly("c.yaml:1: apiVersion: ODCS v2.2.2 contracts are not supported; Assay reads"
                            + " [v3.0.0, v3.0.1, v3.0.2, v3.1.0] (upgrade the contract to v3)");
        }

        @Test
        void text_that_is_not_yaml() {
            assertThatThrownBy(() -> DataContract.parse("a: [1, 2\nb: 3\n", "bad.yaml"))
                    .isInstanceOf(ContractFormatException.class)
                    .hasMessageStartingWith("bad.yaml:");
        }

        @Test
        void with_every_problem_in_one_exception() {
            String yaml = Contracts.withObject(
                    "    properties:\n      - name: a\n        logicalType: text\n" + "        unique: 1\n");

            assertThatThrownBy(() -> DataContract.parse(yaml, "c.yaml"))
                    .isInstanceOfSatisfying(ContractFormatException.class, e -> assertThat(e.problems())
                            .hasSize(2))
                    .hasMessage("Contract c.yaml is not a valid ODCS v3 contract (2 problems):\n"
                            + "  c.yaml:10: schema[0].properties[0].logicalType: must be one of [string, date,"
                            + " timestamp, time, number, integer, object, array, boolean], got 'text'\n"
                            + "  c.yaml:11: schema[0].properties[0].unique: must be true or false, got the number 1");
        }

        @Test
        void a_missing_file() {
            assertThatThrownBy(() -> DataContract.read(Path.of("no/such/contract.yaml")))
                    .isInstanceOf(ContractFormatException.class)
                    .hasMessage("Contract file not found: no/such/contract.yaml");
        }
    }

    @Test
    void the_fixtures_are_valid() {
        assertThat(Optional.of(Contracts.orders())).isPresent();
        assertThat(Optional.of(Contracts.shop())).isPresent();
    }
}
