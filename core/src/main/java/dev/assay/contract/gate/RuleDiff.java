package dev.assay.contract.gate;

import dev.assay.contract.LogicalTypeOptions;
import dev.assay.contract.QualityRule;
import dev.assay.contract.Threshold;
import dev.assay.contract.gate.Change.Severity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Classifies changes of quality rules and logical type options: tightened is breaking, loosened a warning. */
final class RuleDiff {
    private RuleDiff() {}

    /** The rules of one owner (an object or a property), paired by name, else by kind, in order. */
    static void rules(Changes out, String owner, List<QualityRule> before, List<QualityRule> after) {
        List<QualityRule> left = new ArrayList<>(before);
        List<QualityRule> right = new ArrayList<>(after);
        List<QualityRule[]> pairs = new ArrayList<>();
        for (QualityRule b : before) {
            if (b.name().isEmpty()) {
                continue;
            }
            right.stream().filter(a -> a.name().equals(b.name())).findFirst().ifPresent(a -> {
                pairs.add(new QualityRule[] {b, a});
                left.remove(b);
                right.remove(a);
            });
        }
        for (QualityRule b : List.copyOf(left)) {
            right.stream()
                    .filter(a -> (a.name().isEmpty() || b.name().isEmpty()) && kind(a).equals(kind(b)))
                    .findFirst()
                    .ifPresent(a -> {
                        pairs.add(new QualityRule[] {b, a});
                        left.remove(b);
                        right.remove(a);
                    });
        }
        for (QualityRule b : left) {
            out.removed(b.path(), Severity.WARNING, owner + ": rule '" + b.label() + "' removed (loosened)");
        }
        for (QualityRule[] p : pairs) {
            rule(out, owner, p[0], p[1]);
        }
        for (QualityRule a : right) {
            out.add(
                    a.path(),
                    Severity.BREAKING,
                    owner + ": rule '" + a.label() + "' added; data written before may not meet it");
        }
    }

    /** What identifies a rule without a name: its type, metric, query, engine and key columns. */
    private static String kind(QualityRule r) {
        return r.type() + "|" + r.metric().orElse("") + "|" + r.query().orElse("") + "|"
                + r.engine().orElse("") + "|" + r.propertiesArgument();
    }

    private static void rule(Changes out, String owner, QualityRule b, QualityRule a) {
        String what = owner + ": rule '" + a.label() + "'";
        String path = a.path();
        boolean sameUnit = unit(b).equals(unit(a));
        if (!sameUnit) {
            // Counts and percents do not compare: the unit change is breaking, whatever the numbers did.
            out.add(
                    path,
                    Severity.BREAKING,
                    what + ": unit changed from " + unit(b) + " to " + unit(a)
                            + b.threshold()
                                    .map(t -> " (threshold was " + t.describe() + ")")
                                    .orElse(""));
        } else if (!b.threshold().equals(a.threshold())) {
            if (b.threshold().isEmpty()) {
                out.add(
                        path,
                        Severity.BREAKING,
                        what + ": threshold " + a.threshold().get().describe() + " added");
            } else if (a.threshold().isEmpty()) {
                out.add(
                        path,
                        Severity.WARNING,
                        what + ": threshold " + b.threshold().get().describe() + " removed");
            } else {
                threshold(out, path, what, b.threshold().get(), a.threshold().get());
            }
        }
        if (!b.query().equals(a.query())) {
            out.add(path, Severity.BREAKING, what + ": query changed");
        }
        if (!b.implementation().equals(a.implementation()) || !b.engine().equals(a.engine())) {
            out.add(path, Severity.BREAKING, what + ": implementation changed");
        }
        arguments(out, path, what, b, a);
        boolean wasBlocking = blocking(b.severity());
        boolean isBlocking = blocking(a.severity());
        if (wasBlocking != isBlocking) {
            out.add(
                    path,
                    isBlocking ? Severity.BREAKING : Severity.WARNING,
                    what + ": severity changed from " + b.severity().orElse("(none)") + " to "
                            + a.severity().orElse("(none)")
                            + (isBlocking
                                    ? "; a failure now breaks the contract"
                                    : "; a failure is now only a warning"));
        } else if (!b.severity().equals(a.severity())) {
            out.add(
                    path,
                    Severity.INFO,
                    what + ": severity changed from " + b.severity().orElse("(none)") + " to "
                            + a.severity().orElse("(none)"));
        }
        info(out, path, what, "name", b.name(), a.name());
        info(out, path, what, "description", b.description(), a.description());
        info(out, path, what, "dimension", b.dimension(), a.dimension());
        info(out, path, what, "businessImpact", b.businessImpact(), a.businessImpact());
    }

