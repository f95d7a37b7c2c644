package dev.assay.contract;

import dev.assay.model.Expectation;
import dev.assay.model.ExpectationSuite;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The suite of one object being built: expectations with their contract meta, without repeats. Not thread-safe. */
final class SuiteTarget {
    private final DataContract contract;
    private final SchemaObject object;
    private final List<Expectation> expectations = new ArrayList<>();
    private final Set<String> added = new HashSet<>();

    SuiteTarget(DataContract contract, SchemaObject object) {
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
