package dev.assay.contract;

import java.util.ArrayList;
import java.util.List;

/** Compiles relationships into {@link ForeignKey}s, or not-executed entries naming what is wrong. */
final class RelationshipCompiler {
    private final DataContract contract;
    private final List<NotExecuted> notExecuted;
    private final List<ForeignKey> foreignKeys;

    RelationshipCompiler(DataContract contract, List<NotExecuted> notExecuted, List<ForeignKey> foreignKeys) {
        this.contract = contract;
        this.notExecuted = notExecuted;
        this.foreignKeys = foreignKeys;
    }

    void compile(SchemaObject object, Relationship r) {
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
}
