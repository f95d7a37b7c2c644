package dev.assay.contract;

import dev.assay.contract.LibraryMetricCheck.LibraryMetric;
import dev.assay.contract.LibraryMetricCheck.Unit;
import dev.assay.contract.Threshold.Condition;
import dev.assay.contract.Threshold.Operator;
import dev.assay.expectation.ColumnValuesInSet;
import dev.assay.expectation.ColumnValuesMatchRegex;
import dev.assay.expectation.ColumnValuesNotNull;
import dev.assay.expectation.ColumnValuesUnique;
import dev.assay.expectation.CompoundColumnsUnique;
import dev.assay.expectation.Range;
import dev.assay.expectation.TableRowCountBetween;
import dev.assay.expectation.TableRowCountEqual;
import dev.assay.model.Dimension;
import dev.assay.model.Expectation;
import dev.assay.model.ExpectationOptions;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Compiles quality rules: library metrics into GX expectations where they say exactly the same thing and
 * into {@link LibraryMetricCheck} otherwise, sql rules into {@link SqlCheck}s for a JDBC server, and every
 * other rule into a {@link NotExecuted} entry with its reason.
 */
final class QualityCompiler {
    /** Library rule names of ODCS 3.0.x and what they mean in 3.1. */
    private static final Map<String, String> LEGACY_METRICS =
            Map.of("duplicateCount", "duplicateValues", "nullCount", "nullValues", "nullCheck", "nullValues");

    private final DataContract contract;
    private final Optional<ContractServer> server;
    private final List<NotExecuted> notExecuted;
    private final List<SqlCheck> sqlChecks;

    QualityCompiler(
            DataContract contract,
            Optional<ContractServer> server,
            List<NotExecuted> notExecuted,
            List<SqlCheck> sqlChecks) {
        this.contract = contract;
        this.server = server;
        this.notExecuted = notExecuted;
        this.sqlChecks = sqlChecks;
    }

    void propertyRule(SchemaObject object, SchemaProperty p, QualityRule rule, SuiteTarget target) {
        if (!common(object, Optional.of(p), rule, target)) {
            return;
        }
        Optional<LibraryMetric> metric = metric(rule);
        if (metric.isEmpty()) {
            return;
        }
        Optional<Unit> unit = unit(rule);
        if (unit.isEmpty()) {
            return;
        }
        Threshold threshold = rule.threshold().orElseThrow();
        String col = p.column();
        List<Object> values = List.of();
        Optional<String> pattern = Optional.empty();
        switch (metric.get()) {
            case ROW_COUNT:
                skip(rule, "rowCount counts the rows of an object; put it in the object's quality, not a property's");
                return;
            case MISSING_VALUES:
                values = list(rule.arguments().get("missingValues"));
                break;
            case INVALID_VALUES:
                values = list(rule.arguments().get("validValues"));
                pattern = Optional.ofNullable(rule.arguments().get("pattern")).map(String::valueOf);
                if (values.isEmpty() == pattern.isEmpty()) {
                    skip(
                            rule,
                            values.isEmpty()
                                    ? "invalidValues needs the argument validValues or pattern"
                                    : "invalidValues with both validValues and pattern is ambiguous (must a value satisfy"
                                            + " one or both?); write two rules");
                    return;
                }
                break;
            case NULL_VALUES:
            case DUPLICATE_VALUES:
                break;
        }
        Optional<Expectation> exact = exact(metric.get(), List.of(col), values, pattern, unit.get(), threshold);
        // Only invalidValues reads a pattern; a stray one on another metric is not the check's.
        Optional<String> invalidPattern = pattern;
        Expectation e = exact.orElseGet(() -> new LibraryMetricCheck(
                metric.get(),
                List.of(col),
                metric.get() == LibraryMetric.MISSING_VALUES || metric.get() == LibraryMetric.INVALID_VALUES
                        ? values(rule, metric.get())
                        : List.of(),
                invalidPattern,
                unit.get(),
                threshold,
                dimension(rule, metric.get()),
                ExpectationOptions.DEFAULT));
        add(target, e, rule);
    }

