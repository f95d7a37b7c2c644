package dev.assay.suite;

import dev.assay.expectation.ExpectationCatalog;
import dev.assay.model.ExpectationType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The kwarg schema of every catalog type, recorded once by running each type's reader through a
 * {@link RecordingKwargReader}. Immutable and thread-safe.
 */
final class KwargSchemas {
    private KwargSchemas() {}

    /** The kwargs {@code type}'s own reader asks for (shared options excluded). */
    static List<KwargSpec> of(ExpectationType type) {
        List<KwargSpec> specs = Holder.BY_TYPE.get(type.name());
        return specs != null ? specs : RecordingKwargReader.record(type);
    }

    /** Built on first use, after the catalog's types are initialised. */
    private static final class Holder {
        static final Map<String, List<KwargSpec>> BY_TYPE = build();

        private static Map<String, List<KwargSpec>> build() {
            Map<String, List<KwargSpec>> map = new LinkedHashMap<>();
            for (ExpectationType type : ExpectationCatalog.types()) {
                map.put(type.name(), RecordingKwargReader.record(type));
            }
            return Map.copyOf(map);
        }
    }
}
