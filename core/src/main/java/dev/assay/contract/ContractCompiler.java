package dev.assay.contract;

import static java.util.Objects.requireNonNull;

import dev.assay.error.InvalidExpectationException;
import dev.assay.expectation.ColumnValueLengthsBetween;
import dev.assay.expectation.ColumnValuesBetween;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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
    private final RelationshipCompiler relationships;
    private final SlaCompiler slas;

    private ContractCompiler(DataContract contract, Options options) {
        this.contract = contract;
        this.options = options;
        this.relationships = new RelationshipCompiler(contract, notExecuted, foreignKeys);
        this.slas = new SlaCompiler(contract, notExecuted);
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
            SuiteTarget target = new SuiteTarget(contract, object);
            schema(object, target);
            for (SchemaProperty p : object.properties()) {
                property(object, p, target, quality);
            }
            primaryKey(object, target);
            for (QualityRule rule : object.quality()) {
                guard(notExecuted, rule.path(), "quality rule", () -> quality.objectRule(object, rule, target));
            }
            for (Relationship r : object.relationships()) {
                relationships.compile(object, r);
            }
            slas.object(object, target);
            suites.put(object.name(), target.build());
        }
        slas.unexecuted();
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

    private void schema(SchemaObject object, SuiteTarget target) {
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

    private void property(SchemaObject object, SchemaProperty p, SuiteTarget target, QualityCompiler quality) {
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
            relationships.compile(object, r);
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

    private void type(SchemaProperty p, SuiteTarget target) {
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

    private void options(SchemaProperty p, SuiteTarget target) {
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

    private void format(SchemaProperty p, String format, String logical, SuiteTarget target, String path) {
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

    private void primaryKey(SchemaObject object, SuiteTarget target) {
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
}