    void objectRule(SchemaObject object, QualityRule rule, SuiteTarget target) {
        if (!common(object, Optional.empty(), rule, target)) {
            return;
        }
        Optional<LibraryMetric> metric = metric(rule);
        if (metric.isEmpty()) {
            return;
        }
        Optional<Unit> unit = unit(rule);
        if (unit.isEmpty()) {
            return;
        }
        Threshold threshold = rule.threshold().orElseThrow();
        if (metric.get() == LibraryMetric.ROW_COUNT) {
            if (unit.get() == Unit.PERCENT) {
                skip(rule, "rowCount is a number of rows; unit percent does not apply");
                return;
            }
            add(
                    target,
                    rowCount(threshold)
                            .orElseGet(() -> new LibraryMetricCheck(
                                    LibraryMetric.ROW_COUNT,
                                    List.of(),
                                    List.of(),
                                    Optional.empty(),
                                    Unit.ROWS,
                                    threshold,
                                    dimension(rule, LibraryMetric.ROW_COUNT),
                                    ExpectationOptions.DEFAULT)),
                    rule);
            return;
        }
        if (metric.get() != LibraryMetric.DUPLICATE_VALUES) {
            skip(rule, metric.get().odcsName() + " counts values of one property; put it in the property's quality");
            return;
        }
        List<String> names = rule.propertiesArgument();
        if (names.isEmpty()) {
            skip(
                    rule,
                    "duplicateValues on an object needs the argument properties: the columns that together"
                            + " must be unique");
            return;
        }
        List<String> columns = new ArrayList<>();
        for (String name : names) {
            Optional<SchemaProperty> p = object.property(name);
            if (p.isEmpty()) {
                skip(
                        rule,
                        "arguments.properties names '" + name + "', which is not a property of '" + object.name()
                                + "'");
                return;
            }
            columns.add(p.get().column());
        }
        Expectation e = exact(
                        LibraryMetric.DUPLICATE_VALUES, columns, List.of(), Optional.empty(), unit.get(), threshold)
                .orElseGet(() -> new LibraryMetricCheck(
                        LibraryMetric.DUPLICATE_VALUES,
                        columns,
                        List.of(),
                        Optional.empty(),
                        unit.get(),
                        threshold,
                        dimension(rule, LibraryMetric.DUPLICATE_VALUES),
                        ExpectationOptions.DEFAULT));
        add(target, e, rule);
    }

    /** Handles text, custom and sql rules; true when the rule is a library rule left to compile. */
    private boolean common(
            SchemaObject object, Optional<SchemaProperty> property, QualityRule rule, SuiteTarget target) {
        switch (rule.type()) {
            case TEXT:
                skip(rule, "a text rule states quality in words; there is nothing to execute");
                return false;
            case CUSTOM:
                if (rule.engine().filter(GxCustomRules::isGx).isPresent()) {
                    custom(property, rule, target);
                } else {
                    skip(
                            rule,
                            "custom rules are for engine '" + rule.engine().orElse("?")
                                    + "'; Assay runs only Great Expectations custom rules, natively");
                }
                return false;
            case SQL:
                sql(object, property, rule);
                return false;
            case LIBRARY:
                if (rule.threshold().isEmpty()) {
                    skip(
                            rule,
                            "the rule has no operator (mustBe, mustBeLessThan, ...), so there is nothing to"
                                    + " compare the metric with");
                    return false;
                }
                return true;
        }
        throw new AssertionError(rule.type());
    }

    private void custom(Optional<SchemaProperty> property, QualityRule rule, SuiteTarget target) {
        List<Expectation> expectations;
        try {
            expectations = GxCustomRules.read(rule, property.map(SchemaProperty::column), contract.source());
        } catch (IllegalArgumentException e) {
            skip(rule, "its Great Expectations implementation cannot be used: " + e.getMessage());
            return;
        }
        for (Expectation e : expectations) {
            add(target, e, rule);
        }
    }

