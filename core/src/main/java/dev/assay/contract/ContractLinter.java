package dev.assay.contract;

import static java.util.Objects.requireNonNull;

import dev.assay.contract.ContractProblem.Severity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Finds problems in a valid contract beyond what the standard's schema says: a property without a type,
 * duplicate names, a primary key on an optional column, a rule whose range no value can meet, a unit
 * that is neither rows nor percent, a bad regular expression, and every part Assay will not execute.
 * Each problem has its path, line and severity. Stateless and thread-safe.
 */
public final class ContractLinter {
    private final DataContract contract;
    private final List<ContractProblem> problems = new ArrayList<>();

    private ContractLinter(DataContract contract) {
        this.contract = contract;
    }

    /**
     * Lints a contract.
     *
     * @param contract the contract, never null
     * @return the problems: errors first, then warnings, then infos; each group in document order
     */
    public static List<ContractProblem> lint(DataContract contract) {
        requireNonNull(contract, "contract is null");
        ContractLinter l = new ContractLinter(contract);
        l.run();
        List<ContractProblem> sorted = new ArrayList<>(l.problems);
        sorted.sort(java.util.Comparator.comparing(ContractProblem::severity));
        return List.copyOf(sorted);
    }

    private void run() {
        Map<String, String> objectNames = new HashMap<>();
        for (SchemaObject o : contract.schema()) {
            String first = objectNames.putIfAbsent(o.name(), o.path());
            if (first != null) {
                add(
                        o.path() + ".name",
                        Severity.ERROR,
                        "object name '" + o.name() + "' is used twice (first at " + first + ")");
            }
            object(o);
        }
        for (ContractServer s : contract.servers()) {
            if (s.connection() instanceof ContractServer.Unsupported) {
                add(s.path(), Severity.INFO, ((ContractServer.Unsupported) s.connection()).reason());
            }
        }
        for (NotExecuted n : ContractCompiler.compile(contract).notExecuted()) {
            add(n.path(), Severity.WARNING, n.what() + " will not be executed: " + n.reason());
        }
    }

    private void object(SchemaObject o) {
        Map<String, String> names = new HashMap<>();
        Map<String, String> columns = new HashMap<>();
        Map<Integer, String> positions = new HashMap<>();
        for (SchemaProperty p : o.properties()) {
            String first = names.putIfAbsent(p.name(), p.path());
            if (first != null) {
                add(
                        p.path() + ".name",
                        Severity.ERROR,
                        "property name '" + p.name() + "' is used twice in object '" + o.name() + "' (first at " + first
                                + ")");
            } else {
                String firstColumn = columns.putIfAbsent(p.column(), p.path());
                if (firstColumn != null) {
                    add(
                            p.path(),
                            Severity.ERROR,
                            "column '" + p.column() + "' is named twice in object '" + o.name() + "' (first at "
                                    + firstColumn + ")");
                }
            }
            property(p);
            if (p.primaryKey()) {
                if (!p.required()) {
                    add(
                            p.path() + ".primaryKey",
                            Severity.WARNING,
                            "primary key column '" + p.name()
                                    + "' is not marked required: true; a key cannot be null, and Assay checks that it is not");
                }
                if (p.primaryKeyPosition() > 0) {
                    String other = positions.putIfAbsent(p.primaryKeyPosition(), p.path());
                    if (other != null) {
                        add(
                                p.path() + ".primaryKeyPosition",
                                Severity.ERROR,
                                "primaryKeyPosition " + p.primaryKeyPosition() + " is also given to " + other);
                    }
                }
            } else if (p.primaryKeyPosition() > 0) {
                add(
                        p.path() + ".primaryKeyPosition",
                        Severity.WARNING,
                        "primaryKeyPosition is set but primaryKey is not"
                                + " true; the property is not part of the key");
            }
        }
        for (QualityRule r : o.quality()) {
            rule(r);
        }
    }

