package dev.assay.contract.gate;

import static java.util.Objects.requireNonNull;

import dev.assay.contract.gate.GateCase.Status;
import dev.assay.report.JUnitXmlReport;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a {@link GateReport} as JUnit XML, so that any CI server shows each rule, change or lint problem as
 * a test case: one {@code <testsuite>} per group (contract object, {@code foreign keys}, {@code sql}, {@code
 * diff}, {@code lint}), a {@code <failure>} for a breach (and for a warning under {@code --fail-on warning}),
 * an {@code <error>} for a rule that could not be evaluated, and {@code <skipped message=...>} for a part Assay
 * does not execute. Errors that kept the command from running are test cases of the group {@code gate} with
 * an {@code <error>}. Warnings and infos that do not fail the gate pass, their message in {@code
 * <system-out>}. Characters XML 1.0 cannot hold are left out. Stateless and thread-safe.
 */
public final class GateJUnitXml {
    private GateJUnitXml() {}

    /** The report as JUnit XML text. */
    public static String toXml(GateReport report) {
        StringWriter out = new StringWriter();
        try {
            write(report, out);
        } catch (IOException e) {
            throw new IllegalStateException("a StringWriter cannot fail", e);
        }
        return out.toString();
    }

    /**
     * Writes the report to {@code out} (flushed, not closed); the caller encodes it as UTF-8.
     *
     * @throws IOException when {@code out} cannot be written
     */
    public static void write(GateReport report, Writer out) throws IOException {
        requireNonNull(report, "report is null");
        requireNonNull(out, "out is null");
        Map<String, List<GateCase>> groups = new LinkedHashMap<>();
        for (int i = 0; i < report.errors().size(); i++) {
            groups.computeIfAbsent("gate", g -> new ArrayList<>())
                    .add(new GateCase(
                            "gate",
                            "contract " + report.command() + (report.errors().size() == 1 ? "" : " #" + (i + 1)),
                            Status.ERRORED,
                            "",
                            java.util.OptionalInt.empty(),
                            report.errors().get(i),
                            ""));
        }
        for (GateCase c : report.cases()) {
            groups.computeIfAbsent(c.group(), g -> new ArrayList<>()).add(c);
        }
        try {
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            xml.writeAttribute(
                    "name", JUnitXmlReport.xmlText("assay contract " + report.command() + " " + report.file()));
            counts(xml, report, groups.values().stream().flatMap(List::stream).toList());
            for (Map.Entry<String, List<GateCase>> g : groups.entrySet()) {
                xml.writeCharacters("\n  ");
                xml.writeStartElement("testsuite");
                xml.writeAttribute("name", JUnitXmlReport.xmlText(g.getKey()));
                counts(xml, report, g.getValue());
                Map<String, Integer> seen = new LinkedHashMap<>();
                for (GateCase c : g.getValue()) {
                    int n = seen.merge(c.name(), 1, Integer::sum);
                    // Reporters key test cases by class and name: a repeated name gets a number.
                    testCase(xml, report, c, n == 1 ? c.name() : c.name() + " #" + n);
                }
                xml.writeCharacters("\n  ");
                xml.writeEndElement();
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            if (e.getCause() instanceof IOException) {
                throw (IOException) e.getCause();
            }
            throw new IOException("cannot write the JUnit XML report: " + e.getMessage(), e);
        }
        out.flush();
    }

    private static void counts(XMLStreamWriter xml, GateReport report, List<GateCase> cases) throws XMLStreamException {
        int failures = 0;
        int errors = 0;
        int skipped = 0;
        for (GateCase c : cases) {
            String kind = kind(report, c);
            failures += kind.equals("failure") ? 1 : 0;
            errors += kind.equals("error") ? 1 : 0;
            skipped += kind.equals("skipped") ? 1 : 0;
        }
        xml.writeAttribute("tests", Integer.toString(cases.size()));
        xml.writeAttribute("failures", Integer.toString(failures));
        xml.writeAttribute("errors", Integer.toString(errors));
        xml.writeAttribute("skipped", Integer.toString(skipped));
        xml.writeAttribute("time", "0");
    }

    /** {@code failure}, {@code error}, {@code skipped} or empty for a passing case. */
    private static String kind(GateReport report, GateCase c) {
        switch (c.status()) {
            case ERRORED:
                return "error";
            case NOT_EXECUTED:
                return "skipped";
            case BREACH:
            case WARNING:
                return report.failing(c) ? "failure" : "";
            case PASSED:
            case INFO:
                return "";
        }
        throw new AssertionError(c.status());
    }

    private static void testCase(XMLStreamWriter xml, GateReport report, GateCase c, String name)
            throws XMLStreamException {
        xml.writeCharacters("\n    ");
        String kind = kind(report, c);
        boolean output = kind.isEmpty() && !c.message().isEmpty();
        if (kind.isEmpty() && !output) {
            xml.writeEmptyElement("testcase");
            caseAttributes(xml, report, c, name);
            return;
        }
        xml.writeStartElement("testcase");
        caseAttributes(xml, report, c, name);
        xml.writeCharacters("\n      ");
        String where = c.path().isEmpty()
                ? ""
                : c.path()
                        + c.line().stream()
                                .mapToObj(l -> " (line " + l + ")")
                                .findFirst()
                                .orElse("") + ": ";
        if (output) {
            xml.writeStartElement("system-out");
            xml.writeCharacters(JUnitXmlReport.xmlText(report.label(c) + ": " + where + c.message()));
        } else if (kind.equals("skipped")) {
            xml.writeStartElement("skipped");
            xml.writeAttribute(
                    "message",
                    JUnitXmlReport.attributeText("not executed: " + c.message()
                            + (report.failing(c) ? " (fails the gate; allow with --allow-not-executed)" : "")));
        } else {
            xml.writeStartElement(kind);
            xml.writeAttribute("message", JUnitXmlReport.attributeText(c.message()));
            xml.writeAttribute("type", report.label(c));
            xml.writeCharacters(
                    JUnitXmlReport.xmlText(where + c.message() + (c.detail().isEmpty() ? "" : "\n" + c.detail())));
        }
        xml.writeEndElement();
        xml.writeCharacters("\n    ");
        xml.writeEndElement();
    }

    private static void caseAttributes(XMLStreamWriter xml, GateReport report, GateCase c, String name)
            throws XMLStreamException {
        xml.writeAttribute("classname", JUnitXmlReport.attributeText(c.group()));
        xml.writeAttribute("name", JUnitXmlReport.attributeText(name));
        xml.writeAttribute("time", "0");
        xml.writeAttribute("file", JUnitXmlReport.attributeText(report.file()));
        if (c.line().isPresent()) {
            // Read by GitLab and several GitHub reporters to link a case to its line.
            xml.writeAttribute("line", Integer.toString(c.line().getAsInt()));
        }
    }
}