    private void sql(SchemaObject object, Optional<SchemaProperty> property, QualityRule rule) {
        if (rule.threshold().isEmpty()) {
            skip(rule, "the rule has no operator to compare the query's result with");
            return;
        }
        if (server.isEmpty() || !(server.get().connection() instanceof ContractServer.Jdbc)) {
            skip(
                    rule,
                    server.isEmpty()
                            ? "sql rules run on the contract's server, and the contract has no servers"
                            : "sql rules run through JDBC, and server '"
                                    + server.get().server() + "' is of type "
                                    + server.get().type());
            return;
        }
        String table = object.table();
        String column = property.map(SchemaProperty::column).orElse("");
        String query = rule.query().orElseThrow();
        if (property.isEmpty()
                && (query.contains("{property}") || query.contains("${column}") || query.contains("${property}"))) {
            skip(rule, "the query uses {property}, but the rule is on object '" + object.name() + "', not a property");
            return;
        }
        query = query.replace("${table}", table)
                .replace("${object}", table)
                .replace("{object}", table)
                .replace("${column}", column)
                .replace("${property}", column)
                .replace("{property}", column);
        sqlChecks.add(new SqlCheck(
                rule.path(), object.name(), query.strip(), rule.threshold().get(), meta(rule)));
    }

    private Optional<LibraryMetric> metric(QualityRule rule) {
        String name = rule.metric().orElse("");
        String resolved = LEGACY_METRICS.getOrDefault(name, name);
        Optional<LibraryMetric> m = LibraryMetric.fromOdcsName(resolved);
        if (m.isEmpty()) {
            skip(
                    rule,
                    name.isEmpty()
                            ? "the rule names no metric"
                            : "'" + name
                                    + "' is not a library metric Assay knows (nullValues, missingValues, invalidValues,"
                                    + " duplicateValues, rowCount"
                                    + (contract.isV31() ? "" : ", or 3.0's duplicateCount") + ")");
        }
        return m;
    }

    private Optional<Unit> unit(QualityRule rule) {
        String u = rule.unit().orElse("rows").trim().toLowerCase(Locale.ROOT);
        if (u.equals("rows") || u.equals("row")) {
            return Optional.of(Unit.ROWS);
        }
        if (u.equals("percent") || u.equals("%")) {
            return Optional.of(Unit.PERCENT);
        }
        skip(rule, "unit '" + rule.unit().orElse("") + "' is neither rows nor percent");
        return Optional.empty();
    }

    private static List<Object> values(QualityRule rule, LibraryMetric metric) {
        return list(rule.arguments().get(metric == LibraryMetric.MISSING_VALUES ? "missingValues" : "validValues"));
    }

    private static List<Object> list(Object o) {
        if (o instanceof List<?>) {
            return new ArrayList<>((List<?>) o);
        }
        return new ArrayList<>();
    }

    /**
     * The GX expectation that means exactly the rule, where one exists: a count that must be zero, or a
     * share of nulls that must be at most p percent ({@code mostly} = 1 - p/100).
     */
    private static Optional<Expectation> exact(
            LibraryMetric metric,
            List<String> columns,
            List<Object> values,
            Optional<String> pattern,
            Unit unit,
            Threshold threshold) {
        if (threshold.conditions().size() != 1) {
            return Optional.empty();
        }
        Condition c = threshold.conditions().get(0);
        boolean zero = threshold.test(0L)
                && !threshold.test(unit == Unit.ROWS ? (Object) 1L : (Object) new BigDecimal("0.000001"))
                && (c.operator() == Operator.MUST_BE
                        || c.operator() == Operator.MUST_BE_LESS_THAN
                        || c.operator() == Operator.MUST_BE_LESS_OR_EQUAL_TO);
        String col = columns.get(0);
        if (zero) {
            switch (metric) {
                case NULL_VALUES:
                    return Optional.of(new ColumnValuesNotNull(col));
                case INVALID_VALUES:
                    return Optional.of(
                            pattern.isPresent()
                                    ? new ColumnValuesMatchRegex(col, pattern.get())
                                    : new ColumnValuesInSet(col, values));
                case DUPLICATE_VALUES:
                    return Optional.of(
                            columns.size() == 1 ? new ColumnValuesUnique(col) : new CompoundColumnsUnique(columns));
                case MISSING_VALUES:
                case ROW_COUNT:
                    return Optional.empty();
            }
        }
        if (metric == LibraryMetric.NULL_VALUES
                && unit == Unit.PERCENT
                && c.operator() == Operator.MUST_BE_LESS_OR_EQUAL_TO) {
            BigDecimal p = Threshold.decimal(c.operands().get(0));
            if (p.signum() > 0 && p.compareTo(BigDecimal.valueOf(100)) < 0) {
                double mostly = (100 - p.doubleValue()) / 100;
                ColumnValuesNotNull e = new ColumnValuesNotNull(col);
                return Optional.of(e.withOptions(e.options().withMostly(mostly)));
            }
        }
        return Optional.empty();
    }

