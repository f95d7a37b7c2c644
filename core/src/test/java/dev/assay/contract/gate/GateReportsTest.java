package dev.assay.contract.gate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.contract.gate.GateCase.Status;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalInt;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The text, JSON, GitHub and JUnit XML forms of one report with a case of every status. */
class GateReportsTest {
    private static final List<GateCase> CASES = List.of(
            new GateCase(
                    "orders",
                    "schema[0].properties[0] not null",
                    Status.PASSED,
                    "schema[0].properties[0]",
                    OptionalInt.of(10),
                    "",
                    ""),
            new GateCase(
                    "orders",
                    "schema[0].quality[0] row count",
                    Status.BREACH,
                    "schema[0].quality[0]",
                    OptionalInt.of(20),
                    "row count 3 is not 2",
                    "observed value: 3"),
            new GateCase(
                    "orders",
                    "schema[0].properties[1].quality[0] nulls",
                    Status.WARNING,
                    "schema[0].properties[1].quality[0]",
                    OptionalInt.of(30),
                    "50% null, \"too many\" <b>",
                    ""),
            new GateCase(
                    "foreign keys",
                    "fk",
                    Status.ERRORED,
                    "schema[0].relationships[0]",
                    OptionalInt.empty(),
                    "could not be evaluated: no column x",
                    ""),
            new GateCase(
                    "orders",
                    "schema[0].quality[1] custom rule",
                    Status.NOT_EXECUTED,
                    "schema[0].quality[1]",
                    OptionalInt.of(40),
                    "custom rule (engine soda) not executed: Assay does not run soda",
                    ""),
            new GateCase("diff", "version", Status.INFO, "version", OptionalInt.of(4), "info: version changed", ""));

    private static GateReport report(FailOn failOn, boolean allow) {
        return new GateReport("test", "contracts/orders.yaml", CASES, List.of(), failOn, allow);
    }

    @Test
    void exit_codes_follow_the_policy() {
        GateReport onlyWarnings = new GateReport(
                "test", "f", List.of(CASES.get(0), CASES.get(2), CASES.get(5)), List.of(), FailOn.ERROR, false);

        assertThat(report(FailOn.ERROR, true).exitCode()).isEqualTo(1);
        assertThat(onlyWarnings.exitCode()).isEqualTo(0);
        assertThat(new GateReport("test", "f", onlyWarnings.cases(), List.of(), FailOn.WARNING, false).exitCode())
                .isEqualTo(1);
        assertThat(new GateReport("test", "f", List.of(CASES.get(4)), List.of(), FailOn.ERROR, false).exitCode())
                .isEqualTo(1);
        assertThat(new GateReport("test", "f", List.of(CASES.get(4)), List.of(), FailOn.ERROR, true).exitCode())
                .isEqualTo(0);
        assertThat(onlyWarnings.withError("boom").exitCode()).isEqualTo(2);
    }

    @Test
    void text_lists_what_did_not_pass_and_a_summary() {
        String text = GateReportWriter.write(report(FailOn.ERROR, false), GateReportWriter.Format.TEXT);

        assertThat(text)
                .isEqualTo(String.join(
                        "\n",
                        "BREACH       contracts/orders.yaml:20 orders: schema[0].quality[0] row count: row count 3 is not 2",
                        "             observed value: 3",
                        "WARNING      contracts/orders.yaml:30 orders: schema[0].properties[1].quality[0] nulls: 50% null,"
                                + " \"too many\" <b>",
                        "ERRORED      contracts/orders.yaml foreign keys: fk: could not be evaluated: no column x",
                        "NOT EXECUTED contracts/orders.yaml:40 orders: schema[0].quality[1] custom rule: custom rule (engine"
                                + " soda) not executed: Assay does not run soda [fails the gate]",
                        "INFO         contracts/orders.yaml:4 diff: version: info: version changed",
                        "contract test contracts/orders.yaml: FAILED (exit 1): 1 passed, 1 breach, 1 warning, 1 errored,"
                                + " 1 not executed, 1 info",
                        ""));
    }

    @Test
    void a_diff_calls_a_breach_breaking_and_lint_an_error() {
        GateCase breach = CASES.get(1);
        GateReport diff = new GateReport("diff", "c.yaml", List.of(breach), List.of(), FailOn.ERROR, true);
        GateReport lint = new GateReport("lint", "c.yaml", List.of(breach), List.of(), FailOn.ERROR, true);

        assertThat(GateReportWriter.write(diff, GateReportWriter.Format.TEXT))
                .startsWith("BREAKING     c.yaml:20 orders: ");
        assertThat(GateReportWriter.write(lint, GateReportWriter.Format.GITHUB))
                .contains("::error: row count 3 is not 2");
        assertThat(GateJUnitXml.toXml(lint)).contains("type=\"error\"");
    }

