package dev.assay.suite;

import dev.assay.error.AssayException;
import dev.assay.model.ExpectationOptions;
import dev.assay.model.ExpectationType;
import dev.assay.model.KwargReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link KwargReader} that answers with placeholders and records every call: which key, which type,
 * required or not. Running a type's reader through it yields the type's kwarg schema.
 *
 * <p>Optional accessors answer empty and required ones a small valid-looking value. When a reader
 * rejects a placeholder string ({@code max_age: "x"} is not a duration) before it has read every key,
 * the type is read again with the next placeholder for that key, and the keys of all runs are merged.
 * Not thread-safe.
 */
final class RecordingKwargReader implements KwargReader {
    private static final List<String> STRING_PLACEHOLDERS = List.of("x", "1h", "2024-01-01T00:00:00Z", "1");
    private static final int MAX_RUNS = 16;

    private final String path;
    private final Run run;
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    private RecordingKwargReader(String path, Run run) {
        this.path = path;
        this.run = run;
    }

    /** The kwargs {@code type}'s reader asks for, in the order it asks (shared options excluded). */
    static List<KwargSpec> record(ExpectationType type) {
        Map<String, Integer> choices = new HashMap<>();
        Map<String, KwargSpec> merged = new LinkedHashMap<>();
        for (int i = 0; i < MAX_RUNS; i++) {
            Run run = new Run(choices);
            RecordingKwargReader reader = new RecordingKwargReader("", run);
            Rejected rejected = null;
            try {
                type.reader().read(reader, ExpectationOptions.DEFAULT);
            } catch (Rejected e) {
                rejected = e;
            } catch (AssayException | IllegalArgumentException e) {
                // Placeholders need not make a valid expectation (min <= max, a known type name):
                // the reads made before the constructor ran are what count.
            }
            merge(merged, reader.specs());
            if (rejected == null || !run.nextPlaceholder(rejected.key)) {
                break;
            }
        }
        return List.copyOf(merged.values());
    }

    private static void merge(Map<String, KwargSpec> into, List<KwargSpec> specs) {
        for (KwargSpec spec : specs) {
            KwargSpec old = into.get(spec.key());
            if (old == null) {
                into.put(spec.key(), spec);
            } else {
                Map<String, KwargSpec> fields = new LinkedHashMap<>();
                merge(fields, old.fields());
                merge(fields, spec.fields());
                into.put(
                        spec.key(),
                        new KwargSpec(
                                old.key(),
                                old.type(),
                                old.required() || spec.required(),
                                old.defaultValue(),
                                List.copyOf(fields.values())));
            }
        }
    }

    private List<KwargSpec> specs() {
        List<KwargSpec> specs = new ArrayList<>();
        entries.forEach((key, e) -> specs.add(
                new KwargSpec(key, e.type, e.required, e.defaultValue, e.child == null ? List.of() : e.child.specs())));
        return specs;
    }

    private Entry record(String key, KwargType type, boolean required, Optional<Object> defaultValue) {
        Entry entry = entries.computeIfAbsent(key, k -> new Entry(type, defaultValue));
        entry.required |= required;
        if (type == KwargType.STRING && required) {
            run.strings.add(path + key);
        }
        return entry;
    }

    @Override
    public String string(String key) {
        record(key, KwargType.STRING, true, Optional.empty());
        return STRING_PLACEHOLDERS.get(run.choices.getOrDefault(path + key, 0));
    }

    @Override
    public Optional<String> optionalString(String key) {
        record(key, KwargType.STRING, false, Optional.empty());
        return Optional.empty();
    }

    @Override
    public Object value(String key) {
        record(key, KwargType.SCALAR, true, Optional.empty());
        return 1L;
    }

    @Override
    public Optional<Object> optionalValue(String key) {
        record(key, KwargType.SCALAR, false, Optional.empty());
        return Optional.empty();
    }

    @Override
    public boolean flag(String key, boolean defaultValue) {
        record(key, KwargType.BOOLEAN, false, Optional.of(defaultValue));
        return defaultValue;
    }

    @Override
    public double number(String key) {
        record(key, KwargType.NUMBER, true, Optional.empty());
        return 1.0;
    }

    @Override
    public Optional<Double> optionalNumber(String key) {
        record(key, KwargType.NUMBER, false, Optional.empty());
        return Optional.empty();
    }

    @Override
    public long integer(String key) {
        record(key, KwargType.INTEGER, true, Optional.empty());
        return 1L;
    }

    @Override
    public Optional<Long> optionalInteger(String key) {
        record(key, KwargType.INTEGER, false, Optional.empty());
        return Optional.empty();
    }

    @Override
    public List<String> strings(String key) {
        record(key, KwargType.STRINGS, true, Optional.empty());
        return List.of("x");
    }

    @Override
    public Optional<List<String>> optionalStrings(String key) {
        record(key, KwargType.STRINGS, false, Optional.empty());
        return Optional.empty();
    }

    @Override
    public List<Object> values(String key) {
        record(key, KwargType.SCALARS, true, Optional.empty());
        return List.of(0L);
    }

    @Override
    public Optional<List<Object>> optionalValues(String key) {
        record(key, KwargType.SCALARS, false, Optional.empty());
        return Optional.empty();
    }

    @Override
    public KwargReader object(String key) {
        Entry entry = record(key, KwargType.OBJECT, true, Optional.empty());
        if (entry.child == null) {
            entry.child = new RecordingKwargReader(path + key + ".", run);
        }
        return entry.child;
    }

    @Override
    public List<List<Object>> valueLists(String key) {
        record(key, KwargType.SCALAR_LISTS, true, Optional.empty());
        // One open range, pairing with the one placeholder value of values().
        return List.of(Arrays.asList(null, null));
    }

    @Override
    public RuntimeException invalid(String key, String problem) {
        return new Rejected(path + key);
    }

    private static final class Entry {
        final KwargType type;
        final Optional<Object> defaultValue;
        boolean required;
        RecordingKwargReader child;

        Entry(KwargType type, Optional<Object> defaultValue) {
            this.type = type;
            this.defaultValue = defaultValue;
        }
    }

    /** One run of a type's reader: the placeholder chosen per string key, shared across runs. */
    private static final class Run {
        final Map<String, Integer> choices;
        final Set<String> strings = new HashSet<>();

        Run(Map<String, Integer> choices) {
            this.choices = choices;
        }

        /** Picks the next placeholder for {@code key}; false when it is no string or none is left. */
        boolean nextPlaceholder(String key) {
            int next = choices.getOrDefault(key, 0) + 1;
            if (!strings.contains(key) || next >= STRING_PLACEHOLDERS.size()) {
                return false;
            }
            choices.put(key, next);
            return true;
        }
    }

    /** A reader rejected a placeholder. */
    private static final class Rejected extends RuntimeException {
        private static final long serialVersionUID = 1L;

        final String key;

        Rejected(String key) {
            super(key, null, false, false);
            this.key = key;
        }
    }
}