    /** rowCount as a row count expectation, where the threshold is a range. */
    private static Optional<Expectation> rowCount(Threshold threshold) {
        if (threshold.conditions().size() != 1) {
            return Optional.empty();
        }
        Condition c = threshold.conditions().get(0);
        Object a = c.operands().get(0);
        switch (c.operator()) {
            case MUST_BE:
                BigDecimal d = a instanceof Number ? Threshold.decimal(a) : null;
                if (d != null && d.stripTrailingZeros().scale() <= 0 && d.signum() >= 0) {
                    return Optional.of(new TableRowCountEqual(d.longValueExact()));
                }
                return Optional.empty();
            case MUST_BE_BETWEEN:
                return Optional.of(
                        new TableRowCountBetween(Range.between(a, c.operands().get(1))));
            case MUST_BE_GREATER_THAN:
                return Optional.of(new TableRowCountBetween(Range.atLeast(a).withStrictMin()));
            case MUST_BE_GREATER_OR_EQUAL_TO:
                return Optional.of(new TableRowCountBetween(Range.atLeast(a)));
            case MUST_BE_LESS_THAN:
                return Optional.of(new TableRowCountBetween(Range.atMost(a).withStrictMax()));
            case MUST_BE_LESS_OR_EQUAL_TO:
                return Optional.of(new TableRowCountBetween(Range.atMost(a)));
            case MUST_NOT_BE:
            case MUST_NOT_BE_BETWEEN:
                return Optional.empty();
        }
        throw new AssertionError(c.operator());
    }

    private static Dimension dimension(QualityRule rule, LibraryMetric metric) {
        return rule.dimension().map(QualityCompiler::dimension).orElse(metric.defaultDimension());
    }

    /** The Assay dimension of an ODCS dimension. */
    static Dimension dimension(String odcs) {
        switch (odcs.toLowerCase(Locale.ROOT)) {
            case "accuracy":
            case "ac":
                return Dimension.ACCURACY;
            case "completeness":
            case "cp":
            case "coverage":
            case "cv":
                return Dimension.COMPLETENESS;
            case "consistency":
            case "cs":
                return Dimension.CONSISTENCY;
            case "timeliness":
            case "tm":
                return Dimension.TIMELINESS;
            case "uniqueness":
            case "uq":
                return Dimension.UNIQUENESS;
            default:
                // conformity (cf) and anything else: does the value follow the rules of its domain.
                return Dimension.VALIDITY;
        }
    }

    private Map<String, Object> meta(QualityRule rule) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("contract", contract.id());
        meta.put("contract_path", rule.path());
        rule.name().ifPresent(n -> meta.put("rule_name", n));
        rule.metric().ifPresent(m -> meta.put("metric", m));
        rule.severity().ifPresent(s -> meta.put("severity", s));
        rule.dimension().ifPresent(d -> meta.put("dimension", d));
        rule.businessImpact().ifPresent(b -> meta.put("business_impact", b));
        rule.description().ifPresent(d -> meta.put("description", d));
        return meta;
    }

    private void add(SuiteTarget target, Expectation e, QualityRule rule) {
        Map<String, Object> meta = meta(rule);
        meta.remove("contract");
        meta.remove("contract_path");
        Expectation withNotes = rule.description()
                .map(d -> e.withOptions(e.options().withNotes(d)))
                .orElse(e);
        target.add(withNotes, rule.path(), meta);
    }

    private void skip(QualityRule rule, String reason) {
        String what = rule.type().name().toLowerCase(Locale.ROOT) + " rule"
                + rule.name().or(rule::metric).map(n -> " '" + n + "'").orElse("")
                + rule.engine().map(e -> " (engine " + e + ")").orElse("");
        notExecuted.add(new NotExecuted(rule.path(), what, reason));
    }
}
