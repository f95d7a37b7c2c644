package dev.assay.contract.gate;

import dev.assay.contract.ContractVerification;
import dev.assay.contract.DataContract;
import dev.assay.contract.NotExecuted;
import dev.assay.contract.SchemaObject;
import dev.assay.contract.SqlChecks;
import dev.assay.contract.gate.GateCase.Status;
import dev.assay.model.Expectation;
import dev.assay.result.Errored;
import dev.assay.result.ExpectationResult;
import dev.assay.result.Failed;
import dev.assay.result.ResultDetails;
import dev.assay.result.ResultText;
import dev.assay.result.ValidationResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns a contract run into gate cases: one per check, foreign key, sql rule and part not executed. */
final class TestCases {
    private static final Pattern OBJECT_PATH = Pattern.compile("schema\\[(\\d+)].*");

    private TestCases() {}

    static List<GateCase> of(DataContract contract, ContractVerification.Report report, Map<String, String> missing) {
        List<GateCase> cases = new ArrayList<>();
        for (Map.Entry<String, ValidationResult> e : report.objects().entrySet()) {
            for (ExpectationResult r : e.getValue().results()) {
                cases.add(check(contract, e.getKey(), r));
            }
        }
        for (ExpectationResult r : report.foreignKeys()) {
            cases.add(check(contract, "foreign keys", r));
        }
        for (SqlChecks.Outcome o : report.sql()) {
            Status status = o.success()
                    ? Status.PASSED
                    : !blocking(o.check().meta())
                            ? Status.WARNING
                            : o.error().isPresent() ? Status.ERRORED : Status.BREACH;
            cases.add(new GateCase(
                    o.check().objectName(),
                    o.check().path() + " sql " + o.check().threshold().describe(),
                    status,
                    o.check().path(),
                    contract.line(o.check().path()),
                    o.success() ? "" : o.message(),
                    "query: " + o.check().query()));
        }
        for (NotExecuted n : report.notExecuted()) {
            String reason = n.reason();
            for (SchemaObject o : contract.schema()) {
                if (o.path().equals(n.path()) && missing.containsKey(o.name())) {
                    reason = missing.get(o.name());
                }
            }
            cases.add(new GateCase(
                    objectOf(contract, n.path()),
                    n.path() + " " + n.what(),
                    Status.NOT_EXECUTED,
                    n.path(),
                    contract.line(n.path()),
                    n.what() + " not executed: " + reason,
                    ""));
        }
        return cases;
    }

    private static String objectOf(DataContract contract, String path) {
        Matcher m = OBJECT_PATH.matcher(path);
        if (m.matches()) {
            int i = Integer.parseInt(m.group(1));
            if (i < contract.schema().size()) {
                return contract.schema().get(i).name();
            }
        }
        return "contract";
    }

    private static GateCase check(DataContract contract, String group, ExpectationResult r) {
        Expectation e = r.expectation();
        Map<String, Object> meta = e.options().meta();
        String path = String.valueOf(meta.getOrDefault("contract_path", ""));
        String columns = ResultText.columns(e);
        String name =
                (path.isEmpty() ? "" : path + " ") + e.type().name() + (columns.isEmpty() ? "" : "(" + columns + ")");
        if (meta.containsKey("foreign_key")) {
            name = path + " foreign key " + meta.get("foreign_key");
        }
        Status status;
        String message;
        if (r instanceof Failed) {
            status = blocking(meta) ? Status.BREACH : Status.WARNING;
            message = ((Failed) r).reason();
        } else if (r instanceof Errored) {
            status = blocking(meta) ? Status.ERRORED : Status.WARNING;
            message = "could not be evaluated: " + ((Errored) r).message();
        } else {
            status = Status.PASSED;
            message = "";
        }
        return new GateCase(group, name, status, path, contract.line(path), message, r.success() ? "" : detail(r));
    }

    private static String detail(ExpectationResult r) {
        List<String> lines = new ArrayList<>();
        Object rule = r.expectation().options().meta().get("rule_name");
        if (rule != null) {
            lines.add("rule: " + rule);
        }
        Object severity = r.expectation().options().meta().get("severity");
        if (severity != null) {
            lines.add("severity: " + severity);
        }
        ResultDetails details = r.details();
        details.observedValue().ifPresent(v -> lines.add("observed value: " + ResultText.value(v)));
        details.counts()
                .ifPresent(c -> lines.add(String.format(
                        Locale.ROOT,
                        "unexpected: %d of %d non-missing values",
                        c.unexpectedCount(),
                        c.nonMissingCount())));
        if (r instanceof Failed) {
            ResultText.samples((Failed) r).ifPresent(s -> lines.add("samples: " + s));
        }
        return String.join("\n", lines);
    }

    /** As ContractVerification decides: no severity, or one other than info and warning, breaks the contract. */
    static boolean blocking(Map<String, Object> meta) {
        Object severity = meta.get("severity");
        if (severity == null) {
            return true;
        }
        String s = String.valueOf(severity).toLowerCase(Locale.ROOT);
        return !s.equals("info") && !s.equals("warning") && !s.equals("warn");
    }
}
