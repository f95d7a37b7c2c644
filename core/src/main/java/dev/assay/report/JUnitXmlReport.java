package dev.assay.report;

import static java.util.Objects.requireNonNull;

import dev.assay.model.Expectation;
import dev.assay.result.Errored;
import dev.assay.result.ExpectationResult;
import dev.assay.result.Failed;
import dev.assay.result.ResultDetails;
import dev.assay.result.ResultText;
import dev.assay.result.ValidationResult;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes validation results as a JUnit XML report, the format CI servers' test reporters read (Jenkins'
 * JUnit plugin, GitLab's unit test reports, GitHub test-report actions): one {@code <testsuite>} per
 * validation and one {@code <testcase>} per expectation, a {@code <failure>} for an expectation the data
 * broke and an {@code <error>} for one that could not be evaluated.
 *
 * <pre>{@code
 * <testsuites name="nightly" tests="3" failures="1" errors="0" skipped="0" time="1.234">
 *   <testsuite name="trips @ trips / data/trips.csv" tests="3" failures="1" errors="0" skipped="0"
 *       time="1.234" timestamp="2024-05-02T06:00:00">
 *     <properties><property name="batch" value="data/trips.csv"/>...</properties>
 *     <testcase classname="trips" name="expect_column_mean_to_be_between(fare_amount)" time="0">
 *       <failure message="the mean 62.5 is not [5, 50]" type="expect_column_mean_to_be_between">
 * observed value: 62.5</failure>
 *     </testcase>
 *   </testsuite>
 * </testsuites>
 * }</pre>
 *
 * <p>Timestamps are UTC, written without an offset as Ant's schema for the format requires. A suite's
 * {@code time} is its whole validation; a test case's is 0, because the expectations of a suite share one
 * scan and have no time of their own. Text is escaped, and characters XML 1.0 cannot hold (control
 * characters other than tab, line feed and carriage return; unpaired surrogates) are left out. Stateless
 * and thread-safe.
 */
public final class JUnitXmlReport {
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private JUnitXmlReport() {}

    /**
     * One {@code <testsuite>} of a report: a validation result under a name, with properties.
     *
     * @param name the test suite's name, as CI servers show it
     * @param result the validation's result
     * @param properties written as {@code <property name= value=>}, in order; may be empty
     */
    public record TestSuite(String name, ValidationResult result, Map<String, String> properties) {
        public TestSuite {
            requireNonNull(name, "name is null");
            requireNonNull(result, "result is null");
            properties = java.util.Collections.unmodifiableMap(
                    new LinkedHashMap<>(requireNonNull(properties, "properties is null")));
        }

        /**
         * A result named {@code <suite> / <batch>}, with the properties {@code suite}, {@code batch}, {@code
         * engine} and {@code rows_scanned}.
         *
         * @param result the result, never null
         */
        public static TestSuite of(ValidationResult result) {
            requireNonNull(result, "result is null");
            return of(result.suiteName() + " / " + result.batchName(), result);
        }

        /**
         * A result under {@code name}, with the properties {@code suite}, {@code batch}, {@code engine} and
         * {@code rows_scanned}.
         *
         * @param name the test suite's name, never null
         * @param result the result, never null
         */
        public static TestSuite of(String name, ValidationResult result) {
            requireNonNull(result, "result is null");
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put("suite", result.suiteName());
            properties.put("batch", result.batchName());
            properties.put("engine", result.run().engine());
            properties.put("rows_scanned", Long.toString(result.run().rowsScanned()));
            return new TestSuite(name, result, properties);
        }

        /** This test suite with {@code more} properties added after its own (replacing any of the same name). */
        public TestSuite withProperties(Map<String, String> more) {
            Map<String, String> all = new LinkedHashMap<>(properties);
            all.putAll(requireNonNull(more, "more is null"));
            return new TestSuite(name, result, all);
        }
    }

    /**
     * The report of {@code results}, each a test suite named {@code <suite> / <batch>}, written to {@code
     * out} (which is flushed, not closed).
     *
     * @param name the report's name ({@code <testsuites name=>}), such as a checkpoint or command name
     * @param results the results, in order; never null
     * @param out where to write; the caller encodes it as UTF-8, which the XML declaration states
     * @throws IOException when {@code out} cannot be written
     */
    public static void writeResults(String name, List<ValidationResult> results, Writer out) throws IOException {
        requireNonNull(results, "results is null");
        write(name, results.stream().map(TestSuite::of).toList(), out);
    }

