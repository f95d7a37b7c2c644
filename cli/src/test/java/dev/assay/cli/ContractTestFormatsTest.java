package dev.assay.cli;

import static dev.assay.cli.CliRun.run;
import static dev.assay.cli.ContractFixture.orders;
import static dev.assay.cli.ContractFixture.writeContract;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.cli.CliRun.Result;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The reports of {@code assay contract test} other than text: GitHub annotations, JUnit XML and JSON. */
class ContractTestFormatsTest {
    @TempDir
    Path dir;

    @Test
    void github_format_annotates_the_contract_file() throws IOException {
        orders(dir, "1,open,10.5", "1,paid,20.0");
        Path c = writeContract(dir, "");

        Result r = run("contract", "test", c.toString(), "--server", "local", "--format", "github");

        assertThat(r.out().lines().toList())
                .contains("::error file=" + c.toString().replace(":", "%3A") + ",line=21,title=orders%3A"
                        + " schema[0].properties[0].primaryKey expect_column_values_to_be_unique(order_id)::breach: 2"
                        + " of 2 values (100%25) are duplicates%0Aunexpected: 2 of 2 non-missing values%0Asamples: 1"
                        + " (row 0), 1 (row 1)");
        assertThat(r.code()).isEqualTo(1);
    }

    @Test
    void junit_xml_has_a_test_case_per_rule() throws Exception {
        orders(dir, "1,open,10.5", "1,paid,20.0");
        Path c = writeContract(dir, "      - type: custom\n        engine: soda\n        implementation: x\n");
        Path xml = dir.resolve("reports/contract.xml");

        Result r = run("contract", "test", c.toString(), "--server", "local", "--junit-xml", xml.toString());

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
        orders(dir, "1,open,10.5");
        Path c = writeContract(dir, "");

        Result r = run("contract", "test", c.toString(), "--server", "local", "--format", "json");

        assertThat(new com.fasterxml.jackson.databind.ObjectMapper()
                        .readTree(r.out())
                        .get("exit_code")
                        .asInt())
                .isZero();
    }
}
