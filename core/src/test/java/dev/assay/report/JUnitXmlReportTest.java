package dev.assay.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.expectation.ColumnMeanBetween;
import dev.assay.expectation.ColumnValuesInSet;
import dev.assay.expectation.ColumnValuesNotNull;
import dev.assay.expectation.Range;
import dev.assay.expectation.TableRowCountBetween;
import dev.assay.model.ExpectationOptions;
import dev.assay.model.ResultFormat;
import dev.assay.model.RowFilter;
import dev.assay.report.JUnitXmlReport.TestSuite;
import dev.assay.result.Errored;
import dev.assay.result.ExpectationResult;
import dev.assay.result.Failed;
import dev.assay.result.Passed;
import dev.assay.result.ResultDetails;
import dev.assay.result.ValidationResult;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JUnitXmlReportTest {
    private static final ValidationResult.RunInfo RUN = new ValidationResult.RunInfo(
            Instant.parse("2024-05-02T06:00:00.750Z"),
            Duration.ofMillis(1234),
            Duration.ofMillis(900),
            "arrow",
            1,
            5000,
            0);

    private static ResultDetails rows(
            long elements, long missing, long unexpected, List<Object> values, List<Object> index) {
        return new ResultDetails(
                Optional.empty(),
                Optional.of(new ResultDetails.Counts(elements, missing, unexpected)),
                values,
                index,
                Map.of());
    }

    private static Passed notNullPassed(String column) {
        return new Passed(new ColumnValuesNotNull(column), ResultFormat.BASIC, rows(5000, 0, 0, List.of(), List.of()));
    }

    private static Failed inSetFailed() {
        return new Failed(
                new ColumnValuesInSet("payment_type", List.of("CARD", "CASH")),
                ResultFormat.BASIC,
                rows(5000, 10, 3, List.of("<script>alert(\"x\")</script>", "a & b", "BITCOIN"), List.of(4L, 9L, 12L)),
                "3 of 4990 non-null values (0.06%) are not in {'CARD', 'CASH'}");
    }

    private static Failed meanFailed() {
        return new Failed(
                new ColumnMeanBetween("fare_amount", Range.between(5L, 50L)),
                ResultFormat.BASIC,
                ResultDetails.observed(62.5),
                "the mean 62.5 is not in [5, 50]");
    }

    private static Errored missingColumn() {
        return new Errored(
                new ColumnValuesNotNull("booking_code"),
                ResultFormat.BASIC,
                "column 'booking_code' not found in dataset 'trips'; available columns: [trip_id, payment_type]",
                "ColumnNotFoundException",
                "dev.assay.error.ColumnNotFoundException: column 'booking_code' not found\n"
                        + "\tat dev.assay.engine.Validator.validate(Validator.java:120)");
    }

    private static ValidationResult trips(List<ExpectationResult> results) {
        return new ValidationResult("trips", "data/trips.csv", results, RUN);
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> elements(Document doc, String tag) {
        NodeList nodes = doc.getElementsByTagName(tag);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    private static String only(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        assertThat(nodes.getLength())
                .as(tag + " in " + parent.getAttribute("name"))
                .isEqualTo(1);
        return nodes.item(0).getTextContent();
    }

    @Nested
    class Structure {
        @Test
        void counts_tests_failures_and_errors_per_suite_and_in_all() throws Exception {
            ValidationResult first =
                    trips(List.of(notNullPassed("trip_id"), inSetFailed(), meanFailed(), missingColumn()));
            ValidationResult second =
                    new ValidationResult("zones", "data/zones.csv", List.of(notNullPassed("zone")), RUN);

            Document doc = parse(JUnitXmlReport.toXml("nightly", List.of(TestSuite.of(first), TestSuite.of(second))));

            Element root = doc.getDocumentElement();
            assertThat(root.getTagName()).isEqualTo("testsuites");
            assertThat(root.getAttribute("name")).isEqualTo("nightly");
            assertThat(root.getAttribute("tests")).isEqualTo("5");
            assertThat(root.getAttribute("failures")).isEqualTo("2");
            assertThat(root.getAttribute("errors")).isEqualTo("1");
            assertThat(root.getAttribute("skipped")).isEqualTo("0");
            assertThat(root.getAttribute("time")).isEqualTo("2.468");
            List<Element> suites = elements(doc, "testsuite");
            assertThat(suites)
                    .extracting(s -> s.getAttribute("name"))
                    .containsExactly("trips / data/trips.csv", "zones / data/zones.csv");
            Element trips = suites.get(0);
            assertThat(trips.getAttribute("tests")).isEqualTo("4");
            assertThat(trips.getAttribute("failures")).isEqualTo("2");
            assertThat(trips.getAttribute("errors")).isEqualTo("1");
            assertThat(trips.getAttribute("skipped")).isEqualTo("0");
            assertThat(trips.getAttribute("time")).isEqualTo("1.234");
            assertThat(trips.getAttribute("timestamp")).isEqualTo("2024-05-02T06:00:00");
            assertThat(suites.get(1).getAttribute("failures")).isEqualTo("0");
        }

        @Test
        void writes_one_test_case_per_expectation_named_by_type_and_column() throws Exception {
            Document doc = parse(JUnitXmlReport.toXml(
                    "nightly",
                    List.of(TestSuite.of(trips(List.of(
                            notNullPassed("trip_id"),
                            inSetFailed(),
                            new Passed(
                                    new TableRowCountBetween(Range.between(1L, 10L)),
                                    ResultFormat.BASIC,
                                    ResultDetails.observed(5L))))))));

            List<Element> cases = elements(doc, "testcase");
            assertThat(cases).extracting(c -> c.getAttribute("classname")).containsOnly("trips");
            assertThat(cases)
                    .extracting(c -> c.getAttribute("name"))
                    .containsExactly(
                            "expect_column_values_to_not_be_null(trip_id)",
                            "expect_column_values_to_be_in_set(payment_type)",
                            "expect_table_row_count_to_be_between");
            assertThat(cases).extracting(c -> c.getAttribute("time")).containsOnly("0");
            assertThat(cases.get(0).getChildNodes().getLength()).isZero();
        }

        @Test
        void names_the_row_condition_and_numbers_test_cases_that_would_share_a_name() throws Exception {
            ExpectationOptions open = ExpectationOptions.DEFAULT.withRowFilter(RowFilter.parse("status = 'open'"));
            ValidationResult result = trips(List.of(
                    notNullPassed("trip_id"),
                    notNullPassed("trip_id"),
                    new Passed(
                            new ColumnValuesNotNull("trip_id", open),
                            ResultFormat.BASIC,
                            rows(10, 0, 0, List.of(), List.of()))));

            Document doc = parse(JUnitXmlReport.toXml("n", List.of(TestSuite.of(result))));

            assertThat(elements(doc, "testcase"))
                    .extracting(c -> c.getAttribute("name"))
                    .containsExactly(
                            "expect_column_values_to_not_be_null(trip_id)",
                            "expect_column_values_to_not_be_null(trip_id) #2",
                            "expect_column_values_to_not_be_null(trip_id) where status = 'open'");
        }

        @Test
        void writes_the_properties_of_each_suite() throws Exception {
            TestSuite suite = TestSuite.of("trips @ nightly", trips(List.of(notNullPassed("trip_id"))))
                    .withProperties(Map.of("run_id", "r1"));

            Document doc = parse(JUnitXmlReport.toXml("n", List.of(suite)));

            assertThat(elements(doc, "property"))
                    .extracting(p -> p.getAttribute("name") + "=" + p.getAttribute("value"))
                    .containsExactly(
                            "suite=trips", "batch=data/trips.csv", "engine=arrow", "rows_scanned=5000", "run_id=r1");
        }

        @Test
        void an_empty_report_is_still_a_valid_document() throws Exception {
            Document doc = parse(JUnitXmlReport.toXml("empty", List.of()));

            assertThat(doc.getDocumentElement().getAttribute("tests")).isEqualTo("0");
            assertThat(doc.getDocumentElement().getAttribute("time")).isEqualTo("0.000");
            assertThat(elements(doc, "testsuite")).isEmpty();
        }

        @Test
        void conforms_to_the_schema_ci_reporters_read() throws Exception {
            ValidationResult result =
                    trips(List.of(notNullPassed("trip_id"), inSetFailed(), meanFailed(), missingColumn()));
            String xml = JUnitXmlReport.toXml("nightly", List.of(TestSuite.of(result), TestSuite.of(result)));

            var schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                    .newSchema(JUnitXmlReportTest.class.getResource("junit.xsd"));

            // Throws SAXParseException, naming the line and what was wrong, when the report breaks the schema.
            schema.newValidator().validate(new StreamSource(new StringReader(xml)));
        }

        @Test
        void the_schema_rejects_a_report_that_breaks_it() throws Exception {
            var schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                    .newSchema(JUnitXmlReportTest.class.getResource("junit.xsd"));
            String broken = "<testsuites name=\"n\" tests=\"1\" failures=\"0\" errors=\"0\" skipped=\"0\" time=\"0\">"
                    + "<testsuite name=\"s\" tests=\"x\" failures=\"0\" errors=\"0\" skipped=\"0\" time=\"0\""
                    + " timestamp=\"2024-05-02T06:00:00Z\"/></testsuites>";

            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> schema.newValidator().validate(new StreamSource(new StringReader(broken))))
                    .isInstanceOf(org.xml.sax.SAXParseException.class);
        }
    }

    @Nested
    class Failures_and_errors {
        @Test
        void a_failure_carries_the_reason_the_type_and_the_details() throws Exception {
            Document doc = parse(
                    JUnitXmlReport.toXml("n", List.of(TestSuite.of(trips(List.of(inSetFailed(), meanFailed()))))));

            List<Element> failures = elements(doc, "failure");
            assertThat(failures).hasSize(2);
            Element inSet = failures.get(0);
            assertThat(inSet.getAttribute("message"))
                    .isEqualTo("3 of 4990 non-null values (0.06%) are not in {'CARD', 'CASH'}");
            assertThat(inSet.getAttribute("type")).isEqualTo("expect_column_values_to_be_in_set");
            assertThat(inSet.getTextContent())
                    .isEqualTo(
                            """
                            unexpected: 3 of 4,990 non-missing values (0.06%)
                            missing: 10 of 5,000 rows (0.2%)
                            samples: '<script>alert("x")</script>' (row 4), 'a & b' (row 9), 'BITCOIN' (row 12)""");
            Element mean = failures.get(1);
            assertThat(mean.getAttribute("message")).isEqualTo("the mean 62.5 is not in [5, 50]");
            assertThat(mean.getTextContent()).isEqualTo("observed value: 62.5");
        }

        @Test
        void an_errored_expectation_is_an_error_with_its_exception() throws Exception {
            Document doc = parse(JUnitXmlReport.toXml("n", List.of(TestSuite.of(trips(List.of(missingColumn()))))));

            assertThat(elements(doc, "failure")).isEmpty();
            Element testCase = elements(doc, "testcase").get(0);
            assertThat(only(testCase, "error"))
                    .isEqualTo("dev.assay.error.ColumnNotFoundException: column 'booking_code' not found\n"
                            + "\tat dev.assay.engine.Validator.validate(Validator.java:120)");
            Element error = elements(doc, "error").get(0);
            assertThat(error.getAttribute("message"))
                    .isEqualTo(
                            "column 'booking_code' not found in dataset 'trips'; available columns: [trip_id, payment_type]");
            assertThat(error.getAttribute("type")).isEqualTo("ColumnNotFoundException");
        }
    }

    @Nested
    class Escaping {
        @Test
        void markup_and_ampersands_in_names_reasons_and_values_come_back_as_written() throws Exception {
            Failed failed = new Failed(
                    new ColumnValuesNotNull("<b>&amp;\"col\"</b>"),
                    ResultFormat.BASIC,
                    rows(3, 0, 1, java.util.Arrays.asList((Object) null), List.of(2L)),
                    "1 of 3 values in <script>alert('&')</script> are null");
            ValidationResult result = new ValidationResult("s<&>\"'", "b & <batch>", List.of(failed), RUN);

            String xml = JUnitXmlReport.toXml("c & <d>", List.of(TestSuite.of(result)));
            Document doc = parse(xml);

            assertThat(xml).doesNotContain("<script>").doesNotContain("<b>");
            assertThat(doc.getDocumentElement().getAttribute("name")).isEqualTo("c & <d>");
            Element suite = elements(doc, "testsuite").get(0);
            assertThat(suite.getAttribute("name")).isEqualTo("s<&>\"' / b & <batch>");
            Element testCase = elements(doc, "testcase").get(0);
            assertThat(testCase.getAttribute("classname")).isEqualTo("s<&>\"'");
            assertThat(testCase.getAttribute("name"))
                    .isEqualTo("expect_column_values_to_not_be_null(<b>&amp;\"col\"</b>)");
            assertThat(elements(doc, "failure").get(0).getAttribute("message"))
                    .isEqualTo("1 of 3 values in <script>alert('&')</script> are null");
        }

        @Test
        void characters_xml_cannot_hold_are_left_out_and_the_rest_kept() throws Exception {
            String nasty = "a\u0000b\u0001c\u001fd\u0008e\uFFFEf\uD800g \uD83D\uDE00 caf\u00e9";
            Errored errored = new Errored(
                    new ColumnValuesNotNull("col\u0007umn"),
                    ResultFormat.BASIC,
                    "bad " + nasty,
                    "ColumnNotFoundException",
                    "line one\tcell\nline two " + nasty);
            ValidationResult result = new ValidationResult("suite\u0002", "batch", List.of(errored), RUN);

            String xml = JUnitXmlReport.toXml("n", List.of(TestSuite.of(result)));
            Document doc = parse(xml);

            assertThat(xml).doesNotContain("\u0000", "\u0001", "\u0002", "\u0007", "\u0008", "\u001f", "\uFFFE");
            Element error = elements(doc, "error").get(0);
            assertThat(error.getAttribute("message")).isEqualTo("bad abcdefg \uD83D\uDE00 caf\u00e9");
            assertThat(error.getTextContent()).isEqualTo("line one\tcell\nline two abcdefg \uD83D\uDE00 caf\u00e9");
            assertThat(elements(doc, "testcase").get(0).getAttribute("name"))
                    .isEqualTo("expect_column_values_to_not_be_null(column)");
            assertThat(elements(doc, "testcase").get(0).getAttribute("classname"))
                    .isEqualTo("suite");
        }

        @Test
        void line_breaks_in_an_attribute_become_spaces_and_stay_in_text() throws Exception {
            Failed failed = new Failed(
                    new ColumnValuesNotNull("c"),
                    ResultFormat.BASIC,
                    ResultDetails.observed("two\nlines"),
                    "first line\r\nsecond\tline");

            Document doc = parse(JUnitXmlReport.toXml("n", List.of(TestSuite.of(trips(List.of(failed))))));

            Element failure = elements(doc, "failure").get(0);
            assertThat(failure.getAttribute("message")).isEqualTo("first line second line");
            // ResultText shows a line break inside a value as \n, so the detail stays one line per fact.
            assertThat(failure.getTextContent()).isEqualTo("observed value: 'two\\nlines'");
        }
    }

    @Test
    void writes_to_a_writer_and_leaves_it_open() throws Exception {
        java.io.StringWriter out = new java.io.StringWriter();

        JUnitXmlReport.writeResults("n", List.of(trips(List.of(meanFailed()))), out);
        out.write("<!-- still open -->");

        assertThat(out.toString())
                .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"n\"")
                .endsWith("</testsuites>\n<!-- still open -->");
    }
}