    private void property(SchemaProperty p) {
        if (p.logicalType().isEmpty() && p.physicalType().isEmpty()) {
            add(
                    p.path(),
                    Severity.WARNING,
                    "property '" + p.name() + "' has no logicalType or physicalType; its type" + " is not checked");
        }
        LogicalTypeOptions o = p.options();
        if (o.minimum().isPresent() && o.maximum().isPresent()) {
            Object min = o.minimum().get();
            Object max = o.maximum().get();
            // Numbers compare as numbers; ISO-8601 dates and times of one shape compare as text.
            Integer c = min instanceof Number && max instanceof Number
                    ? (Integer) Threshold.decimal(min).compareTo(Threshold.decimal(max))
                    : min instanceof String
                                    && max instanceof String
                                    && ((String) min).length() == ((String) max).length()
                            ? (Integer) Integer.signum(((String) min).compareTo((String) max))
                            : null;
            if (c != null && (c > 0 || (c == 0 && (o.minimumExclusive() || o.maximumExclusive())))) {
                add(
                        p.path() + ".logicalTypeOptions",
                        Severity.ERROR,
                        "no value can lie between minimum " + Threshold.show(min) + " and maximum "
                                + Threshold.show(max));
            }
        }
        if (o.minLength().isPresent()
                && o.maxLength().isPresent()
                && o.minLength().get() > o.maxLength().get()) {
            add(
                    p.path() + ".logicalTypeOptions",
                    Severity.ERROR,
                    "minLength " + o.minLength().get() + " is greater than maxLength "
                            + o.maxLength().get());
        }
        o.pattern().ifPresent(regex -> regex(p.path() + ".logicalTypeOptions.pattern", regex));
        for (QualityRule r : p.quality()) {
            rule(r);
        }
        p.properties().forEach(this::property);
        p.items().ifPresent(this::property);
    }

    private void rule(QualityRule r) {
        if (r.type() == QualityRule.Type.LIBRARY || r.type() == QualityRule.Type.SQL) {
            Optional<String> unit = r.unit().map(u -> u.trim().toLowerCase(Locale.ROOT));
            boolean percent = unit.isPresent()
                    && (unit.get().equals("percent") || unit.get().equals("%"));
            if (unit.isPresent()
                    && !percent
                    && !unit.get().equals("rows")
                    && !unit.get().equals("row")) {
                add(r.path() + ".unit", Severity.WARNING, "unit '" + r.unit().get() + "' is neither rows nor percent");
            }
            if (r.type() == QualityRule.Type.LIBRARY
                    && r.threshold().isPresent()
                    && r.threshold()
                            .get()
                            .impossibleWithin(percent ? Optional.of(BigDecimal.valueOf(100)) : Optional.empty())) {
                add(
                        r.path(),
                        Severity.ERROR,
                        "no " + (percent ? "percent (0 to 100)" : "count (0 or more)") + " satisfies "
                                + r.threshold().get().describe() + "; the rule always fails");
            }
            Object pattern = r.arguments().get("pattern");
            if (pattern != null) {
                regex(r.path() + ".arguments.pattern", String.valueOf(pattern));
            }
        }
        if (contract.isV31()
                && r.metric().isPresent()
                && contract.line(r.path() + ".rule").isPresent()) {
            add(r.path() + ".rule", Severity.INFO, "'rule' is deprecated since ODCS 3.1; use 'metric'");
        }
    }

    private void regex(String path, String regex) {
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            add(path, Severity.ERROR, "invalid regular expression '" + regex + "': " + e.getDescription());
        }
    }

    private void add(String path, Severity severity, String message) {
        java.util.OptionalInt line = contract.line(path);
        if (line.isEmpty() && path.lastIndexOf('.') > 0) {
            line = contract.line(path.substring(0, path.lastIndexOf('.')));
        }
        problems.add(new ContractProblem(contract.source(), path, line, severity, message));
    }
}