    /**
     * The report of {@code suites}, written to {@code out} (which is flushed, not closed).
     *
     * @param name the report's name ({@code <testsuites name=>}), such as a checkpoint or command name
     * @param suites the test suites, in order; never null
     * @param out where to write; the caller encodes it as UTF-8, which the XML declaration states
     * @throws IOException when {@code out} cannot be written
     */
    public static void write(String name, List<TestSuite> suites, Writer out) throws IOException {
        requireNonNull(name, "name is null");
        requireNonNull(suites, "suites is null");
        requireNonNull(out, "out is null");
        try {
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out);
            new Document(xml).write(name, suites);
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException("cannot write the JUnit XML report '" + name + "': " + e.getMessage(), e);
        }
        out.flush();
    }

    /**
     * The report of {@code suites} as text.
     *
     * @see #write(String, List, Writer)
     */
    public static String toXml(String name, List<TestSuite> suites) {
        StringWriter out = new StringWriter();
        try {
            write(name, suites, out);
        } catch (IOException e) {
            throw new IllegalStateException("a StringWriter cannot fail", e);
        }
        return out.toString();
    }

    /** {@code text} without the characters XML 1.0 cannot hold. */
    public static String xmlText(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int next = i + Character.charCount(c);
            if (!allowed(c)) {
                if (out == null) {
                    out = new StringBuilder(text.length()).append(text, 0, i);
                }
            } else if (out != null) {
                out.appendCodePoint(c);
            }
            i = next;
        }
        return out == null ? text : out.toString();
    }

    /** {@code text} fit for an attribute: as {@link #xmlText}, with line breaks and tabs as spaces. */
    public static String attributeText(String text) {
        // A parser turns them into spaces anyway (attribute value normalization); say so in the output.
        return xmlText(text)
                .replace("\r\n", " ")
                .replace('\r', ' ')
                .replace('\n', ' ')
                .replace('\t', ' ');
    }

    private static boolean allowed(int c) {
        return c == 0x9
                || c == 0xA
                || c == 0xD
                || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }

    private static String seconds(Duration d) {
        return BigDecimal.valueOf(d.toMillis())
                .movePointLeft(3)
                .setScale(3, RoundingMode.UNNECESSARY)
                .toPlainString();
    }

    /** The name of a test case: {@code type(columns) where condition}. */
    static String testCaseName(Expectation e) {
        StringBuilder name = new StringBuilder(e.type().name());
        String columns = ResultText.columns(e);
        if (!columns.isEmpty()) {
            name.append('(').append(columns).append(')');
        }
        if (!e.options().rowFilter().isNone()) {
            name.append(" where ").append(e.options().rowFilter().text());
        }
        return name.toString();
    }

    /** The body of a {@code <failure>}: what was observed, the counts, the samples. */
    static String failureDetails(Failed failed) {
        List<String> lines = new ArrayList<>();
        ResultDetails details = failed.details();
        details.observedValue().ifPresent(v -> lines.add("observed value: " + ResultText.value(v)));
        details.counts().ifPresent(c -> {
            lines.add(String.format(
                    Locale.ROOT,
                    "unexpected: %,d of %,d non-missing values (%s%%)",
                    c.unexpectedCount(),
                    c.nonMissingCount(),
                    percent(c.unexpectedPercent())));
            if (c.missingCount() > 0) {
                lines.add(String.format(
                        Locale.ROOT,
                        "missing: %,d of %,d rows (%s%%)",
                        c.missingCount(),
                        c.elementCount(),
                        percent(c.missingPercent())));
            }
        });
        boolean values = !failed.resultFormat().excludeUnexpectedValues();
        ResultText.samples(failed).ifPresent(list -> lines.add((values ? "samples: " : "rows: ") + list));
        details.extra().forEach((k, v) -> lines.add(k + ": " + ResultText.value(v)));
        details.unexpectedIndexQuery().ifPresent(q -> lines.add("unexpected rows query: " + q));
        return String.join("\n", lines);
    }

    /** A percentage with at most two decimals: {@code 0.14}, {@code 50}. */
    private static String percent(double value) {
        return BigDecimal.valueOf(value)
                .setScale(2, RoundingMode.HALF_UP)
                .stripTrailingZeros()
                .toPlainString();
    }

    /** One document being written; indents by hand, as XMLStreamWriter does not. */
    private static final class Document {
        private final XMLStreamWriter xml;

        Document(XMLStreamWriter xml) {
            this.xml = xml;
        }

        void write(String name, List<TestSuite> suites) throws XMLStreamException {
            int tests = 0;
            int failures = 0;
            int errors = 0;
            Duration time = Duration.ZERO;
            for (TestSuite suite : suites) {
                tests += suite.result().results().size();
                failures += count(suite.result(), Failed.class);
                errors += count(suite.result(), Errored.class);
                time = time.plus(suite.result().run().elapsed());
            }
            xml.writeStartDocument("UTF-8", "1.0");
            newline(0);
            xml.writeStartElement("testsuites");
            attribute("name", name);
            attribute("tests", Integer.toString(tests));
            attribute("failures", Integer.toString(failures));
            attribute("errors", Integer.toString(errors));
            attribute("skipped", "0");
            attribute("time", seconds(time));
            for (TestSuite suite : suites) {
                newline(1);
                testSuite(suite);
            }
            newline(0);
            xml.writeEndElement();
            newline(0);
            xml.writeEndDocument();
        }

        private void testSuite(TestSuite suite) throws XMLStreamException {
            ValidationResult result = suite.result();
            xml.writeStartElement("testsuite");
            attribute("name", suite.name());
            attribute("tests", Integer.toString(result.results().size()));
            attribute("failures", Integer.toString(count(result, Failed.class)));
            attribute("errors", Integer.toString(count(result, Errored.class)));
            attribute("skipped", "0");
            attribute("time", seconds(result.run().elapsed()));
            attribute("timestamp", TIMESTAMP.format(result.run().startedAt().truncatedTo(ChronoUnit.SECONDS)));
            if (!suite.properties().isEmpty()) {
                newline(2);
                xml.writeStartElement("properties");
                for (Map.Entry<String, String> p : suite.properties().entrySet()) {
                    newline(3);
                    xml.writeEmptyElement("property");
                    attribute("name", p.getKey());
                    attribute("value", p.getValue());
                }
                newline(2);
                xml.writeEndElement();
            }
            Map<String, Integer> seen = new HashMap<>();
            for (ExpectationResult r : result.results()) {
                String base = testCaseName(r.expectation());
                int n = seen.merge(base, 1, Integer::sum);
                // Reporters key test cases by class and name: a second check of the same shape gets a number.
                String caseName = n == 1 ? base : base + " #" + n;
                newline(2);
                testCase(result.suiteName(), caseName, r);
            }
            newline(1);
            xml.writeEndElement();
        }

        private void testCase(String classname, String name, ExpectationResult r) throws XMLStreamException {
            if (r instanceof Failed failed) {
                xml.writeStartElement("testcase");
                testCaseAttributes(classname, name);
                newline(3);
                xml.writeStartElement("failure");
                attribute("message", failed.reason());
                attribute("type", r.expectation().type().name());
                text(failureDetails(failed));
                xml.writeEndElement();
                newline(2);
                xml.writeEndElement();
            } else if (r instanceof Errored errored) {
                xml.writeStartElement("testcase");
                testCaseAttributes(classname, name);
                newline(3);
                xml.writeStartElement("error");
                attribute("message", errored.message());
                attribute("type", errored.exceptionType());
                text(errored.traceback().isEmpty() ? errored.message() : errored.traceback());
                xml.writeEndElement();
                newline(2);
                xml.writeEndElement();
            } else {
                xml.writeEmptyElement("testcase");
                testCaseAttributes(classname, name);
            }
        }

        private void testCaseAttributes(String classname, String name) throws XMLStreamException {
            attribute("classname", classname);
            attribute("name", name);
            attribute("time", "0");
        }

        private void attribute(String name, String value) throws XMLStreamException {
            xml.writeAttribute(name, attributeText(value));
        }

        private void text(String text) throws XMLStreamException {
            xml.writeCharacters(xmlText(text));
        }

        private void newline(int depth) throws XMLStreamException {
            xml.writeCharacters("\n" + "  ".repeat(depth));
        }

        private static int count(ValidationResult result, Class<? extends ExpectationResult> kind) {
            return (int) result.results().stream().filter(kind::isInstance).count();
        }
    }
}
