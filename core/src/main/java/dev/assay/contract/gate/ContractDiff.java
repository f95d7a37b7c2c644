package dev.assay.contract.gate;

import static java.util.Objects.requireNonNull;

import dev.assay.contract.ContractServer;
import dev.assay.contract.DataContract;
import dev.assay.contract.Relationship;
import dev.assay.contract.SchemaObject;
import dev.assay.contract.SchemaProperty;
import dev.assay.contract.SlaProperty;
import dev.assay.contract.gate.Change.Severity;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Classifies every change between two versions of a contract as {@linkplain Severity#BREAKING breaking},
 * {@linkplain Severity#WARNING a warning} or {@linkplain Severity#INFO info}. Objects and properties are
 * matched by name, so a rename is a removal (breaking) plus an addition. Stateless and thread-safe.
 *
 * <ul>
 *   <li>breaking: a removed object or property; a changed {@code physicalName}; a narrowed logical or physical
 *       type ({@code number} to {@code integer}, {@code varchar(100)} to {@code varchar(50)}, lower decimal
 *       precision); optional to required; {@code unique} or {@code primaryKey} added; an added required
 *       property; a rule added, or tightened (bounds moved inward, {@code mustBe} changed, fewer valid values,
 *       severity raised to error); a relationship added; a latency SLA added or shortened
 *   <li>warning: a widened type; required to optional; {@code unique}/{@code primaryKey} dropped; a rule
 *       loosened or removed; any server change; other SLA changes
 *   <li>info: an added object or optional property; metadata (version, status, name, descriptions, tags and
 *       everything else that is not checked)
 * </ul>
 *
 * <pre>{@code
 * List<Change> changes = ContractDiff.diff(
 *         ContractVersion.resolve("contracts/orders.odcs.yaml@main", dir),
 *         ContractVersion.resolve("contracts/orders.odcs.yaml", dir));
 * boolean breaking = changes.stream().anyMatch(c -> c.severity() == Change.Severity.BREAKING);
 * }</pre>
 */
public final class ContractDiff {
    private static final Set<String> LATENCY = Set.of("latency", "ly", "freshness");

    private final Changes out;

    private ContractDiff(Changes out) {
        this.out = out;
    }

    /**
     * The changes from {@code before} to {@code after} of everything the contract model holds: objects,
     * properties, types, constraints, quality rules, relationships, servers, SLA and the top-level metadata.
     *
     * @return the changes, in document order; empty when nothing the model holds changed
     */
    public static List<Change> diff(DataContract before, DataContract after) {
        requireNonNull(before, "before is null");
        requireNonNull(after, "after is null");
        Changes out = new Changes(before, after);
        new ContractDiff(out).contracts(before, after);
        return out.list();
    }

    /**
     * As {@link #diff(DataContract, DataContract)}, plus every change of the text the model does not hold
     * (descriptions of properties, tags, custom properties, team, ...), each as info.
     */
    public static List<Change> diff(ContractVersion before, ContractVersion after) {
        requireNonNull(before, "before is null");
        requireNonNull(after, "after is null");
        Changes out = new Changes(before.contract(), after.contract());
        new ContractDiff(out).contracts(before.contract(), after.contract());
        MetadataDiff.diff(out, before, after);
        return out.list();
    }

    private void contracts(DataContract b, DataContract a) {
        for (String[] f : new String[][] {
            {"apiVersion", b.apiVersion(), a.apiVersion()},
            {"id", b.id(), a.id()},
            {"version", b.version(), a.version()},
            {"status", b.status(), a.status()},
            {"name", b.name().orElse(""), a.name().orElse("")},
            {"domain", b.domain().orElse(""), a.domain().orElse("")},
            {"dataProduct", b.dataProduct().orElse(""), a.dataProduct().orElse("")}
        }) {
            if (!f[1].equals(f[2])) {
                out.add(f[0], Severity.INFO, f[0] + " changed from '" + f[1] + "' to '" + f[2] + "'");
            }
        }
        for (SchemaObject o : b.schema()) {
            Optional<SchemaObject> match = byName(a.schema(), o.name());
            if (match.isEmpty()) {
                out.removed(
                        o.path(),
                        Severity.BREAKING,
                        "object '" + o.name() + "' removed (a rename is a removal plus an addition)");
            } else {
                object(o, match.get());
            }
        }
        for (SchemaObject o : a.schema()) {
            if (byName(b.schema(), o.name()).isEmpty()) {
                out.add(o.path(), Severity.INFO, "object '" + o.name() + "' added");
            }
        }
        servers(b.servers(), a.servers());
        sla(b, a);
    }

    private static Optional<SchemaObject> byName(List<SchemaObject> objects, String name) {
        return objects.stream().filter(o -> o.name().equals(name)).findFirst();
    }

    private void object(SchemaObject b, SchemaObject a) {
        String what = "object '" + a.name() + "'";
        if (!b.table().equals(a.table())) {
            out.add(
                    a.path(),
                    Severity.BREAKING,
                    what + ": physicalName changed from '" + b.table() + "' to '" + a.table() + "'; readers of '"
                            + b.table() + "' break");
        }
        if (!b.physicalType().equals(a.physicalType())) {
            out.add(
                    a.path(),
                    Severity.WARNING,
                    what + ": physicalType changed from " + b.physicalType().orElse("(none)") + " to "
                            + a.physicalType().orElse("(none)"));
        }
        if (!b.description().equals(a.description())) {
            out.add(a.path(), Severity.INFO, what + ": description changed");
        }
        properties(a.name(), b.properties(), a.properties());
        RuleDiff.rules(out, what, b.quality(), a.quality());
        relationships(what, a.path(), b.relationships(), a.relationships());
    }

    private void properties(String owner, List<SchemaProperty> before, List<SchemaProperty> after) {
        for (SchemaProperty p : before) {
            Optional<SchemaProperty> match = propertyNamed(after, p.name());
            if (match.isEmpty()) {
                out.removed(
                        p.path(),
                        Severity.BREAKING,
                        "property '" + owner + "." + p.name() + "' removed (a rename is a removal plus an addition)");
            } else {
                property(owner, p, match.get());
            }
        }
        for (SchemaProperty p : after) {
            if (propertyNamed(before, p.name()).isEmpty()) {
                if (p.required() || p.primaryKey()) {
                    out.add(
                            p.path(),
                            Severity.BREAKING,
                            "required property '" + owner + "." + p.name() + "' added; data written before lacks it");
                } else {
                    out.add(p.path(), Severity.INFO, "optional property '" + owner + "." + p.name() + "' added");
                }
            }
        }
    }

    private static Optional<SchemaProperty> propertyNamed(List<SchemaProperty> properties, String name) {
        return properties.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    private void property(String owner, SchemaProperty b, SchemaProperty a) {
        String what = "property '" + owner + "." + a.name() + "'";
        String path = a.path();
        if (!b.column().equals(a.column())) {
            out.add(
                    path,
                    Severity.BREAKING,
                    what + ": column renamed from '" + b.column() + "' to '" + a.column() + "' (physicalName)");
        }
        TypeDiff.logical(b.logicalType(), a.logicalType())
                .ifPresent(v -> out.add(path + ".logicalType", v.severity(), what + ": " + v.what()));
        TypeDiff.physical(b.physicalType(), a.physicalType())
                .ifPresent(v -> out.add(path + ".physicalType", v.severity(), what + ": " + v.what()));
        flag(
                path + ".required",
                what,
                "required",
                b.required(),
                a.required(),
                "optional to required",
                "required to optional");
        flag(path + ".unique", what, "unique", b.unique(), a.unique(), "unique added", "unique removed");
        flag(
                path + ".primaryKey",
                what,
                "primaryKey",
                b.primaryKey(),
                a.primaryKey(),
                "primaryKey added",
                "primaryKey removed");
        if (b.primaryKey() && a.primaryKey() && b.primaryKeyPosition() != a.primaryKeyPosition()) {
            out.add(
                    path + ".primaryKeyPosition",
                    Severity.WARNING,
                    what + ": primaryKeyPosition changed from " + b.primaryKeyPosition() + " to "
                            + a.primaryKeyPosition());
        }
        RuleDiff.options(out, path, what, b.options(), a.options());
        RuleDiff.rules(out, what, b.quality(), a.quality());
        relationships(what, path, b.relationships(), a.relationships());
        properties(owner + "." + a.name(), b.properties(), a.properties());
        if (b.items().isPresent() && a.items().isPresent()) {
            property(owner + "." + a.name(), b.items().get(), a.items().get());
        } else if (b.items().isPresent() != a.items().isPresent()) {
            out.add(path, Severity.WARNING, what + ": items " + (a.items().isPresent() ? "added" : "removed"));
        }
    }

    private void flag(String path, String what, String key, boolean b, boolean a, String tightened, String loosened) {
        if (b == a) {
            return;
        }
        if (a) {
            out.add(path, Severity.BREAKING, what + ": " + tightened);
        } else {
            out.add(path, Severity.WARNING, what + ": " + loosened);
        }
    }

    private void relationships(String what, String path, List<Relationship> before, List<Relationship> after) {
        for (Relationship r : before) {
            if (after.stream().noneMatch(x -> same(x, r))) {
                out.removed(
                        r.path(), Severity.WARNING, what + ": relationship " + r.from() + " -> " + r.to() + " removed");
            }
        }
        for (Relationship r : after) {
            if (before.stream().noneMatch(x -> same(x, r))) {
                out.add(
                        r.path(),
                        Severity.BREAKING,
                        what + ": relationship " + r.from() + " -> " + r.to()
                                + " added; existing rows may not meet it");
            }
        }
    }

    private static boolean same(Relationship x, Relationship y) {
        return x.from().equals(y.from()) && x.to().equals(y.to()) && x.type().equals(y.type());
    }

    private void servers(List<ContractServer> before, List<ContractServer> after) {
        for (ContractServer s : before) {
            Optional<ContractServer> match =
                    after.stream().filter(x -> x.server().equals(s.server())).findFirst();
            if (match.isEmpty()) {
                out.removed(s.path(), Severity.WARNING, "server '" + s.server() + "' removed");
                continue;
            }
            Map<String, Object> b = fields(s);
            Map<String, Object> a = fields(match.get());
            for (String key : b.keySet()) {
                if (!Objects.equals(b.get(key), a.get(key))) {
                    out.add(
                            match.get().path(),
                            Severity.WARNING,
                            "server '" + s.server() + "': " + key + " changed from " + show(b.get(key)) + " to "
                                    + show(a.get(key)));
                }
            }
        }
        for (ContractServer s : after) {
            if (before.stream().noneMatch(x -> x.server().equals(s.server()))) {
                out.add(s.path(), Severity.WARNING, "server '" + s.server() + "' added");
            }
        }
    }

    private static Map<String, Object> fields(ContractServer s) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("type", s.type());
        f.put("environment", s.environment());
        f.put("description", s.description());
        f.put("host", s.host());
        f.put("port", s.port());
        f.put("database", s.database());
        f.put("schema", s.schema());
        f.put("catalog", s.catalog());
        f.put("serviceName", s.serviceName());
        f.put("account", s.account());
        f.put("warehouse", s.warehouse());
        f.put("location", s.location());
        f.put("path", s.filePath());
        f.put("format", s.format());
        f.put("delimiter", s.delimiter());
        f.put("endpointUrl", s.endpointUrl());
        f.put("region", s.region());
        return f;
    }

    private static String show(Object value) {
        Object v = value instanceof Optional<?> ? ((Optional<?>) value).orElse(null) : value;
        return v == null ? "(none)" : "'" + v + "'";
    }

    private void sla(DataContract b, DataContract a) {
        if (!b.slaDefaultElement().equals(a.slaDefaultElement())) {
            out.add(
                    "slaDefaultElement",
                    Severity.WARNING,
                    "slaDefaultElement changed from " + show(b.slaDefaultElement()) + " to "
                            + show(a.slaDefaultElement()));
        }
        for (SlaProperty s : b.slaProperties()) {
            Optional<SlaProperty> match = a.slaProperties().stream()
                    .filter(x -> key(x).equals(key(s)))
                    .findFirst();
            if (match.isEmpty()) {
                out.removed(s.path(), Severity.WARNING, "SLA " + describe(s) + " removed");
            } else if (!s.value().equals(match.get().value())
                    || !s.unit().equals(match.get().unit())) {
                SlaProperty m = match.get();
                String change = "SLA " + s.property() + ": changed from " + value(s) + " to " + value(m);
                Optional<Integer> c =
                        s.unit().equals(m.unit()) ? numericCompare(s.value(), m.value()) : Optional.empty();
                boolean shorter = LATENCY.contains(s.property().toLowerCase(Locale.ROOT)) && c.orElse(0) > 0;
                boolean unknown = LATENCY.contains(s.property().toLowerCase(Locale.ROOT)) && c.isEmpty();
                out.add(
                        m.path(),
                        shorter || unknown ? Severity.BREAKING : Severity.WARNING,
                        change + (shorter ? " (tightened)" : ""));
            }
        }
        for (SlaProperty s : a.slaProperties()) {
            if (b.slaProperties().stream().noneMatch(x -> key(x).equals(key(s)))) {
                boolean checked = LATENCY.contains(s.property().toLowerCase(Locale.ROOT));
                out.add(
                        s.path(),
                        checked ? Severity.BREAKING : Severity.WARNING,
                        "SLA " + describe(s) + " added" + (checked ? "; data written before may not meet it" : ""));
            }
        }
    }

    private static String key(SlaProperty s) {
        return s.property().toLowerCase(Locale.ROOT) + "|" + s.element().orElse("");
    }

    private static String describe(SlaProperty s) {
        return s.property() + " " + value(s) + s.element().map(e -> " on " + e).orElse("");
    }

    private static String value(SlaProperty s) {
        return s.value().map(String::valueOf).orElse("null")
                + s.unit().map(u -> " " + u).orElse("");
    }

    private static Optional<Integer> numericCompare(Optional<Object> b, Optional<Object> a) {
        if (b.isPresent() && a.isPresent() && b.get() instanceof Number && a.get() instanceof Number) {
            return Optional.of(new BigDecimal(b.get().toString())
                    .compareTo(new BigDecimal(a.get().toString())));
        }
        return Optional.empty();
    }
}
