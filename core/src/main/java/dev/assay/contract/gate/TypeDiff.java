package dev.assay.contract.gate;

import dev.assay.contract.gate.Change.Severity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Classifies a change of a property's logical or physical type as a narrowing or a widening. */
final class TypeDiff {
    /** A classified type change: its severity and what happened. */
    record Verdict(Severity severity, String what) {}

    private static final Set<String> TO_STRING = Set.of("integer", "number", "boolean", "date", "timestamp", "time");
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("int", "integer"),
            Map.entry("int4", "integer"),
            Map.entry("int32", "integer"),
            Map.entry("int2", "smallint"),
            Map.entry("int16", "smallint"),
            Map.entry("int8", "bigint"),
            Map.entry("int64", "bigint"),
            Map.entry("long", "bigint"),
            Map.entry("byte", "tinyint"),
            Map.entry("short", "smallint"),
            Map.entry("float4", "real"),
            Map.entry("float8", "double"),
            Map.entry("float", "double"),
            Map.entry("double precision", "double"),
            Map.entry("numeric", "decimal"),
            Map.entry("number", "decimal"),
            Map.entry("character varying", "varchar"),
            Map.entry("varchar2", "varchar"),
            Map.entry("nvarchar", "varchar"),
            Map.entry("character", "char"),
            Map.entry("nchar", "char"),
            Map.entry("string", "text"),
            Map.entry("clob", "text"),
            Map.entry("timestamp without time zone", "timestamp"),
            Map.entry("timestamp with time zone", "timestamptz"),
            Map.entry("datetime", "timestamp"),
            Map.entry("bool", "boolean"));
    private static final List<String> INTEGERS = List.of("tinyint", "smallint", "integer", "bigint", "hugeint");
    private static final List<String> FLOATS = List.of("real", "double");
    private static final List<String> STRINGS = List.of("char", "varchar", "text");
    private static final Pattern TYPE = Pattern.compile("([a-z][a-z0-9_ ]*?)\\s*(?:\\(([^)]*)\\))?\\s*");

    private TypeDiff() {}

    /** A change of {@code logicalType}, or empty when there is none. */
    static Optional<Verdict> logical(Optional<String> before, Optional<String> after) {
        if (before.map(TypeDiff::lower).equals(after.map(TypeDiff::lower))) {
            return Optional.empty();
        }
        if (before.isEmpty()) {
            return Optional.of(new Verdict(Severity.BREAKING, "logicalType " + after.get() + " added"));
        }
        if (after.isEmpty()) {
            return Optional.of(new Verdict(Severity.WARNING, "logicalType " + before.get() + " removed"));
        }
        String b = lower(before.get());
        String a = lower(after.get());
        boolean widened = (b.equals("integer") && a.equals("number"))
                || (b.equals("date") && a.equals("timestamp"))
                || (a.equals("string") && TO_STRING.contains(b));
        return Optional.of(
                widened
                        ? new Verdict(Severity.WARNING, "logicalType widened from " + b + " to " + a)
                        : new Verdict(Severity.BREAKING, "logicalType narrowed from " + b + " to " + a));
    }

    /** A change of {@code physicalType}, or empty when there is none. */
    static Optional<Verdict> physical(Optional<String> before, Optional<String> after) {
        if (before.map(TypeDiff::lower).equals(after.map(TypeDiff::lower))) {
            return Optional.empty();
        }
        if (before.isEmpty()) {
            return Optional.of(new Verdict(Severity.BREAKING, "physicalType " + after.get() + " added"));
        }
        if (after.isEmpty()) {
            return Optional.of(new Verdict(Severity.WARNING, "physicalType " + before.get() + " removed"));
        }
        String shown = "physicalType " + before.get() + " to " + after.get();
        Optional<Boolean> widened = widened(parse(before.get()), parse(after.get()));
        if (widened.isEmpty()) {
            return Optional.empty(); // the same type spelt differently (int4 and integer)
        }
        return Optional.of(
                widened.get()
                        ? new Verdict(Severity.WARNING, "widened " + shown)
                        : new Verdict(Severity.BREAKING, "narrowed " + shown));
    }

    private record Type(String name, List<BigDecimal> args, boolean parsed) {}

    private static Type parse(String text) {
        Matcher m = TYPE.matcher(lower(text));
        if (!m.matches()) {
            return new Type(lower(text), List.of(), false);
        }
        String name = ALIASES.getOrDefault(m.group(1).trim(), m.group(1).trim());
        List<BigDecimal> args = new ArrayList<>();
        if (m.group(2) != null) {
            for (String a : m.group(2).split(",")) {
                try {
                    args.add(new BigDecimal(a.trim()));
                } catch (NumberFormatException e) {
                    return new Type(lower(text), List.of(), false); // e.g. varchar(max): compared as text
                }
            }
        }
        return new Type(name, args, true);
    }

    /** True when widened, false when narrowed or changed incompatibly, empty when equivalent. */
    private static Optional<Boolean> widened(Type b, Type a) {
        if (!b.parsed || !a.parsed) {
            return Optional.of(false);
        }
        if (b.name.equals(a.name)) {
            return sameName(b, a);
        }
        int bi = INTEGERS.indexOf(b.name);
        int ai = INTEGERS.indexOf(a.name);
        if (bi >= 0 && ai >= 0) {
            return Optional.of(ai > bi);
        }
        if (bi >= 0 && (FLOATS.contains(a.name) || a.name.equals("decimal"))) {
            return Optional.of(true);
        }
        int bf = FLOATS.indexOf(b.name);
        int af = FLOATS.indexOf(a.name);
        if (bf >= 0 && af >= 0) {
            return Optional.of(af > bf);
        }
        if (b.name.equals("decimal") && af >= 0) {
            return Optional.of(true);
        }
        int bs = STRINGS.indexOf(b.name);
        int as = STRINGS.indexOf(a.name);
        if (as >= 0 && (a.name.equals("text") || a.args.isEmpty()) && bs < 0) {
            return Optional.of(true); // anything can be written as unbounded text
        }
        if (bs >= 0 && as >= 0) {
            if (a.name.equals("text") || (a.name.equals("varchar") && a.args.isEmpty())) {
                return Optional.of(true);
            }
            if (b.name.equals("char") && a.name.equals("varchar")) {
                return Optional.of(b.args.isEmpty() || a.args.get(0).compareTo(b.args.get(0)) >= 0);
            }
            return Optional.of(false);
        }
        if (b.name.equals("date") && a.name.equals("timestamp")) {
            return Optional.of(true);
        }
        return Optional.of(false);
    }

    private static Optional<Boolean> sameName(Type b, Type a) {
        if (b.args.equals(a.args)) {
            return Optional.empty();
        }
        if (b.name.equals("decimal") && !b.args.isEmpty() && !a.args.isEmpty()) {
            BigDecimal bp = b.args.get(0);
            BigDecimal ap = a.args.get(0);
            BigDecimal bs = b.args.size() > 1 ? b.args.get(1) : BigDecimal.ZERO;
            BigDecimal as = a.args.size() > 1 ? a.args.get(1) : BigDecimal.ZERO;
            // Wider only when it keeps at least as many digits both before and after the point.
            return Optional.of(as.compareTo(bs) >= 0 && ap.subtract(as).compareTo(bp.subtract(bs)) >= 0);
        }
        if (a.args.isEmpty()) {
            return Optional.of(true); // a length or precision dropped: unbounded, or the type's maximum
        }
        if (b.args.isEmpty() || b.args.size() != a.args.size()) {
            return Optional.of(false);
        }
        for (int i = 0; i < a.args.size(); i++) {
            if (a.args.get(i).compareTo(b.args.get(i)) < 0) {
                return Optional.of(false);
            }
        }
        return Optional.of(true);
    }

    private static String lower(String s) {
        return s.trim().toLowerCase(Locale.ROOT);
    }
}
