package dev.assay.contract;

import static java.util.Objects.requireNonNull;

import dev.assay.error.InvalidExpectationException;
import dev.assay.expectation.ColumnValueLengthsBetween;
import dev.assay.expectation.ColumnValuesBetween;
import dev.assay.expectation.ColumnValuesFresh;
import dev.assay.expectation.ColumnValuesMatchRegex;
import dev.assay.expectation.ColumnValuesNotNull;
import dev.assay.expectation.ColumnValuesOfType;
import dev.assay.expectation.ColumnValuesUnique;
import dev.assay.expectation.CompoundColumnsUnique;
import dev.assay.expectation.Range;
import dev.assay.expectation.TableColumnsMatchOrderedList;
import dev.assay.expectation.TableColumnsMatchSet;
import dev.assay.model.DataTypes;
import dev.assay.model.Expectation;
import dev.assay.model.ExpectationSuite;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Compiles a {@link DataContract} into one {@link ExpectationSuite} per schema object, named
 * {@code <contract id>.<object name>}, plus the SQL rules, foreign keys, and the list of everything it
 * cannot check ({@link NotExecuted}). Every expectation carries in its meta the contract id, the path of
 * the part of the contract it comes from and, for quality rules, the rule's name, severity and dimension.
 * Stateless and thread-safe.
 *
 * <p>What each part becomes is listed in {@code docs/contracts.md}.
 */
public final class ContractCompiler {
    /** The string formats checked with a regular expression. */
    private static final Map<String, String> FORMATS = Map.of(
            "uuid", "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$",
            "email", "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$",
            "ipv4",
                    "^((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])$");

    private static final List<String> ASSAY_TYPES = List.of(
            "int8",
            "int16",
            "int32",
            "int64",
            "uint8",
            "uint16",
            "uint32",
            "uint64",
            "float32",
            "float64",
            "decimal(38,10)",
            "string",
            "binary",
            "boolean",
            "date",
            "time",
            "timestamp",
            "timestamp_tz",
            "list<string>");

    /** How the declared properties are compared with the dataset's columns. */
    public enum ColumnMatch {
        /** The columns are exactly the declared properties, in any order (the default). */
        EXACT_SET,
        /** The columns are exactly the declared properties, in the declared order. */
        ORDERED,
        /** The declared properties exist; other columns are allowed. */
        INCLUDE
    }

    /**
     * Compilation choices.
     *
     * @param columnMatch how declared properties are compared with the columns
     * @param server the server whose type decides how {@code sql} rules run; empty for the first server
     */
    public record Options(ColumnMatch columnMatch, Optional<String> server) {
        /** Exact column set, first server. */
        public static final Options DEFAULT = new Options(ColumnMatch.EXACT_SET, Optional.empty());

        public Options {
            requireNonNull(columnMatch, "columnMatch is null");
            requireNonNull(server, "server is null");
        }
    }

    private final DataContract contract;
    private final Options options;
    private final List<NotExecuted> notExecuted = new ArrayList<>();
    private final List<SqlCheck> sqlChecks = new ArrayList<>();
    private final List<ForeignKey> foreignKeys = new ArrayList<>();

    private ContractCompiler(DataContract contract, Options options) {
        this.contract = contract;
        this.options = options;
    }

    /** Compiles with the default options. */
    public static CompiledContract compile(DataContract contract) {
        return compile(contract, Options.DEFAULT);
    }

    /**
     * Compiles a contract.
     *
     * @param contract the contract, never null
     * @param options the choices, never null
     * @throws ContractFormatException if {@code options.server()} names a server the contract lacks
     */
    public static CompiledContract compile(DataContract contract, Options options) {
        requireNonNull(contract, "contract is null");
        requireNonNull(options, "options is null");
        return new ContractCompiler(contract, options).run();
    }