    private static void info(
            Changes out, String path, String what, String key, Optional<String> b, Optional<String> a) {
        if (!b.equals(a)) {
            out.add(path, Severity.INFO, what + ": " + key + " changed");
        }
    }

    private static String unit(QualityRule r) {
        String u = r.unit().map(s -> s.trim().toLowerCase(Locale.ROOT)).orElse("rows");
        return u.equals("row") ? "rows" : u.equals("%") ? "percent" : u;
    }

    private static boolean blocking(Optional<String> severity) {
        String s = severity.map(x -> x.toLowerCase(Locale.ROOT)).orElse("error");
        return !s.equals("info") && !s.equals("warning") && !s.equals("warn");
    }

    private static void arguments(Changes out, String path, String what, QualityRule b, QualityRule a) {
        Set<String> keys = new TreeSet<>(b.arguments().keySet());
        keys.addAll(a.arguments().keySet());
        for (String key : keys) {
            Object before = b.arguments().get(key);
            Object after = a.arguments().get(key);
            if (Objects.equals(before, after)) {
                continue;
            }
            String change = what + ": argument " + key;
            if ((key.equals("validValues") || key.equals("missingValues"))
                    && before instanceof List<?>
                    && after instanceof List<?>) {
                Set<String> bs = strings((List<?>) before);
                Set<String> as = strings((List<?>) after);
                // Fewer valid values, or more values counted as missing, let fewer rows pass.
                boolean fewer = bs.containsAll(as);
                boolean more = as.containsAll(bs);
                boolean tighter = key.equals("validValues") ? fewer && !more : more && !fewer;
                boolean looser = key.equals("validValues") ? more && !fewer : fewer && !more;
                if (looser) {
                    out.add(path, Severity.WARNING, change + " loosened from " + bs + " to " + as);
                } else if (tighter || !bs.equals(as)) {
                    out.add(
                            path,
                            Severity.BREAKING,
                            change + (tighter ? " tightened" : " changed") + " from " + bs + " to " + as);
                }
            } else if (after == null) {
                out.add(path, Severity.WARNING, change + " removed");
            } else {
                out.add(path, Severity.BREAKING, change + (before == null ? " added" : " changed"));
            }
        }
    }

    private static Set<String> strings(List<?> list) {
        Set<String> s = new TreeSet<>();
        list.forEach(o -> s.add(String.valueOf(o)));
        return s;
    }

    /**
     * Compares what two thresholds let pass. Their operands cut the number line into pieces on which each
     * threshold is constant; testing every operand, a point just beside each and points beyond both ends
     * covers every piece.
     */
    static void threshold(Changes out, String path, String what, Threshold b, Threshold a) {
        String shown = " from " + b.describe() + " to " + a.describe();
        TreeSet<BigDecimal> cuts = new TreeSet<>();
        boolean numeric = true;
        for (Threshold t : List.of(b, a)) {
            for (Threshold.Condition c : t.conditions()) {
                for (Object o : c.operands()) {
                    if (o instanceof Number) {
                        cuts.add(new BigDecimal(o.toString()).stripTrailingZeros());
                    } else {
                        numeric = false;
                    }
                }
            }
        }
        if (!numeric) {
            out.add(path, Severity.BREAKING, what + ": threshold changed" + shown);
            return;
        }
        boolean tighter = false;
        boolean looser = false;
        for (BigDecimal v : Threshold.probes(cuts)) {
            boolean was = b.test(v);
            boolean is = a.test(v);
            tighter |= was && !is;
            looser |= is && !was;
        }
        if (tighter) {
            out.add(path, Severity.BREAKING, what + ": threshold " + (looser ? "changed" : "tightened") + shown);
        } else if (looser) {
            out.add(path, Severity.WARNING, what + ": threshold loosened" + shown);
        } else {
            out.add(path, Severity.INFO, what + ": threshold rewritten with the same meaning" + shown);
        }
    }

