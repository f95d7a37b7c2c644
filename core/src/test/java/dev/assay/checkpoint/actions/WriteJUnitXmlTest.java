package dev.assay.checkpoint.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.checkpoint.CheckpointAction;
import dev.assay.checkpoint.CheckpointActionProvider;
import dev.assay.checkpoint.CheckpointRun;
import dev.assay.error.AssayException;
import dev.assay.error.ErrorCode;
import dev.assay.error.StoreUnavailableException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class WriteJUnitXmlTest {
    @TempDir
    Path project;

    private static CheckpointAction action(Map<String, Object> config) {
        return new WriteJUnitXmlProvider().create(config);
    }

    private static Document parse(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(file.toFile());
    }

    private static List<Element> elements(Document doc, String tag) {
        NodeList nodes = doc.getElementsByTagName(tag);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    @Test
    void is_found_by_the_service_loader_with_send_webhook() {
        List<String> types = ServiceLoader.load(CheckpointActionProvider.class).stream()
                .map(p -> p.get().type())
                .toList();

        assertThat(types).contains("write_junit_xml", "send_webhook");
    }

    @Nested
    class Writing {
        @Test
        void writes_the_run_to_reports_junit_named_after_the_checkpoint() throws Exception {
            String summary = action(Map.of()).run(Runs.failed(), new Runs.Project(project));

            assertThat(summary).isEqualTo("wrote reports/junit/nightly.xml: 2 suites, 7 tests, 2 failures, 1 error");
            Document doc = parse(project.resolve("reports/junit/nightly.xml"));
            Element root = doc.getDocumentElement();
            assertThat(root.getAttribute("name")).isEqualTo("nightly");
            assertThat(root.getAttribute("tests")).isEqualTo("7");
            assertThat(root.getAttribute("failures")).isEqualTo("2");
            assertThat(root.getAttribute("errors")).isEqualTo("1");
            assertThat(elements(doc, "testsuite"))
                    .extracting(s -> s.getAttribute("name") + ": " + s.getAttribute("tests") + " tests, "
                            + s.getAttribute("failures") + " failures, " + s.getAttribute("errors") + " errors")
                    .containsExactly(
                            "customers @ customers / customers.csv: 2 tests, 0 failures, 0 errors",
                            "orders @ orders / orders-2024-05-01.csv: 5 tests, 2 failures, 1 errors");
        }

        @Test
        void reports_what_the_validation_found_for_each_expectation() throws Exception {
            action(Map.of()).run(Runs.failed(), new Runs.Project(project));

            Document doc = parse(project.resolve("reports/junit/nightly.xml"));
            assertThat(elements(doc, "testcase"))
                    .extracting(c -> c.getAttribute("classname") + " " + c.getAttribute("name"))
                    .containsExactly(
                            "customers expect_column_values_to_not_be_null(id)",
                            "customers expect_column_values_to_be_unique(id)",
                            "orders expect_column_values_to_not_be_null(id)",
                            "orders expect_column_values_to_be_in_set(status)",
                            "orders expect_column_mean_to_be_between(amount)",
                            "orders expect_column_values_to_not_be_null(region<x>&)",
                            "orders expect_table_row_count_to_be_between");
            List<Element> failures = elements(doc, "failure");
            assertThat(failures)
                    .extracting(f -> f.getAttribute("type"))
                    .containsExactly("expect_column_values_to_be_in_set", "expect_column_mean_to_be_between");
            assertThat(failures.get(0).getAttribute("message"))
                    .isEqualTo("2 of 4 values (50%) are not in {'open', 'paid'}");
            assertThat(failures.get(0).getTextContent())
                    .isEqualTo("unexpected: 2 of 4 non-missing values (50%)\n"
                            + "samples: '<script>alert(1)</script>' (row 1), 'a & b' (row 2)");
            assertThat(failures.get(1).getAttribute("message")).isEqualTo("the mean 25 is not [0, 10]");
            assertThat(failures.get(1).getTextContent()).isEqualTo("observed value: 25.0");
            Element error = elements(doc, "error").get(0);
            assertThat(error.getAttribute("type")).isEqualTo("ColumnNotFoundException");
            assertThat(error.getAttribute("message")).contains("region<x>&").doesNotContain("\u0001");
        }

        @Test
        void records_the_checkpoint_run_and_stored_result_as_properties() throws Exception {
            action(Map.of()).run(Runs.failed(), new Runs.Project(project));

            Document doc = parse(project.resolve("reports/junit/nightly.xml"));
            Element customers = elements(doc, "testsuite").get(0);
            List<String> properties = new ArrayList<>();
            NodeList nodes = customers.getElementsByTagName("property");
            for (int i = 0; i < nodes.getLength(); i++) {
                Element p = (Element) nodes.item(i);
                properties.add(p.getAttribute("name") + "=" + p.getAttribute("value"));
            }
            assertThat(properties)
                    .containsExactly(
                            "suite=customers",
                            "batch=customers.csv",
                            "engine=arrow",
                            "rows_scanned=2",
                            "checkpoint=nightly",
                            "run_id=r1a2b3",
                            "asset=customers",
                            "result_key=validations/customers/customers/customers.csv/20240502T060000.000000Z-r1a2b3.json");
        }

        @Test
        void fills_the_placeholders_with_names_safe_for_a_file() throws Exception {
            CheckpointRun run = Runs.failed();
            CheckpointRun slashed = new CheckpointRun("team/nightly", run.runId(), run.startedAt(), run.validations());

            String summary =
                    action(Map.of("path", "out/{checkpoint}-{run_id}.xml")).run(slashed, new Runs.Project(project));

            assertThat(summary).startsWith("wrote out/team%2Fnightly-r1a2b3.xml: ");
            assertThat(project.resolve("out/team%2Fnightly-r1a2b3.xml")).isRegularFile();
        }

        @Test
        void writes_to_an_absolute_path_outside_the_project(@TempDir Path elsewhere) throws Exception {
            Path target = elsewhere.resolve("ci/junit.xml");

            String summary = action(Map.of("path", target.toString())).run(Runs.passed(), new Runs.Project(project));

            assertThat(summary).isEqualTo("wrote " + target + ": 1 suite, 2 tests, 0 failures, 0 errors");
            assertThat(parse(target).getDocumentElement().getAttribute("failures"))
                    .isEqualTo("0");
        }

        @Test
        void replaces_the_last_report_and_leaves_no_temporary_file() throws Exception {
            CheckpointAction action = action(Map.of());
            action.run(Runs.failed(), new Runs.Project(project));

            action.run(Runs.passed(), new Runs.Project(project));

            assertThat(parse(project.resolve("reports/junit/nightly.xml"))
                            .getDocumentElement()
                            .getAttribute("tests"))
                    .isEqualTo("2");
            try (Stream<Path> files = Files.list(project.resolve("reports/junit"))) {
                assertThat(files.map(p -> p.getFileName().toString())).containsExactly("nightly.xml");
            }
        }

        @Test
        void fails_naming_the_file_when_it_cannot_be_written() throws Exception {
            Files.writeString(project.resolve("reports"), "a file where the folder should be");

            assertThatThrownBy(() -> action(Map.of()).run(Runs.failed(), new Runs.Project(project)))
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasMessage("cannot write key 'nightly.xml' in the store " + project.resolve("reports/junit") + ": "
                            + project.resolve("reports") + " is a file, not a folder");
        }
    }

    @Nested
    class Configuration {
        @Test
        void rejects_an_unknown_key_and_suggests_the_known_one() {
            assertThatThrownBy(() -> action(Map.of("paht", "x.xml")))
                    .isInstanceOf(AssayException.class)
                    .hasMessage("write_junit_xml: unknown key 'paht' (did you mean 'path'?); known keys here: path")
                    .extracting(e -> ((AssayException) e).code())
                    .isEqualTo(ErrorCode.INVALID_CONFIGURATION);
        }

        @Test
        void rejects_an_unknown_placeholder() {
            assertThatThrownBy(() -> action(Map.of("path", "reports/{suite}.xml")))
                    .hasMessage("write_junit_xml: path has the placeholder {suite}; the known ones are {checkpoint}"
                            + " and {run_id}");
        }

        @Test
        void rejects_a_path_that_is_not_text_or_names_a_folder() {
            assertThatThrownBy(() -> action(Map.of("path", List.of("a.xml"))))
                    .hasMessage("write_junit_xml: path must be a text value, got a list");
            assertThatThrownBy(() -> action(Map.of("path", "reports/")))
                    .hasMessage("write_junit_xml: path must name a file, not a folder: 'reports/'");
            assertThatThrownBy(() -> action(Map.of("path", " "))).hasMessage("write_junit_xml: path must not be empty");
        }
    }
}