    private CompiledContract run() {
        Optional<ContractServer> server = server();
        QualityCompiler quality = new QualityCompiler(contract, server, notExecuted, sqlChecks);
        Map<String, ExpectationSuite> suites = new LinkedHashMap<>();
        for (SchemaObject object : contract.schema()) {
            Target target = new Target(contract, object);
            schema(object, target);
            for (SchemaProperty p : object.properties()) {
                property(object, p, target, quality);
            }
            primaryKey(object, target);
            for (QualityRule rule : object.quality()) {
                guard(notExecuted, rule.path(), "quality rule", () -> quality.objectRule(object, rule, target));
            }
            for (Relationship r : object.relationships()) {
                relationship(object, r);
            }
            sla(object, target);
            suites.put(object.name(), target.build());
        }
        for (SlaProperty sla : contract.slaProperties()) {
            if (!isLatency(sla) || slaObject(sla).isEmpty()) {
                notExecuted.add(new NotExecuted(sla.path(), "SLA property '" + sla.property() + "'", slaReason(sla)));
            }
        }
        return new CompiledContract(contract, suites, sqlChecks, foreignKeys, notExecuted);
    }

    private Optional<ContractServer> server() {
        if (options.server().isPresent()) {
            String name = options.server().get();
            return Optional.of(contract.server(name)
                    .orElseThrow(() -> new ContractFormatException(
                            contract.source(),
                            List.of(new ContractProblem(
                                    contract.source(),
                                    "servers",
                                    java.util.OptionalInt.empty(),
                                    ContractProblem.Severity.ERROR,
                                    "no server named '" + name + "'; servers: "
                                            + contract.servers().stream()
                                                    .map(ContractServer::server)
                                                    .toList())))));
        }
        return contract.servers().stream().findFirst();
    }

    private void schema(SchemaObject object, Target target) {
        if (object.properties().isEmpty()) {
            return;
        }
        List<String> columns =
                object.properties().stream().map(SchemaProperty::column).toList();
        Expectation e = options.columnMatch() == ColumnMatch.ORDERED
                ? new TableColumnsMatchOrderedList(columns)
                : new TableColumnsMatchSet(columns, options.columnMatch() == ColumnMatch.EXACT_SET);
        target.add(e, object.path() + ".properties", Map.of());
    }

    private void property(SchemaObject object, SchemaProperty p, Target target, QualityCompiler quality) {
        String col = p.column();
        type(p, target);
        if (p.required()) {
            target.addOnce("not_null:" + col, new ColumnValuesNotNull(col), p.path() + ".required");
        }
        if (p.unique()) {
            target.addOnce("unique:" + col, new ColumnValuesUnique(col), p.path() + ".unique");
        }
        options(p, target);
        for (QualityRule rule : p.quality()) {
            guard(notExecuted, rule.path(), "quality rule", () -> quality.propertyRule(object, p, rule, target));
        }
        for (Relationship r : p.relationships()) {
            relationship(object, r);
        }
        for (SchemaProperty nested : p.properties()) {
            nestedNotExecuted(nested);
        }
        p.items().ifPresent(this::nestedNotExecuted);
    }

    private void nestedNotExecuted(SchemaProperty nested) {
        boolean checks = nested.required()
                || nested.unique()
                || !nested.quality().isEmpty()
                || nested.logicalType().isPresent()
                || nested.physicalType().isPresent();
        if (checks) {
            notExecuted.add(new NotExecuted(
                    nested.path(),
                    "nested property '" + nested.name() + "'",
                    "Assay checks top-level columns; the type, required, unique and quality of a field inside an"
                            + " object or array are not checked"));
        }
        nested.properties().forEach(this::nestedNotExecuted);
        nested.items().ifPresent(this::nestedNotExecuted);
    }

    private void type(SchemaProperty p, Target target) {
        Optional<String> type = Optional.empty();
        String path = p.path() + ".logicalType";
        if (p.logicalType().isPresent()) {
            String logical = p.logicalType().get();
            switch (logical) {
                case "timestamp":
                    type = Optional.of(p.options()
                            .timezone()
                            .map(tz -> tz ? "timestamp_tz" : "timestamp_ntz")
                            .orElse("timestamp"));
                    break;
                case "array":
                    type = Optional.of("array");
                    break;
                case "object":
                    notExecuted.add(new NotExecuted(
                            path, "logicalType object", "Assay does not check the type of a nested object column"));
                    break;
                default:
                    type = Optional.of(logical);
            }
        } else if (p.physicalType().isPresent()) {
            path = p.path() + ".physicalType";
            String physical =
                    p.physicalType().get().trim().toLowerCase(Locale.ROOT).replaceAll("\\s*\\(.*\\)\\s*$", "");
            if (isAssayType(physical)) {
                type = Optional.of(physical);
            } else {
                notExecuted.add(new NotExecuted(
                        path,
                        "physicalType '" + p.physicalType().get() + "'",
                        "not a type name Assay knows (see docs/types.md); add a logicalType"));
            }
        }
        type.ifPresent(t -> target.add(
                new ColumnValuesOfType(p.column(), t),
                p.path() + (p.logicalType().isPresent() ? ".logicalType" : ".physicalType"),
                Map.of()));
    }

