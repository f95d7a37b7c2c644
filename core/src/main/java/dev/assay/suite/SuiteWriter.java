package dev.assay.suite;

import dev.assay.model.Expectation;
import dev.assay.model.ExpectationOptions;
import dev.assay.model.ExpectationSuite;
import dev.assay.model.KwargWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a suite into plain maps and lists in GX 1.x shape, ready for Jackson. Thread-safe. */
final class SuiteWriter {
    private SuiteWriter() {}

    /** {@code {"name", "expectations": [...], "meta"}}; empty meta is left out. */
    static Map<String, Object> suite(ExpectationSuite suite) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", suite.name());
        List<Object> expectations = new ArrayList<>(suite.expectations().size());
        for (Expectation e : suite.expectations()) {
            expectations.add(expectation(e));
        }
        out.put("expectations", expectations);
        if (!suite.meta().isEmpty()) {
            out.put("meta", JsonTrees.writable(suite.meta()));
        }
        return out;
    }

    /** {@code {"type", "kwargs", "meta", "notes", "id"}}; empty parts are left out. */
    static Map<String, Object> expectation(Expectation expectation) {
        Map<String, Object> out = new LinkedHashMap<>();
        ExpectationOptions options = expectation.options();
        out.put("type", expectation.type().name());
        out.put("kwargs", kwargs(expectation));
        if (!options.meta().isEmpty()) {
            out.put("meta", JsonTrees.writable(options.meta()));
        }
        options.notes().ifPresent(n -> out.put("notes", n));
        options.id().ifPresent(id -> out.put("id", id));
        return out;
    }

    /** The type's own kwargs, then the shared options that differ from the defaults. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> kwargs(Expectation expectation) {
        KwargWriter writer = new KwargWriter();
        expectation.writeKwargs(writer);
        Map<String, Object> kwargs = new LinkedHashMap<>(writer.asMap());
        SharedKwargs.write(expectation.options(), expectation.type(), kwargs);
        return (Map<String, Object>) JsonTrees.writable(kwargs);
    }
}
