package dev.assay.contract.gate;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.contract.gate.GateCase.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a {@link GateReport} as text for a person, as one JSON document, or as GitHub Actions workflow
 * commands ({@code ::error file=...,line=...,title=...::message}) that the Actions runner shows as
 * annotations on the contract file. Stateless and thread-safe.
 */
public final class GateReportWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private GateReportWriter() {}

    /** The output formats. */
    public enum Format {
        /** Lines for a person: a summary, then every case that did not pass. */
        TEXT,
        /** One JSON document with every case. */
        JSON,
        /** GitHub Actions workflow commands, one per case that did not pass, then a summary line. */
        GITHUB;

        /**
         * The format named {@code text}, {@code json} or {@code github} (any case).
         *
         * @throws IllegalArgumentException naming the value and the allowed ones
         */
        public static Format parse(String text) {
            for (Format f : values()) {
                if (f.name().equalsIgnoreCase(text.trim())) {
                    return f;
                }
            }
            throw new IllegalArgumentException("format must be text, json or github, got '" + text + "'");
        }
    }

    /** The report in {@code format}, ending with a line break. */
    public static String write(GateReport report, Format format) {
        requireNonNull(report, "report is null");
        requireNonNull(format, "format is null");
        switch (format) {
            case TEXT:
                return text(report);
            case JSON:
                return json(report);
            case GITHUB:
                return github(report);
        }
        throw new AssertionError(format);
    }

    /** {@code contract test orders.odcs.yaml: FAILED (exit 1): 12 passed, 1 breach, ...}. */
    public static String summary(GateReport report) {
        int code = report.exitCode();
        String verdict = code == GateReport.PASSED ? "PASSED" : code == GateReport.FAILED ? "FAILED" : "ERROR";
        List<String> counts = new ArrayList<>();
        for (Status s : Status.values()) {
            int n = report.count(s);
            if (n > 0 || s == Status.PASSED) {
                counts.add(n + " " + label(s, n));
            }
        }
        if (!report.errors().isEmpty()) {
            counts.add(report.errors().size() + " error" + (report.errors().size() == 1 ? "" : "s"));
        }
        return "contract " + report.command() + " " + report.file() + ": " + verdict + " (exit " + code + "): "
                + String.join(", ", counts);
    }

    private static String label(Status s, int n) {
        switch (s) {
            case PASSED:
                return "passed";
            case BREACH:
                return n == 1 ? "breach" : "breaches";
            case WARNING:
                return n == 1 ? "warning" : "warnings";
            case ERRORED:
                return "errored";
            case NOT_EXECUTED:
                return "not executed";
            case INFO:
                return "info";
        }
        throw new AssertionError(s);
    }

    private static String text(GateReport report) {
        StringBuilder out = new StringBuilder();
        for (String e : report.errors()) {
            out.append("ERROR ").append(e).append('\n');
        }
        for (GateCase c : report.cases()) {
            if (c.status() == Status.PASSED) {
                continue;
            }
            out.append(String.format(Locale.ROOT, "%-12s ", report.label(c).toUpperCase(Locale.ROOT)));
            out.append(report.file());
            c.line().ifPresent(l -> out.append(':').append(l));
            out.append(' ').append(c.group()).append(": ").append(c.name());
            if (!c.message().isEmpty()) {
                out.append(": ").append(c.message());
            }
            if (c.status() == Status.NOT_EXECUTED || c.status() == Status.WARNING) {
                out.append(report.failing(c) ? " [fails the gate]" : "");
            }
            out.append('\n');
            if (!c.detail().isEmpty()) {
                c.detail()
                        .lines()
                        .forEach(l -> out.append("             ").append(l).append('\n'));
            }
        }
        return out.append(summary(report)).append('\n').toString();
    }

    private static String json(GateReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("command", report.command());
        root.put("file", report.file());
        root.put("exit_code", report.exitCode());
        root.put("passed", report.passed());
        root.put("fail_on", report.failOn().name().toLowerCase(Locale.ROOT));
        root.put("allow_not_executed", report.allowNotExecuted());
        ObjectNode counts = root.putObject("counts");
        for (Status s : Status.values()) {
            counts.put(s.name().toLowerCase(Locale.ROOT), report.count(s));
        }
        ArrayNode errors = root.putArray("errors");
        report.errors().forEach(errors::add);
        ArrayNode cases = root.putArray("cases");
        for (GateCase c : report.cases()) {
            ObjectNode n = cases.addObject();
            n.put("group", c.group());
            n.put("name", c.name());
            n.put("status", c.status().name().toLowerCase(Locale.ROOT));
            n.put("label", report.label(c));
            n.put("failing", report.failing(c));
            n.put("path", c.path());
            if (c.line().isPresent()) {
                n.put("line", c.line().getAsInt());
            } else {
                n.putNull("line");
            }
            n.put("message", c.message());
            n.put("detail", c.detail());
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serializes", e);
        }
    }

    private static String github(GateReport report) {
        StringBuilder out = new StringBuilder();
        String file = GitHubAnnotations.repositoryPath(report.file(), System.getenv("GITHUB_WORKSPACE"));
        for (String e : report.errors()) {
            out.append(GitHubAnnotations.command(
                    "error", file, java.util.OptionalInt.empty(), "assay contract " + report.command(), e));
        }
        for (GateCase c : report.cases()) {
            String level;
            switch (c.status()) {
                case PASSED:
                    continue;
                case BREACH:
                case ERRORED:
                    level = "error";
                    break;
                case WARNING:
                case NOT_EXECUTED:
                    level = report.failing(c) ? "error" : "warning";
                    break;
                case INFO:
                    level = "notice";
                    break;
                default:
                    throw new AssertionError(c.status());
            }
            String title = c.group() + ": " + c.name();
            String message = report.label(c) + ": " + c.message() + (c.detail().isEmpty() ? "" : "\n" + c.detail());
            out.append(GitHubAnnotations.command(level, file, c.line(), title, message));
        }
        return out.append(summary(report)).append('\n').toString();
    }
}
