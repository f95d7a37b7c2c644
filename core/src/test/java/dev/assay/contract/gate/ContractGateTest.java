package dev.assay.contract.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.contract.gate.GateCase.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gate on local files in the test format {@code .lines} (each line a row of column {@code line}); CSV,
 * Parquet and JDBC are tested end to end in the CLI module, which has their readers.
 */
class ContractGateTest {
    @TempDir
    Path dir;

    private static String contract(String server, int rows) {
        return "apiVersion: v3.1.0\nkind: DataContract\nid: logs\nversion: 1.0.0\nstatus: active\n"
                + "servers:\n" + server
                + "schema:\n"
                + "  - name: events\n"
                + "    properties:\n"
                + "      - name: line\n"
                + "        logicalType: string\n"
                + "        required: true\n"
                + "        quality:\n"
                + "          - metric: invalidValues\n"
                + "            arguments:\n"
                + "              validValues: [start, stop]\n"
                + "            mustBe: 0\n"
                + "            severity: warning\n"
                + "    quality:\n"
                + "      - metric: rowCount\n"
                + "        mustBe: " + rows + "\n";
    }

    private static String local(String name, String path) {
        return "  - server: " + name + "\n    type: local\n    path: " + path + "\n    format: lines\n";
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    @Nested
    class Running {
        @Test
        void passes_when_the_local_file_keeps_the_contract() throws IOException {
            write("data/events.lines", "start\nstop\n");
            Path c = write("c.yaml", contract(local("local", "data/events.lines"), 2));

            GateReport report = ContractGate.test(c, "c.yaml", TestOptions.in(dir));

            assertThat(report.errors()).isEmpty();
            assertThat(report.cases()).extracting(GateCase::status).containsOnly(Status.PASSED);
            assertThat(report.cases()).hasSizeGreaterThanOrEqualTo(4);
            assertThat(report.exitCode()).isEqualTo(GateReport.PASSED);
        }

        @Test
        void a_breach_exits_1_and_names_the_rule_and_its_line() throws IOException {
            write("data/events.lines", "start\nstop\nstart\n");
            Path c = write("c.yaml", contract(local("local", "data/events.lines"), 2));

            GateReport report = ContractGate.test(c, "c.yaml", TestOptions.in(dir));

            assertThat(report.cases(Status.BREACH)).singleElement().satisfies(b -> {
                assertThat(b.group()).isEqualTo("events");
                assertThat(b.name()).isEqualTo("schema[0].quality[0] expect_table_row_count_to_equal");
                assertThat(b.line()).isEqualTo(OptionalInt.of(24));
                assertThat(b.detail()).contains("observed value: 3");
            });
            assertThat(report.exitCode()).isEqualTo(GateReport.FAILED);
        }

        @Test
        void a_failed_warning_rule_passes_unless_fail_on_warning() throws IOException {
            write("data/events.lines", "start\npause\n");
            Path c = write("c.yaml", contract(local("local", "data/events.lines"), 2));

            GateReport lenient = ContractGate.test(c, "c.yaml", TestOptions.in(dir));
            GateReport strict =
                    ContractGate.test(c, "c.yaml", TestOptions.in(dir).withFailOn(FailOn.WARNING));

            assertThat(lenient.cases(Status.WARNING)).singleElement().satisfies(w -> assertThat(w.path())
                    .isEqualTo("schema[0].properties[0].quality[0]"));
            assertThat(lenient.exitCode()).isEqualTo(GateReport.PASSED);
            assertThat(strict.exitCode()).isEqualTo(GateReport.FAILED);
        }

        @Test
        void a_folder_holds_one_file_per_object_and_data_overrides_it() throws IOException {
            write("lake/events.lines", "start\n");
            write("ci/events.lines", "start\nstop\n");
            Path c = write("c.yaml", contract(local("lake", "lake/"), 2));

            GateReport fromFolder = ContractGate.test(c, "c.yaml", TestOptions.in(dir));
            GateReport overridden =
                    ContractGate.test(c, "c.yaml", TestOptions.in(dir).withData("events", "ci/events.lines"));

            assertThat(fromFolder.exitCode()).isEqualTo(GateReport.FAILED);
            assertThat(overridden.exitCode()).isEqualTo(GateReport.PASSED);
        }

        @Test
        void an_unsupported_server_leaves_every_object_not_executed_which_fails_unless_allowed() throws IOException {
            Path c = write("c.yaml", contract("  - server: kafka\n    type: kafka\n    host: k:9092\n", 2));

            GateReport report = ContractGate.test(c, "c.yaml", TestOptions.in(dir));
            GateReport allowed =
                    ContractGate.test(c, "c.yaml", TestOptions.in(dir).withAllowNotExecuted(true));

            assertThat(report.cases(Status.NOT_EXECUTED)).singleElement().satisfies(n -> assertThat(n.message())
                    .startsWith("object 'events' not executed: server type 'kafka' (servers[0]) has no Assay source"));
            assertThat(report.exitCode()).isEqualTo(GateReport.FAILED);
            assertThat(allowed.exitCode()).isEqualTo(GateReport.PASSED);
        }

        @Test
        void several_servers_need_a_choice() throws IOException {
            Path c = write("c.yaml", contract(local("a", "x.lines") + local("b", "y.lines"), 2));

            GateReport report = ContractGate.test(c, "c.yaml", TestOptions.in(dir));

            assertThat(report.errors())
                    .containsExactly("contract c.yaml has 2 servers; choose one with --server NAME: [a, b]");
            assertThat(report.exitCode()).isEqualTo(GateReport.ERROR);
        }

        @Test
        void an_unknown_server_is_named() throws IOException {
            Path c = write("c.yaml", contract(local("a", "x.lines"), 2));

            GateReport report =
                    ContractGate.test(c, "c.yaml", TestOptions.in(dir).withServer("prod"));

            assertThat(report.errors()).containsExactly("contract c.yaml has no server 'prod'; servers: [a]");
        }

        @Test
        void missing_data_is_an_error() throws IOException {
            Path c = write("c.yaml", contract(local("a", "data/none.lines"), 2));

            GateReport report = ContractGate.test(c, "c.yaml", TestOptions.in(dir));

            assertThat(report.errors()).singleElement().asString().startsWith("object 'events': ");
            assertThat(report.exitCode()).isEqualTo(GateReport.ERROR);
        }

        @Test
        void an_invalid_contract_is_an_error() throws IOException {
            Path c = write("c.yaml", "apiVersion: v3.1.0\nkind: DataContract\n");

            GateReport report = ContractGate.test(c, "c.yaml", TestOptions.in(dir));

            assertThat(report.errors())
                    .singleElement()
                    .asString()
                    .startsWith("Contract c.yaml is not a valid ODCS v3 contract");
            assertThat(report.exitCode()).isEqualTo(GateReport.ERROR);
        }
    }

    @Nested
    class TwoObjects {
        private String contract(String server) {
            return "apiVersion: v3.1.0\nkind: DataContract\nid: logs\nversion: 1.0.0\nstatus: active\n"
                    + (server.isEmpty() ? "" : "servers:\n" + server)
                    + "schema:\n"
                    + "  - name: kinds\n"
                    + "    properties:\n"
                    + "      - name: line\n"
                    + "        logicalType: string\n"
                    + "  - name: events\n"
                    + "    physicalName: events_v2\n"
                    + "    properties:\n"
                    + "      - name: line\n"
                    + "        logicalType: string\n"
                    + "        relationships:\n"
                    + "          - to: kinds.line\n";
        }

        @Test
        void a_folder_holds_a_file_or_a_sub_folder_per_table_and_foreign_keys_join_them() throws IOException {
            write("lake/kinds.lines", "start\nstop\n");
            write("lake/events_v2/part-1.lines", "start\n");
            write("lake/events_v2/part-2.lines", "pause\n");
            Path c = write("c.yaml", contract(local("lake", "lake")));

            GateReport report = ContractGate.test(c, "c.yaml", TestOptions.in(dir));

            assertThat(report.errors()).isEmpty();
            assertThat(report.cases(Status.BREACH)).singleElement().satisfies(b -> {
                assertThat(b.group()).isEqualTo("foreign keys");
                assertThat(b.name())
                        .isEqualTo(
                                "schema[1].properties[0].relationships[0] foreign key" + " events.line -> kinds.line");
                assertThat(b.detail()).contains("'pause'");
            });
            assertThat(report.exitCode()).isEqualTo(GateReport.FAILED);
        }

        @Test
        void a_single_file_cannot_serve_two_objects() throws IOException {
            write("one.lines", "start\n");
            Path c = write("c.yaml", contract(local("one", "one.lines")));

            GateReport report = ContractGate.test(c, "c.yaml", TestOptions.in(dir));

            assertThat(report.errors())
                    .containsExactly(
                            "object 'kinds': server 'one' (servers[0]) names one dataset, 'one.lines', but the contract has 2"
                                    + " objects; put {model} in the location for the object's name, name a folder holding"
                                    + " <object>.<format> files, or give --data OBJECT=PATH",
                            "object 'events': server 'one' (servers[0]) names one dataset, 'one.lines', but the contract has"
                                    + " 2 objects; put {model} in the location for the object's name, name a folder holding"
                                    + " <object>.<format> files, or give --data OBJECT=PATH");
            assertThat(report.exitCode()).isEqualTo(GateReport.ERROR);
        }

        @Test
        void without_servers_every_object_needs_data() throws IOException {
            write("k.lines", "start\n");
            write("e.lines", "start\n");
            Path c = write("c.yaml", contract(""));

            GateReport missing =
                    ContractGate.test(c, "c.yaml", TestOptions.in(dir).withData("kinds", "k.lines"));
            GateReport given = ContractGate.test(
                    c,
                    "c.yaml",
                    TestOptions.in(dir).withData("kinds", "k.lines").withData("events", "e.lines"));
            GateReport unknown =
                    ContractGate.test(c, "c.yaml", TestOptions.in(dir).withData("orders", "k.lines"));

            assertThat(missing.errors())
                    .containsExactly(
                            "contract c.yaml has no servers; give the data of each object with --data OBJECT=PATH");
            assertThat(given.exitCode()).isEqualTo(GateReport.PASSED);
            assertThat(unknown.errors())
                    .containsExactly(
                            "--data names object 'orders', which contract c.yaml does not have; objects: [kinds, events]");
        }
    }

    @Nested
    class Lint {
        @Test
        void a_clean_contract_passes() throws IOException {
            Path c = write("c.yaml", contract(local("a", "x.lines"), 2));

            GateReport report = ContractGate.lint(c, "c.yaml", FailOn.ERROR);

            assertThat(report.cases()).isEmpty();
            assertThat(report.exitCode()).isEqualTo(GateReport.PASSED);
        }

        @Test
        void an_invalid_contract_is_a_finding_with_its_line() throws IOException {
            Path c = write(
                    "c.yaml", contract(local("a", "x.lines"), 2).replace("logicalType: string", "logicalType: text"));

            GateReport report = ContractGate.lint(c, "c.yaml", FailOn.ERROR);

            assertThat(report.cases()).singleElement().satisfies(p -> {
                assertThat(p.status()).isEqualTo(Status.BREACH);
                assertThat(p.path()).isEqualTo("schema[0].properties[0].logicalType");
                assertThat(p.line()).isEqualTo(OptionalInt.of(15));
            });
            assertThat(report.exitCode()).isEqualTo(GateReport.FAILED);
        }

        @Test
        void text_that_is_not_yaml_is_a_finding() throws IOException {
            Path c = write("c.yaml", "a: [1, 2\n");

            GateReport report = ContractGate.lint(c, "c.yaml", FailOn.ERROR);

            assertThat(report.cases()).singleElement().satisfies(p -> assertThat(p.message())
                    .contains("not valid YAML"));
            assertThat(report.exitCode()).isEqualTo(GateReport.FAILED);
        }

        @Test
        void warnings_fail_only_with_fail_on_warning() throws IOException {
            Path c = write(
                    "c.yaml",
                    contract(local("a", "x.lines"), 2)
                            .replace("        required: true\n", "        primaryKey: true\n"));

            assertThat(ContractGate.lint(c, "c.yaml", FailOn.ERROR).cases(Status.WARNING))
                    .singleElement()
                    .satisfies(w ->
                            assertThat(w.message()).startsWith("primary key column 'line' is not marked required"));
            assertThat(ContractGate.lint(c, "c.yaml", FailOn.ERROR).exitCode()).isEqualTo(GateReport.PASSED);
            assertThat(ContractGate.lint(c, "c.yaml", FailOn.WARNING).exitCode())
                    .isEqualTo(GateReport.FAILED);
        }

        @Test
        void an_unreadable_file_is_an_error() {
            GateReport report = ContractGate.lint(dir.resolve("none.yaml"), "none.yaml", FailOn.ERROR);

            assertThat(report.errors()).containsExactly("Contract file not found: none.yaml");
            assertThat(report.exitCode()).isEqualTo(GateReport.ERROR);
        }
    }
}