    /**
     * Runs one compilation step; a contract value no expectation accepts (a minimum above the maximum, a
     * regular expression that does not compile) becomes a not-executed entry instead of an exception.
     */
    static void guard(List<NotExecuted> notExecuted, String path, String what, Runnable step) {
        try {
            step.run();
        } catch (InvalidExpectationException | IllegalArgumentException e) {
            notExecuted.add(new NotExecuted(path, what, "it cannot be checked as written: " + e.getMessage()));
        }
    }

    static boolean isAssayType(String name) {
        return ASSAY_TYPES.stream().anyMatch(t -> DataTypes.matches(name, t));
    }

    private void options(SchemaProperty p, Target target) {
        LogicalTypeOptions o = p.options();
        String col = p.column();
        String path = p.path() + ".logicalTypeOptions";
        String logical = p.logicalType().orElse("");
        if (o.minimum().isPresent() || o.maximum().isPresent()) {
            guard(notExecuted, path, "logicalTypeOptions minimum/maximum", () -> {
                Range range = new Range(o.minimum(), o.maximum(), o.minimumExclusive(), o.maximumExclusive());
                target.add(new ColumnValuesBetween(col, range), path, Map.of());
            });
        }
        if (o.minLength().isPresent() || o.maxLength().isPresent()) {
            guard(
                    notExecuted,
                    path,
                    "logicalTypeOptions minLength/maxLength",
                    () -> target.add(
                            new ColumnValueLengthsBetween(col, o.minLength(), o.maxLength(), false, false),
                            path,
                            Map.of()));
        }
        o.pattern()
                .ifPresent(regex -> guard(
                        notExecuted,
                        path + ".pattern",
                        "logicalTypeOptions pattern",
                        () -> target.add(new ColumnValuesMatchRegex(col, regex), path + ".pattern", Map.of())));
        if (o.format().isPresent()) {
            format(p, o.format().get(), logical, target, path + ".format");
        }
        for (String key : o.others().keySet()) {
            notExecuted.add(new NotExecuted(
                    path + "." + key,
                    "logicalTypeOptions." + key,
                    "Assay has no check for '" + key + "' on a " + (logical.isEmpty() ? "property" : logical)));
        }
    }

    private void format(SchemaProperty p, String format, String logical, Target target, String path) {
        String col = p.column();
        if (logical.equals("integer") && format.matches("[iu](8|16|32|64)")) {
            int bits = Integer.parseInt(format.substring(1));
            boolean signed = format.charAt(0) == 'i';
            BigInteger max = BigInteger.TWO.pow(signed ? bits - 1 : bits).subtract(BigInteger.ONE);
            Object min = signed ? (Object) BigInteger.TWO.pow(bits - 1).negate().longValueExact() : (Object) 0L;
            Range range = max.bitLength() < 64 ? Range.between(min, max.longValueExact()) : Range.atLeast(min);
            target.add(new ColumnValuesBetween(col, range), path, Map.of());
        } else if ((logical.equals("string") || logical.isEmpty())
                && FORMATS.containsKey(format.toLowerCase(Locale.ROOT))) {
            target.add(new ColumnValuesMatchRegex(col, FORMATS.get(format.toLowerCase(Locale.ROOT))), path, Map.of());
        } else {
            notExecuted.add(new NotExecuted(
                    path,
                    "format '" + format + "'",
                    "Assay checks the formats " + new java.util.TreeSet<>(FORMATS.keySet())
                            + " of strings and i8..i64/u8..u64 of integers; '" + format + "' on a "
                            + (logical.isEmpty() ? "property without logicalType" : logical) + " is not checked"));
        }
    }

