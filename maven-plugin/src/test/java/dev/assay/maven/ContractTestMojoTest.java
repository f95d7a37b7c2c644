package dev.assay.maven;

import static dev.assay.maven.MojoFixture.assertBuildFailure;
import static dev.assay.maven.MojoFixture.assertExecutionError;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContractTestMojoTest {
    private static final String HEADER =
            """
            apiVersion: v3.1.0
            kind: DataContract
            id: shop
            version: 2.0.0
            status: active
            """;
    private static final String FILES_SERVER =
            """
            servers:
              - server: files
                type: local
                path: data/{model}.csv
                format: csv
            """;
    private static final String ORDERS =
            """
            schema:
              - name: orders
                properties:
                  - name: order_id
                    logicalType: integer
                    primaryKey: true
                    required: true
                  - name: status
                    logicalType: string
                    quality:
                      - metric: invalidValues
                        arguments:
                          validValues: [open, paid, shipped]
                        mustBe: 0
                  - name: note
                    logicalType: string
                    quality:
                      - metric: nullValues
                        mustBe: 0
                        severity: warning
            """;
    private static final String GOOD = "order_id,status,note\n1,open,a\n2,paid,b\n3,shipped,c\n";

    @TempDir
    Path dir;

    private MojoFixture module;
    private RecordingLog log;
    private ContractTestMojo mojo;

    @BeforeEach
    void mojo() {
        module = new MojoFixture(dir);
        log = module.log;
        mojo = module.contract(new ContractTestMojo());
    }

    private Path report() {
        return module.report("contract-test-shop");
    }

    @Nested
    class On_the_contract_s_file_server {
        @BeforeEach
        void contract() throws IOException {
            mojo.contract = module.write("src/contracts/shop.odcs.yaml", HEADER + FILES_SERVER + ORDERS)
                    .toFile();
        }

        @Test
        void data_that_meets_the_contract_passes_and_is_reported() throws Exception {
            module.write("data/orders.csv", GOOD);

            mojo.execute();

            assertThat(log.lines("info"))
                    .contains("contract test src/contracts/shop.odcs.yaml: PASSED (exit 0): 8 passed");
            assertThat(log.lines("warn")).isEmpty();
            assertThat(Files.readString(report()))
                    .contains("<testsuites name=\"assay contract test src/contracts/shop.odcs.yaml\"")
                    .contains("failures=\"0\" errors=\"0\"");
        }

        @Test
        void a_breach_fails_the_build_naming_the_rule_and_its_line() throws Exception {
            module.write("data/orders.csv", "order_id,status,note\n1,open,a\n2,lost,b\n2,paid,c\n");

            assertBuildFailure(mojo)
                    .hasMessage("Assay: contract test src/contracts/shop.odcs.yaml: FAILED (exit 1): 6 passed, 2"
                            + " breaches\n\n"
                            + "BREACH src/contracts/shop.odcs.yaml:21 orders: schema[0].properties[1].quality[0]"
                            + " expect_column_values_to_be_in_set(status): 1 of 3 values (33.33%) are not in"
                            + " {'open', 'paid', 'shipped'}\n"
                            + "    unexpected: 1 of 3 non-missing values\n"
                            + "    samples: 'lost' (row 1)\n"
                            + "BREACH src/contracts/shop.odcs.yaml:16 orders: schema[0].properties[0].primaryKey"
                            + " expect_column_values_to_be_unique(order_id): 2 of 3 values (66.67%) are duplicates\n"
                            + "    unexpected: 2 of 3 non-missing values\n"
                            + "    samples: 2 (row 1), 2 (row 2)\n\n"
                            + "Report: " + report());
            assertThat(log.lines("warn")).anyMatch(l -> l.startsWith("BREACH       src/contracts/shop.odcs.yaml:21"));
            assertThat(Files.readString(report())).contains("failures=\"2\"");
        }

        @Test
        void a_failed_warning_rule_is_reported_and_the_build_goes_on() throws Exception {
            module.write("data/orders.csv", "order_id,status,note\n1,open,a\n2,paid,\n");

            mojo.execute();

            assertThat(log.lines("info"))
                    .contains("WARNING      src/contracts/shop.odcs.yaml:28 orders: schema[0].properties[2].quality[0]"
                            + " expect_column_values_to_not_be_null(note): 1 of 2 values (50%) are null")
                    .contains("contract test src/contracts/shop.odcs.yaml: PASSED (exit 0): 7 passed, 1 warning");
        }

        @Test
        void with_fail_on_warning_a_failed_warning_rule_fails_the_build() throws Exception {
            module.write("data/orders.csv", "order_id,status,note\n1,open,a\n2,paid,\n");
            mojo.failOn = "WARNING";

            assertBuildFailure(mojo)
                    .hasMessageContaining("FAILED (exit 1): 7 passed, 1 warning\n\n"
                            + "WARNING src/contracts/shop.odcs.yaml:28 orders: schema[0].properties[2].quality[0]"
                            + " expect_column_values_to_not_be_null(note): 1 of 2 values (50%) are null\n"
                            + "    severity: warning\n");
        }

        @Test
        void missing_data_is_an_error_not_a_breach() {
            assertExecutionError(mojo)
                    .hasMessage("Assay: contract test src/contracts/shop.odcs.yaml could not run:\n"
                            + "  object 'orders': folder not found: " + dir.resolve("data"));
        }

        @Test
        void skip_does_nothing() throws Exception {
            mojo.skip = true;

            mojo.execute();

            assertThat(log.lines("info")).containsExactly("Skipping Assay (assay.skip)");
        }
    }

    @Nested
    class Parts_not_executed {
        @BeforeEach
        void contract() throws IOException {
            mojo.contract = module.write(
                            "shop.odcs.yaml",
                            HEADER + FILES_SERVER + ORDERS
                                    + """
                                quality:
                                  - type: text
                                    description: Orders are never deleted.
                            """)
                    .toFile();
            module.write("data/orders.csv", GOOD);
        }

        @Test
        void fail_the_contract_by_default() {
            assertBuildFailure(mojo)
                    .hasMessage("Assay: contract test shop.odcs.yaml: FAILED (exit 1): 8 passed, 1 not executed\n\n"
                            + "NOT EXECUTED shop.odcs.yaml:32 orders: schema[0].quality[0] text rule: text rule not"
                            + " executed: a text rule states quality in words; there is nothing to execute\n\n"
                            + "Parts not executed fail the contract unless <allowNotExecuted>true</allowNotExecuted>.\n\n"
                            + "Report: " + report());
        }

        @Test
        void pass_when_allowed_and_are_still_listed() throws Exception {
            mojo.allowNotExecuted = true;

            mojo.execute();

            assertThat(log.lines("info"))
                    .contains("NOT EXECUTED shop.odcs.yaml:32 orders: schema[0].quality[0] text rule: text rule not"
                            + " executed: a text rule states quality in words; there is nothing to execute")
                    .contains("contract test shop.odcs.yaml: PASSED (exit 0): 8 passed, 1 not executed");
        }
    }

    @Nested
    class Objects_given_in_the_pom {
        @Test
        void replace_the_server() throws IOException {
            mojo.contract = module.write("shop.odcs.yaml", HEADER + FILES_SERVER + ORDERS)
                    .toFile();
            module.write("data/orders.csv", GOOD);
            module.write("src/test/data/orders-sample.csv", "order_id,status,note\n1,lost,a\n");
            mojo.objects = Map.of("orders", "src/test/data/orders-sample.csv");

            assertBuildFailure(mojo)
                    .hasMessageContaining("expect_column_values_to_be_in_set(status): 1 of 1 values (100%) are not in");
        }

        @Test
        void stand_in_for_a_contract_without_servers() throws Exception {
            mojo.contract = module.write("shop.odcs.yaml", HEADER + ORDERS).toFile();
            module.write("src/test/data/orders-sample.csv", GOOD);
            mojo.objects = Map.of("orders", "src/test/data/orders-sample.csv");

            mojo.execute();

            assertThat(log.lines("info")).contains("contract test shop.odcs.yaml: PASSED (exit 0): 8 passed");
        }

        @Test
        void must_be_objects_of_the_contract() throws IOException {
            mojo.contract = module.write("shop.odcs.yaml", HEADER + ORDERS).toFile();
            mojo.objects = Map.of("order", "orders.csv");

            assertExecutionError(mojo)
                    .hasMessage("Assay: contract test shop.odcs.yaml could not run:\n"
                            + "  <objects> names object 'order', which contract shop.odcs.yaml does not have; objects:"
                            + " [orders]");
        }
    }

    @Nested
    class Errors_in_configuration {
        @Test
        void a_contract_without_servers_needs_objects() throws IOException {
            mojo.contract = module.write("shop.odcs.yaml", HEADER + ORDERS).toFile();

            assertExecutionError(mojo)
                    .hasMessage("Assay: contract test shop.odcs.yaml could not run:\n"
                            + "  contract shop.odcs.yaml has no servers; give the data of each object with <objects>");
        }

        @Test
        void several_servers_need_a_choice() throws IOException {
            mojo.contract = module.write(
                            "shop.odcs.yaml",
                            HEADER + FILES_SERVER
                                    + """
                              - server: lake
                                type: s3
                                location: s3://lake/{model}/
                                format: parquet
                            """
                                    + ORDERS)
                    .toFile();

            assertExecutionError(mojo)
                    .hasMessage("Assay: contract test shop.odcs.yaml could not run:\n"
                            + "  contract shop.odcs.yaml has 2 servers; choose one with <server>: [files, lake]");
        }

        @Test
        void an_unknown_server_is_named() throws IOException {
            mojo.contract = module.write("shop.odcs.yaml", HEADER + FILES_SERVER + ORDERS)
                    .toFile();
            mojo.server = "prod";

            assertExecutionError(mojo)
                    .hasMessage("Assay: contract test shop.odcs.yaml could not run:\n"
                            + "  contract shop.odcs.yaml has no server 'prod'; servers: [files]");
        }

        @Test
        void one_file_location_cannot_hold_several_objects() throws IOException {
            mojo.contract = module.write(
                            "shop.odcs.yaml",
                            HEADER
                                    + """
                            servers:
                              - server: files
                                type: local
                                path: data/orders.csv
                                format: csv
                            """
                                    + ORDERS
                                    + """
                              - name: customers
                                properties:
                                  - name: customer_id
                                    logicalType: string
                            """)
                    .toFile();

            assertExecutionError(mojo)
                    .hasMessageStartingWith("Assay: contract test shop.odcs.yaml could not run:\n"
                            + "  object 'orders': server 'files' (servers[0]) names one dataset, 'data/orders.csv',"
                            + " but the contract has 2 objects; put {model} in the location for the object's name,"
                            + " name a folder holding <object>.<format> files, or give <objects>\n");
        }

        @Test
        void an_invalid_contract_is_named_with_its_line() throws IOException {
            mojo.contract = module.write(
                            "shop.odcs.yaml", HEADER + ORDERS.replace("logicalType: integer", "logicalType: int"))
                    .toFile();

            assertExecutionError(mojo)
                    .hasMessageStartingWith("Assay: ")
                    .hasMessageContaining("shop.odcs.yaml:10: schema[0].properties[0].logicalType: must be one of");
        }

        @Test
        void fail_on_takes_error_or_warning() throws IOException {
            mojo.contract = module.write("shop.odcs.yaml", HEADER + FILES_SERVER + ORDERS)
                    .toFile();
            mojo.failOn = "info";

            assertExecutionError(mojo).hasMessage("Assay: <failOn> must be 'error' or 'warning', got 'info'");
        }
    }

    @Nested
    class On_a_database_server {
        private Path database;

        @BeforeEach
        void database() throws Exception {
            database = dir.resolve("shop.duckdb");
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + database);
                    Statement s = c.createStatement()) {
                s.execute("CREATE TABLE orders (order_id INTEGER, status VARCHAR, note VARCHAR)");
                s.execute("INSERT INTO orders VALUES (1, 'open', 'a'), (2, 'paid', 'b'), (3, 'paid', 'c')");
            }
        }

        private void contract(int maxPaid) throws IOException {
            mojo.contract = module.write(
                            "shop.odcs.yaml",
                            HEADER
                                    + """
                            servers:
                              - server: warehouse
                                type: duckdb
                                database: %s
                            """
                                            .formatted(database)
                                    + ORDERS
                                    + """
                                quality:
                                  - type: sql
                                    query: SELECT COUNT(*) FROM {object} WHERE status = 'paid'
                                    mustBeLessOrEqualTo: %d
                            """
                                            .formatted(maxPaid))
                    .toFile();
        }

        @Test
        void the_suites_and_the_sql_rules_run_in_the_database() throws Exception {
            contract(2);

            mojo.execute();

            assertThat(log.lines("info")).contains("contract test shop.odcs.yaml: PASSED (exit 0): 9 passed");
        }

        @Test
        void a_failed_sql_rule_breaches_the_contract() throws IOException {
            contract(1);

            assertBuildFailure(mojo)
                    .hasMessageContaining("FAILED (exit 1): 8 passed, 1 breach\n\n"
                            + "BREACH shop.odcs.yaml:31 orders: schema[0].quality[0] sql mustBeLessOrEqualTo 1:"
                            + " schema[0].quality[0]: observed 2, expected mustBeLessOrEqualTo 1 (failed)\n"
                            + "    query: SELECT COUNT(*) FROM orders WHERE status = 'paid'\n");
        }
    }
}