    @Test
    void github_annotates_each_case_that_did_not_pass() {
        String github = GateReportWriter.write(report(FailOn.ERROR, true), GateReportWriter.Format.GITHUB);

        assertThat(github.lines().toList())
                .containsExactly(
                        "::error file=contracts/orders.yaml,line=20,title=orders%3A schema[0].quality[0] row count::breach:"
                                + " row count 3 is not 2%0Aobserved value: 3",
                        "::warning file=contracts/orders.yaml,line=30,title=orders%3A schema[0].properties[1].quality[0]"
                                + " nulls::warning: 50%25 null, \"too many\" <b>",
                        "::error file=contracts/orders.yaml,title=foreign keys%3A fk::errored: could not be evaluated: no"
                                + " column x",
                        "::warning file=contracts/orders.yaml,line=40,title=orders%3A schema[0].quality[1] custom rule::not"
                                + " executed: custom rule (engine soda) not executed: Assay does not run soda",
                        "::notice file=contracts/orders.yaml,line=4,title=diff%3A version::info: info: version changed",
                        "contract test contracts/orders.yaml: FAILED (exit 1): 1 passed, 1 breach, 1 warning, 1 errored,"
                                + " 1 not executed, 1 info");
    }

    @Test
    void json_has_every_case_with_whether_it_fails() throws Exception {
        JsonNode json = new ObjectMapper()
                .readTree(GateReportWriter.write(report(FailOn.WARNING, false), GateReportWriter.Format.JSON));

        assertThat(json.get("exit_code").asInt()).isEqualTo(1);
        assertThat(json.get("counts").get("not_executed").asInt()).isEqualTo(1);
        assertThat(json.get("cases")).hasSize(6);
        JsonNode warning = json.get("cases").get(2);
        assertThat(warning.get("status").asText()).isEqualTo("warning");
        assertThat(warning.get("failing").asBoolean()).isTrue();
        assertThat(warning.get("line").asInt()).isEqualTo(30);
        assertThat(json.get("cases").get(3).get("line").isNull()).isTrue();
    }

    @Nested
    class JUnitXml {
        private Document parse(GateReport report) throws Exception {
            byte[] xml = GateJUnitXml.toXml(report).getBytes(StandardCharsets.UTF_8);
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        }

        @Test
        void every_case_is_a_test_case_in_a_suite_per_group() throws Exception {
            Document doc = parse(report(FailOn.ERROR, false));
            Element root = doc.getDocumentElement();

            assertThat(root.getTagName()).isEqualTo("testsuites");
            assertThat(root.getAttribute("tests")).isEqualTo("6");
            assertThat(root.getAttribute("failures")).isEqualTo("1");
            assertThat(root.getAttribute("errors")).isEqualTo("1");
            assertThat(root.getAttribute("skipped")).isEqualTo("1");
            NodeList suites = root.getElementsByTagName("testsuite");
            assertThat(suites.getLength()).isEqualTo(3);
            assertThat(((Element) suites.item(0)).getAttribute("name")).isEqualTo("orders");
            assertThat(((Element) suites.item(0)).getAttribute("tests")).isEqualTo("4");
            NodeList cases = root.getElementsByTagName("testcase");
            assertThat(cases.getLength()).isEqualTo(6);
            Element breach = (Element) cases.item(1);
            assertThat(breach.getAttribute("classname")).isEqualTo("orders");
            assertThat(breach.getAttribute("name")).isEqualTo("schema[0].quality[0] row count");
            assertThat(breach.getAttribute("line")).isEqualTo("20");
            assertThat(breach.getAttribute("file")).isEqualTo("contracts/orders.yaml");
            Element failure = (Element) breach.getElementsByTagName("failure").item(0);
            assertThat(failure.getAttribute("message")).isEqualTo("row count 3 is not 2");
            assertThat(failure.getTextContent())
                    .isEqualTo("schema[0].quality[0] (line 20): row count 3 is not 2\nobserved value: 3");
            Element warning = (Element) cases.item(2);
            assertThat(warning.getElementsByTagName("failure").getLength()).isZero();
            assertThat(warning.getElementsByTagName("system-out").item(0).getTextContent())
                    .isEqualTo("warning: schema[0].properties[1].quality[0] (line 30): 50% null, \"too many\" <b>");
            Element skipped = (Element)
                    ((Element) cases.item(3)).getElementsByTagName("skipped").item(0);
            assertThat(skipped.getAttribute("message"))
                    .isEqualTo("not executed: custom rule (engine soda) not"
                            + " executed: Assay does not run soda (fails the gate; allow with --allow-not-executed)");
            Element error = (Element)
                    ((Element) cases.item(4)).getElementsByTagName("error").item(0);
            assertThat(error.getAttribute("message")).isEqualTo("could not be evaluated: no column x");
        }

        @Test
        void a_warning_is_a_failure_under_fail_on_warning() throws Exception {
            Document doc = parse(report(FailOn.WARNING, false));

            assertThat(doc.getDocumentElement().getAttribute("failures")).isEqualTo("2");
        }

        @Test
        void errors_are_error_test_cases_of_the_gate() throws Exception {
            Document doc = parse(GateReport.error("diff", "c.yaml", "git revision 'x' not found\u0001"));

            Element error = (Element) doc.getElementsByTagName("error").item(0);
            assertThat(((Element) error.getParentNode()).getAttribute("classname"))
                    .isEqualTo("gate");
            assertThat(error.getAttribute("message")).isEqualTo("git revision 'x' not found");
            assertThat(doc.getDocumentElement().getAttribute("errors")).isEqualTo("1");
        }
    }
}
