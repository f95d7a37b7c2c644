package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.s3.S3ProxyFixture;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code assay contract test|diff|lint} end to end: CSV files for a {@code local} server, an in-process H2
 * database (reached with {@code --jdbc-url}) for a {@code mysql} server, and a real git repository for diff.
 */
class ContractCommandTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {}

    private static Run run(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AssayCommand.commandLine(new PrintWriter(out), new PrintWriter(err), environment)
                .execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private static Run run(String... args) {
        return run(Map.of(), args);
    }

    /** The contract: orders from {@code <dir>/{model}.csv} locally, or from a MySQL-type server. */
    private String contract(String extraRules) {
        return "apiVersion: v3.1.0\n"
                + "kind: DataContract\n"
                + "id: shop\n"
                + "version: 1.0.0\n"
                + "status: active\n"
                + "servers:\n"
                + "  - server: local\n"
                + "    type: local\n"
                + "    path: " + dir.resolve("data") + "/{model}.csv\n"
                + "    format: csv\n"
                + "  - server: warehouse\n"
                + "    type: mysql\n"
                + "    host: db.example.internal\n"
                + "    port: 3306\n"
                + "    database: shop\n"
                + "schema:\n"
                + "  - name: orders\n"
                + "    properties:\n"
                + "      - name: order_id\n"
                + "        logicalType: integer\n"
                + "        primaryKey: true\n"
                + "        required: true\n"
                + "      - name: status\n"
                + "        logicalType: string\n"
                + "        quality:\n"
                + "          - metric: invalidValues\n"
                + "            arguments:\n"
                + "              validValues: [open, paid]\n"
                + "            mustBe: 0\n"
                + "            severity: warning\n"
                + "      - name: amount\n"
                + "        logicalType: number\n"
                + "        logicalTypeOptions:\n"
                + "          minimum: 0\n"
                + "    quality:\n"
                + "      - metric: rowCount\n"
                + "        mustBeGreaterThan: 0\n"
                + extraRules;
    }

    private Path writeContract(String extraRules) throws IOException {
        Path c = dir.resolve("orders.odcs.yaml");
        Files.writeString(c, contract(extraRules));
        return c;
    }

    private void orders(String... rows) throws IOException {
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/orders.csv"), "order_id,status,amount\n" + String.join("\n", rows) + "\n");
    }

    @Nested
    class TestOnLocalFiles {
        @Test
        void passes_with_exit_0() throws IOException {
            orders("1,open,10.5", "2,paid,20.0");
            Path c = writeContract("");

            Run r = run("contract", "test", c.toString(), "--server", "local");

            assertThat(r.err()).isEmpty();
            assertThat(r.out()).endsWith(": PASSED (exit 0): 9 passed\n");
            assertThat(r.code()).isZero();
        }

        @Test
        void a_breach_exits_1_and_says_which_rule() throws IOException {
            orders("1,open,10.5", "1,paid,-3.0");
            Path c = writeContract("");

            Run r = run("contract", "test", c.toString(), "--server", "local");

            assertThat(r.out())
                    .contains("BREACH       " + c + ":21 orders: schema[0].properties[0].primaryKey"
                            + " expect_column_values_to_be_unique(order_id): 2 of 2 values (100%) are duplicates\n"
                            + "             unexpected: 2 of 2 non-missing values\n"
                            + "             samples: 1 (row 0), 1 (row 1)\n")
                    .contains("BREACH       " + c + ":33 orders: schema[0].properties[2].logicalTypeOptions"
                            + " expect_column_values_to_be_between(amount): 1 of 2 values (50%) are not >= 0\n")
                    .endsWith(": FAILED (exit 1): 7 passed, 2 breaches\n");
            assertThat(r.code()).isEqualTo(1);
        }

        @Test
        void a_failed_warning_rule_fails_only_with_fail_on_warning() throws IOException {
            orders("1,open,10.5", "2,lost,20.0");
            Path c = writeContract("");

            Run lenient = run("contract", "test", c.toString(), "--server", "local");
            Run strict = run("contract", "test", c.toString(), "--server", "local", "--fail-on", "warning");

            assertThat(lenient.out()).contains("WARNING      " + c + ":26 orders:");
            assertThat(lenient.code()).isZero();
            assertThat(strict.out()).contains("[fails the gate]");
            assertThat(strict.code()).isEqualTo(1);
        }

        @Test
        void a_rule_assay_cannot_run_fails_unless_allowed() throws IOException {
            orders("1,open,10.5");
            Path c = writeContract(
                    "      - type: sql\n        query: SELECT COUNT(*) FROM {object} WHERE amount > 1000\n"
                            + "        mustBe: 0\n");

            Run strict = run("contract", "test", c.toString(), "--server", "local");
            Run allowed = run("contract", "test", c.toString(), "--server", "local", "--allow-not-executed");

            assertThat(strict.out())
                    .contains("NOT EXECUTED " + c
                            + ":38 orders: schema[0].quality[1] sql rule: sql rule not executed: sql rules"
                            + " run through JDBC, and server 'local' is of type local [fails the gate]\n");
            assertThat(strict.code()).isEqualTo(1);
            assertThat(allowed.out()).endsWith(": PASSED (exit 0): 9 passed, 1 not executed\n");
            assertThat(allowed.code()).isZero();
        }

        @Test
        void data_points_an_object_at_other_files() throws IOException {
            orders("1,open,-1.0");
            Path ci = dir.resolve("ci.csv");
            Files.writeString(ci, "order_id,status,amount\n1,open,1.0\n");
            Path c = writeContract("");

            Run r = run("contract", "test", c.toString(), "--server", "local", "--data", "orders=" + ci);

            assertThat(r.code()).isZero();
        }

        @Test
        void several_servers_without_a_choice_exit_2() throws IOException {
            Path c = writeContract("");

            Run r = run("contract", "test", c.toString());

            assertThat(r.out())
                    .startsWith("ERROR contract " + c + " has 2 servers; choose one with --server NAME:"
                            + " [local, warehouse]\n");
            assertThat(r.code()).isEqualTo(2);
        }

        @Test
        void missing_data_exits_2() throws IOException {
            Path c = writeContract("");

            Run r = run("contract", "test", c.toString(), "--server", "local");

            assertThat(r.out()).startsWith("ERROR object 'orders': ");
            assertThat(r.code()).isEqualTo(2);
        }

        @Test
        void github_format_annotates_the_contract_file() throws IOException {
            orders("1,open,10.5", "1,paid,20.0");
            Path c = writeContract("");

            Run r = run("contract", "test", c.toString(), "--server", "local", "--format", "github");

            assertThat(r.out().lines().toList())
                    .contains("::error file=" + c.toString().replace(":", "%3A") + ",line=21,title=orders%3A"
                            + " schema[0].properties[0].primaryKey expect_column_values_to_be_unique(order_id)::breach: 2"
                            + " of 2 values (100%25) are duplicates%0Aunexpected: 2 of 2 non-missing values%0Asamples: 1"
                            + " (row 0), 1 (row 1)");
            assertThat(r.code()).isEqualTo(1);
        }

        @Test
        void junit_xml_has_a_test_case_per_rule() throws Exception {
            orders("1,open,10.5", "1,paid,20.0");
            Path c = writeContract("      - type: custom\n        engine: soda\n        implementation: x\n");
            Path xml = dir.resolve("reports/contract.xml");

            Run r = run("contract", "test", c.toString(), "--server", "local", "--junit-xml", xml.toString());

            assertThat(r.code()).isEqualTo(1);
            Document doc = DocumentBuilderFactory.newInstance()
                    .newDocumentBuilder()
                    .parse(new ByteArrayInputStream(Files.readAllBytes(xml)));
            Element root = doc.getDocumentElement();
            assertThat(root.getAttribute("tests")).isEqualTo("10");
            assertThat(root.getAttribute("failures")).isEqualTo("1");
            assertThat(root.getAttribute("skipped")).isEqualTo("1");
            NodeList skipped = doc.getElementsByTagName("skipped");
            assertThat(((Element) skipped.item(0)).getAttribute("message"))
                    .startsWith("not executed: custom rule (engine soda) not executed: ");
        }

        @Test
        void json_format_is_one_document() throws IOException {
            orders("1,open,10.5");
            Path c = writeContract("");

            Run r = run("contract", "test", c.toString(), "--server", "local", "--format", "json");

            assertThat(new com.fasterxml.jackson.databind.ObjectMapper()
                            .readTree(r.out())
                            .get("exit_code")
                            .asInt())
                    .isZero();
        }
    }

    @Nested
    class TestOnADatabase {
        private final String url = "jdbc:h2:mem:contract_"
                + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE";
        private Connection keepAlive;

        @BeforeEach
        void createOrders() throws SQLException {
            keepAlive = DriverManager.getConnection(url);
            try (Statement st = keepAlive.createStatement()) {
                st.execute("CREATE TABLE orders (order_id BIGINT, status VARCHAR(10), amount DOUBLE PRECISION)");
                st.execute("INSERT INTO orders VALUES (1, 'open', 10.5), (2, 'paid', 2000.0)");
            }
        }

        @AfterEach
        void drop() throws SQLException {
            try (Statement st = keepAlive.createStatement()) {
                st.execute("SHUTDOWN");
            }
            keepAlive.close();
        }

        @Test
        void runs_the_checks_and_the_sql_rules_on_the_database() throws IOException {
            Path c = writeContract(
                    "      - type: sql\n        query: SELECT COUNT(*) FROM {object} WHERE amount > 1000\n"
                            + "        mustBeLessThan: 2\n");

            Run r = run("contract", "test", c.toString(), "--server", "warehouse", "--jdbc-url", url);

            assertThat(r.out()).endsWith(": PASSED (exit 0): 10 passed\n");
            assertThat(r.code()).isZero();
        }

        @Test
        void a_failing_sql_rule_is_a_breach() throws IOException {
            Path c = writeContract(
                    "      - type: sql\n        query: SELECT COUNT(*) FROM {object} WHERE amount > 1000\n"
                            + "        mustBe: 0\n");

            Run r = run("contract", "test", c.toString(), "--server", "warehouse", "--jdbc-url", url);

            assertThat(r.out())
                    .contains("BREACH       " + c + ":38 orders: schema[0].quality[1] sql mustBe 0:"
                            + " schema[0].quality[1]: observed 1, expected mustBe 0 (failed)");
            assertThat(r.code()).isEqualTo(1);
        }

        @Test
        void a_password_without_a_user_is_a_usage_error() throws IOException {
            Path c = writeContract("");

            Run r = run(
                    Map.of("ASSAY_JDBC_PASSWORD", "secret"),
                    "contract",
                    "test",
                    c.toString(),
                    "--server",
                    "warehouse",
                    "--jdbc-url",
                    url);

            assertThat(r.err()).contains("ASSAY_JDBC_PASSWORD is set: give the user with --user NAME");
            assertThat(r.code()).isEqualTo(2);
        }

        @Test
        void an_unreachable_database_exits_2() throws IOException {
            Path c = writeContract("");

            Run r = run(
                    "contract",
                    "test",
                    c.toString(),
                    "--server",
                    "warehouse",
                    "--jdbc-url",
                    "jdbc:h2:mem:none_" + UUID.randomUUID().toString().replace("-", "") + ";IFEXISTS=TRUE");

            assertThat(r.out()).startsWith("ERROR object 'orders': ");
            assertThat(r.code()).isEqualTo(2);
        }
    }

    /**
     * A {@code postgres} or {@code mysql} server reached through the URL its settings give (no {@code
     * --jdbc-url}), on the test databases {@code ASSAY_TEST_POSTGRES_URL} and {@code ASSAY_TEST_MARIADB_URL}
     * name ({@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}, as CI sets them).
     */
    @Nested
    class TestOnRealServers {
        private static final Pattern URL =
                Pattern.compile("jdbc:(postgresql|mariadb|mysql)://([^:/]+):(\\d+)/([^?]+)(?:\\?user=([^&]+))?");

        private String server(Matcher m, String type, String schema) {
            return "  - server: warehouse\n    type: " + type + "\n    host: " + m.group(2) + "\n    port: "
                    + m.group(3) + "\n    database: " + m.group(4) + "\n"
                    + (schema.isEmpty() ? "" : "    schema: " + schema + "\n");
        }

        private Path contractOn(String server) throws IOException {
            Path c = dir.resolve("db.odcs.yaml");
            String text =
                    contract("      - type: sql\n        query: SELECT COUNT(*) FROM {object} WHERE amount > 1000\n"
                            + "        mustBe: 0\n");
            int from = text.indexOf("  - server: warehouse");
            Files.writeString(c, text.substring(0, from) + server + text.substring(text.indexOf("schema:\n")));
            return c;
        }

        private void fill(Connection c, String table) throws SQLException {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE " + table + " (order_id BIGINT, status VARCHAR(10), amount DOUBLE PRECISION)");
                st.execute("INSERT INTO " + table + " VALUES (1, 'open', 10.5), (2, 'paid', 2000.0)");
            }
        }

        @Test
        @EnabledIfEnvironmentVariable(named = "ASSAY_TEST_POSTGRES_URL", matches = "jdbc:postgresql:.*")
        void reads_a_postgres_server_in_its_schema() throws Exception {
            Matcher m = URL.matcher(System.getenv("ASSAY_TEST_POSTGRES_URL"));
            assertThat(m.matches())
                    .as("ASSAY_TEST_POSTGRES_URL as jdbc:postgresql://HOST:PORT/DB[?user=U]")
                    .isTrue();
            String schema =
                    "gate_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            try (Connection c = DriverManager.getConnection(System.getenv("ASSAY_TEST_POSTGRES_URL"))) {
                try (Statement st = c.createStatement()) {
                    st.execute("CREATE SCHEMA " + schema);
                }
                try {
                    fill(c, schema + ".orders");
                    Path contract = contractOn(server(m, "postgres", schema));
                    List<String> args =
                            new ArrayList<>(List.of("contract", "test", contract.toString(), "--server", "warehouse"));
                    if (m.group(5) != null) {
                        args.addAll(List.of("--user", m.group(5)));
                    }

                    Run r = run(args.toArray(String[]::new));

                    assertThat(r.out())
                            .endsWith(": FAILED (exit 1): 9 passed, 1 breach\n")
                            .contains("schema[0].quality[1]: observed 1, expected mustBe 0 (failed)");
                    assertThat(r.code()).isEqualTo(1);
                } finally {
                    try (Statement st = c.createStatement()) {
                        st.execute("DROP SCHEMA " + schema + " CASCADE");
                    }
                }
            }
        }

        @Test
        @EnabledIfEnvironmentVariable(named = "ASSAY_TEST_MARIADB_URL", matches = "jdbc:(mariadb|mysql):.*")
        void reads_a_mysql_server_with_the_bundled_mariadb_driver() throws Exception {
            Matcher m = URL.matcher(System.getenv("ASSAY_TEST_MARIADB_URL"));
            assertThat(m.matches())
                    .as("ASSAY_TEST_MARIADB_URL as jdbc:mariadb://HOST:PORT/DB[?user=U]")
                    .isTrue();
            String table =
                    "gate_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            try (Connection c = DriverManager.getConnection(System.getenv("ASSAY_TEST_MARIADB_URL"))) {
                fill(c, table);
                try {
                    Path contract = contractOn(server(m, "mysql", ""));
                    Files.writeString(
                            contract,
                            Files.readString(contract)
                                    .replace(
                                            "  - name: orders\n",
                                            "  - name: orders\n    physicalName: " + table + "\n"));
                    List<String> args =
                            new ArrayList<>(List.of("contract", "test", contract.toString(), "--server", "warehouse"));
                    if (m.group(5) != null) {
                        args.addAll(List.of("--user", m.group(5)));
                    }

                    Run r = run(args.toArray(String[]::new));

                    assertThat(r.out())
                            .endsWith(": FAILED (exit 1): 9 passed, 1 breach\n")
                            .contains("schema[0].quality[1]: observed 1, expected mustBe 0 (failed)");
                    assertThat(r.code()).isEqualTo(1);
                } finally {
                    try (Statement st = c.createStatement()) {
                        st.execute("DROP TABLE " + table);
                    }
                }
            }
        }
    }

    @Nested
    class TestOnS3 {
        @RegisterExtension
        static final S3ProxyFixture S3 = new S3ProxyFixture();

        @Test
        void reads_each_object_from_the_servers_location_with_the_model_placeholder() throws IOException {
            String bucket = S3.bucket();
            S3.put(bucket, "raw/orders.csv", "order_id,status,amount\n1,open,10.5\n2,paid,-1.0\n");
            Path c = dir.resolve("s3.odcs.yaml");
            Files.writeString(
                    c,
                    contract("")
                            .replace(
                                    "  - server: local\n    type: local\n    path: " + dir.resolve("data")
                                            + "/{model}.csv\n" + "    format: csv\n",
                                    "  - server: lake\n    type: s3\n    location: s3://" + bucket
                                            + "/raw/{model}.csv\n" + "    endpointUrl: " + S3.endpoint()
                                            + "\n    format: csv\n"));

            Run r = run(
                    "contract", "test", c.toString(), "--server", "lake", "--s3-path-style", "--profile", "assay-test");

            assertThat(r.out())
                    .contains("BREACH       " + c + ":34 orders: schema[0].properties[2].logicalTypeOptions"
                            + " expect_column_values_to_be_between(amount): 1 of 2 values (50%) are not >= 0\n")
                    .endsWith(": FAILED (exit 1): 8 passed, 1 breach\n");
            assertThat(r.code()).isEqualTo(1);
        }
    }

    @Nested
    class Diff {
        private void git(String... args) throws IOException, InterruptedException {
            List<String> command = new ArrayList<>(List.of(
                    "git", "-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false"));
            command.addAll(List.of(args));
            Process p = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor())
                    .as("git %s: %s", String.join(" ", args), output)
                    .isZero();
        }

        private Path committed() throws Exception {
            Path c = writeContract("");
            git("init", "-q", "-b", "main");
            git("add", ".");
            git("commit", "-q", "-m", "v1");
            return c;
        }

        @Test
        void a_breaking_change_against_a_revision_exits_1() throws Exception {
            Path c = committed();
            Files.writeString(
                    c, Files.readString(c).replace("        logicalType: number\n", "        logicalType: integer\n"));

            Run r = run("contract", "diff", c + "@main", c.toString());

            assertThat(r.out())
                    .startsWith("BREAKING     " + c
                            + ":32 diff: schema[0].properties[2].logicalType: property 'orders.amount': logicalType narrowed"
                            + " from number to integer\n");
            assertThat(r.code()).isEqualTo(1);
        }

        @Test
        void an_added_optional_column_exits_0() throws Exception {
            Path c = committed();
            Files.writeString(
                    c,
                    Files.readString(c)
                            .replace(
                                    "    quality:\n      - metric: rowCount",
                                    "      - name: note\n        logicalType: string\n    quality:\n      - metric: rowCount"));

            Run r = run("contract", "diff", c + "@HEAD", c.toString(), "--format", "github");

            assertThat(r.out()).contains("::notice file=").contains("info: optional property 'orders.note' added");
            assertThat(r.code()).isZero();
        }

        @Test
        void a_widened_type_fails_only_with_fail_on_warning() throws Exception {
            Path c = committed();
            Files.writeString(
                    c,
                    Files.readString(c)
                            .replace(
                                    "        logicalType: integer\n        primaryKey",
                                    "        logicalType: number\n        primaryKey"));

            assertThat(run("contract", "diff", c + "@HEAD", c.toString()).code())
                    .isZero();
            assertThat(run("contract", "diff", c + "@HEAD", c.toString(), "--fail-on", "warning")
                            .code())
                    .isEqualTo(1);
        }

        @Test
        void an_unknown_revision_exits_2() throws Exception {
            Path c = committed();

            Run r = run("contract", "diff", c + "@v9", c.toString());

            assertThat(r.out()).startsWith("ERROR Cannot read " + c + "@v9: git revision 'v9' not found in ");
            assertThat(r.code()).isEqualTo(2);
        }
    }

    @Nested
    class Lint {
        @Test
        void a_clean_contract_exits_0() throws IOException {
            Path c = writeContract("");

            Run r = run("contract", "lint", c.toString());

            assertThat(r.out()).isEqualTo("contract lint " + c + ": PASSED (exit 0): 0 passed\n");
            assertThat(r.code()).isZero();
        }

        @Test
        void an_error_exits_1_with_its_line() throws IOException {
            Path c = writeContract("");
            Files.writeString(c, Files.readString(c).replace("minimum: 0", "minimum: 5\n          maximum: 1"));

            Run r = run("contract", "lint", c.toString(), "--format", "github");

            assertThat(r.out()).startsWith("::error file=" + c.toString().replace(":", "%3A") + ",line=");
            assertThat(r.out()).contains("no value can lie between minimum 5 and maximum 1");
            assertThat(r.code()).isEqualTo(1);
        }

        @Test
        void an_unreadable_file_exits_2() {
            Run r = run("contract", "lint", dir.resolve("none.yaml").toString());

            assertThat(r.out()).startsWith("ERROR Contract file not found: ");
            assertThat(r.code()).isEqualTo(2);
        }

        @Test
        void a_bad_format_is_a_usage_error() throws IOException {
            Path c = writeContract("");

            Run r = run("contract", "lint", c.toString(), "--format", "xml");

            assertThat(r.err()).contains("--format must be text, json or github, got 'xml'");
            assertThat(r.code()).isEqualTo(2);
        }
    }
}