    /** Changes of a property's logicalTypeOptions. */
    static void options(Changes out, String path, String what, LogicalTypeOptions b, LogicalTypeOptions a) {
        String p = path + ".logicalTypeOptions";
        bound(
                out,
                p + ".minimum",
                what + ": minimum",
                b.minimum(),
                b.minimumExclusive(),
                a.minimum(),
                a.minimumExclusive(),
                true);
        bound(
                out,
                p + ".maximum",
                what + ": maximum",
                b.maximum(),
                b.maximumExclusive(),
                a.maximum(),
                a.maximumExclusive(),
                false);
        bound(
                out,
                p + ".minLength",
                what + ": minLength",
                b.minLength().map(x -> (Object) x),
                false,
                a.minLength().map(x -> (Object) x),
                false,
                true);
        bound(
                out,
                p + ".maxLength",
                what + ": maxLength",
                b.maxLength().map(x -> (Object) x),
                false,
                a.maxLength().map(x -> (Object) x),
                false,
                false);
        exact(out, p + ".pattern", what + ": pattern", b.pattern(), a.pattern());
        exact(out, p + ".format", what + ": format", b.format(), a.format());
        exact(out, p + ".timezone", what + ": timezone", b.timezone(), a.timezone());
        Set<String> keys = new TreeSet<>(b.others().keySet());
        keys.addAll(a.others().keySet());
        for (String key : keys) {
            exact(
                    out,
                    p + "." + key,
                    what + ": " + key,
                    Optional.ofNullable(b.others().get(key)),
                    Optional.ofNullable(a.others().get(key)));
        }
    }

    /** Added or changed: breaking (values that met it may not); removed: a warning. */
    private static void exact(Changes out, String path, String what, Optional<?> b, Optional<?> a) {
        if (b.equals(a)) {
            return;
        }
        if (a.isEmpty()) {
            out.add(path, Severity.WARNING, what + " " + b.get() + " removed (loosened)");
        } else {
            out.add(
                    path,
                    Severity.BREAKING,
                    what + (b.isEmpty() ? " " + a.get() + " added" : " changed from " + b.get() + " to " + a.get()));
        }
    }

    private static void bound(
            Changes out,
            String path,
            String what,
            Optional<Object> b,
            boolean bExclusive,
            Optional<Object> a,
            boolean aExclusive,
            boolean lower) {
        if (b.equals(a) && bExclusive == aExclusive) {
            return;
        }
        if (b.isEmpty()) {
            out.add(path, Severity.BREAKING, what + " " + show(a.get(), aExclusive) + " added");
            return;
        }
        if (a.isEmpty()) {
            out.add(path, Severity.WARNING, what + " " + show(b.get(), bExclusive) + " removed (loosened)");
            return;
        }
        String shown = " from " + show(b.get(), bExclusive) + " to " + show(a.get(), aExclusive);
        Integer c = compare(b.get(), a.get());
        if (c == null) {
            out.add(path, Severity.BREAKING, what + " changed" + shown);
            return;
        }
        // c > 0: the new bound is smaller. A lower bound moving up, or an upper bound moving down, is inward.
        int inward = c == 0 ? Boolean.compare(aExclusive, bExclusive) : lower ? -c : c;
        out.add(
                path,
                inward > 0 ? Severity.BREAKING : Severity.WARNING,
                what + (inward > 0 ? " tightened" : " loosened") + shown);
    }

    /** Numbers by value, dates and times of one shape as text; null when they cannot be compared. */
    private static Integer compare(Object x, Object y) {
        if (x instanceof Number && y instanceof Number) {
            return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString()));
        }
        if (x instanceof String && y instanceof String && ((String) x).length() == ((String) y).length()) {
            return Integer.signum(((String) x).compareTo((String) y));
        }
        return null;
    }

    private static String show(Object bound, boolean exclusive) {
        return bound + (exclusive ? " (exclusive)" : "");
    }
}