    private void primaryKey(SchemaObject object, Target target) {
        List<SchemaProperty> pk = object.primaryKey();
        if (pk.isEmpty()) {
            return;
        }
        for (SchemaProperty p : pk) {
            target.addOnce("not_null:" + p.column(), new ColumnValuesNotNull(p.column()), p.path() + ".primaryKey");
        }
        if (pk.size() == 1) {
            SchemaProperty p = pk.get(0);
            target.addOnce("unique:" + p.column(), new ColumnValuesUnique(p.column()), p.path() + ".primaryKey");
        } else {
            List<String> columns = pk.stream().map(SchemaProperty::column).toList();
            target.add(new CompoundColumnsUnique(columns), object.path() + ".primaryKey", Map.of());
        }
    }

    private void relationship(SchemaObject object, Relationship r) {
        List<String[]> from = new ArrayList<>();
        List<String[]> to = new ArrayList<>();
        for (String ref : r.from()) {
            from.add(resolve(ref, object));
        }
        for (String ref : r.to()) {
            to.add(resolve(ref, object));
        }
        List<String> problems = new ArrayList<>();
        if (r.from().size() > 1) {
            notExecuted.add(new NotExecuted(
                    r.path(),
                    "relationship " + r.from() + " -> " + r.to(),
                    "composite foreign keys are not checked: Assay checks single-column keys"));
            return;
        }
        for (int i = 0; i < r.from().size(); i++) {
            if (from.get(i) == null) {
                problems.add("'" + r.from().get(i) + "' names no property of this contract");
            }
        }
        for (int i = 0; i < r.to().size(); i++) {
            if (to.get(i) == null) {
                problems.add("'" + r.to().get(i) + "' names no property of this contract");
            }
        }
        if (problems.isEmpty()) {
            String fromObject = from.get(0)[0];
            String toObject = to.get(0)[0];
            if (from.stream().anyMatch(f -> !f[0].equals(fromObject))
                    || to.stream().anyMatch(t -> !t[0].equals(toObject))) {
                problems.add("the properties of one side of a relationship must belong to one object");
            } else {
                foreignKeys.add(new ForeignKey(
                        r.path(),
                        fromObject,
                        from.stream().map(f -> f[1]).toList(),
                        toObject,
                        to.stream().map(t -> t[1]).toList()));
                return;
            }
        }
        notExecuted.add(
                new NotExecuted(r.path(), "relationship " + r.from() + " -> " + r.to(), String.join("; ", problems)));
    }

    /**
     * {object name, column} for {@code object.property}, a bare property of {@code current}, or a
     * reference by ids ({@code schema/<object id>/properties/<property id>}); null when it names no
     * property of this contract (another file's, or a nested one).
     */
    private String[] resolve(String ref, SchemaObject current) {
        if (ref.contains("/")) {
            if (ref.contains("#")) {
                return null;
            }
            String[] parts = (ref.startsWith("/") ? ref.substring(1) : ref).split("/");
            if (parts.length != 4 || !parts[0].equals("schema") || !parts[2].equals("properties")) {
                return null;
            }
            SchemaObject object = contract.schema().stream()
                    .filter(o -> o.id().filter(parts[1]::equals).isPresent())
                    .findFirst()
                    .orElse(null);
            if (object == null) {
                return null;
            }
            return object.properties().stream()
                    .filter(p -> p.id().filter(parts[3]::equals).isPresent())
                    .findFirst()
                    .map(p -> new String[] {object.name(), p.column()})
                    .orElse(null);
        }
        int dot = ref.indexOf('.');
        SchemaObject object =
                dot < 0 ? current : contract.object(ref.substring(0, dot)).orElse(null);
        String property = dot < 0 ? ref : ref.substring(dot + 1);
        if (object == null) {
            return null;
        }
        return object.property(property)
                .map(p -> new String[] {object.name(), p.column()})
                .orElse(null);
    }

    private void sla(SchemaObject object, Target target) {
        for (SlaProperty sla : contract.slaProperties()) {
            if (!isLatency(sla)) {
                continue;
            }
            Optional<String[]> element = slaObject(sla);
            if (element.isEmpty() || !element.get()[0].equals(object.name())) {
                continue;
            }
            Optional<Duration> age = slaDuration(sla);
            if (age.isEmpty()) {
                notExecuted.add(new NotExecuted(
                        sla.path(),
                        "SLA property '" + sla.property() + "'",
                        "the value " + sla.value().orElse("null") + " with unit '"
                                + sla.unit().orElse("")
                                + "' is not a duration Assay understands (a number with unit s, m, h, d, w, y)"));
                continue;
            }
            Map<String, Object> meta = new LinkedHashMap<>();
            sla.driver().ifPresent(d -> meta.put("driver", d));
            target.add(new ColumnValuesFresh(element.get()[1], age.get()), sla.path(), meta);
        }
    }

    private static boolean isLatency(SlaProperty sla) {
        String p = sla.property().toLowerCase(Locale.ROOT);
        return p.equals("latency") || p.equals("ly") || p.equals("freshness");
    }

    /** {object, column} of a latency SLA's element, or empty when it names none this contract has. */
    private Optional<String[]> slaObject(SlaProperty sla) {
        Optional<String> element = sla.element().or(contract::slaDefaultElement);
        if (element.isEmpty() || element.get().contains(",")) {
            return Optional.empty();
        }
        String ref = element.get().trim();
        int dot = ref.indexOf('.');
        SchemaObject object = dot < 0
                ? (contract.schema().size() == 1 ? contract.schema().get(0) : null)
                : contract.object(ref.substring(0, dot)).orElse(null);
        if (object == null) {
            return Optional.empty();
        }
        String property = dot < 0 ? ref : ref.substring(dot + 1);
        return object.property(property).map(p -> new String[] {object.name(), p.column()});
    }

    private String slaReason(SlaProperty sla) {
        if (isLatency(sla)) {
            return "its element "
                    + sla.element()
                            .or(contract::slaDefaultElement)
                            .map(e -> "'" + e + "'")
                            .orElse("(none)") + " does not name one property as object.property of this contract";
        }
        return "Assay checks latency (freshness) from the SLA; '" + sla.property()
                + "' is about the service, not about the data in a batch";
    }

    static Optional<Duration> slaDuration(SlaProperty sla) {
        if (sla.value().isEmpty() || !(sla.value().get() instanceof Number)) {
            return Optional.empty();
        }
        double amount = ((Number) sla.value().get()).doubleValue();
        String unit = sla.unit().orElse("d").trim().toLowerCase(Locale.ROOT);
        double seconds;
        switch (unit) {
            case "s":
            case "sec":
            case "second":
            case "seconds":
                seconds = 1;
                break;
            case "m":
            case "min":
            case "minute":
            case "minutes":
                seconds = 60;
                break;
            case "h":
            case "hr":
            case "hour":
            case "hours":
                seconds = 3600;
                break;
            case "d":
            case "day":
            case "days":
                seconds = 86_400;
                break;
            case "w":
            case "week":
            case "weeks":
                seconds = 7 * 86_400;
                break;
            case "y":
            case "yr":
            case "year":
            case "years":
                seconds = 365 * 86_400;
                break;
            default:
                return Optional.empty();
        }
        if (!(amount > 0)) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis(Math.round(amount * seconds * 1000)));
    }

    /** The suite of one object being built: expectations with their contract meta, without repeats. */
    static final class Target {
        private final DataContract contract;
        private final SchemaObject object;
        private final List<Expectation> expectations = new ArrayList<>();
        private final Set<String> added = new HashSet<>();

        Target(DataContract contract, SchemaObject object) {
            this.contract = contract;
            this.object = object;
        }

        void add(Expectation e, String path, Map<String, Object> extraMeta) {
            Map<String, Object> meta = new LinkedHashMap<>(e.options().meta());
            meta.put("contract", contract.id());
            meta.put("contract_path", path);
            meta.putAll(extraMeta);
            expectations.add(e.withOptions(e.options().withMeta(meta)));
        }

        void addOnce(String key, Expectation e, String path) {
            if (added.add(key)) {
                add(e, path, Map.of());
            }
        }

        ExpectationSuite build() {
            ExpectationSuite.Builder b = ExpectationSuite.named(contract.id() + "." + object.name());
            expectations.forEach(b::expect);
            b.meta("contract_id", contract.id());
            b.meta("contract_version", contract.version());
            b.meta("odcs_api_version", contract.apiVersion());
            b.meta("contract_object", object.name());
            b.meta("table", object.table());
            return b.build();
        }
    }
}
