package dev.assay.suite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.expectation.ColumnQuantileValuesBetween;
import dev.assay.expectation.ColumnValuesBetween;
import dev.assay.expectation.ColumnValuesFresh;
import dev.assay.expectation.TableColumnsMatchSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecordingKwargReaderTest {
    private static KwargSpec spec(String key, KwargType type, boolean required) {
        return new KwargSpec(key, type, required, Optional.empty(), List.of());
    }

    @Test
    void records_key_type_and_requiredness_in_reading_order() {
        assertThat(RecordingKwargReader.record(ColumnValuesBetween.TYPE))
                .containsExactly(
                        spec("column", KwargType.STRING, true),
                        spec("min_value", KwargType.SCALAR, false),
                        spec("max_value", KwargType.SCALAR, false),
                        new KwargSpec("strict_min", KwargType.BOOLEAN, false, Optional.of(false), List.of()),
                        new KwargSpec("strict_max", KwargType.BOOLEAN, false, Optional.of(false), List.of()));
    }

    @Test
    void records_the_defaults_of_flags() {
        assertThat(RecordingKwargReader.record(TableColumnsMatchSet.TYPE))
                .containsExactly(
                        spec("column_set", KwargType.STRINGS, true),
                        new KwargSpec("exact_match", KwargType.BOOLEAN, false, Optional.of(true), List.of()));
    }

    @Test
    void records_the_fields_of_nested_objects() {
        assertThat(RecordingKwargReader.record(ColumnQuantileValuesBetween.TYPE))
                .containsExactly(
                        spec("column", KwargType.STRING, true),
                        new KwargSpec(
                                "quantile_ranges",
                                KwargType.OBJECT,
                                true,
                                Optional.empty(),
                                List.of(
                                        spec("quantiles", KwargType.SCALARS, true),
                                        spec("value_ranges", KwargType.SCALAR_LISTS, true))),
                        new KwargSpec("allow_relative_error", KwargType.BOOLEAN, false, Optional.of(false), List.of()));
    }

    @Test
    void retries_with_other_placeholders_when_a_reader_rejects_one_before_reading_every_key() {
        // max_age "x" is no duration; the reader stops before asking for 'now' until "1h" is tried.
        assertThat(RecordingKwargReader.record(ColumnValuesFresh.TYPE))
                .containsExactly(
                        spec("column", KwargType.STRING, true),
                        spec("max_age", KwargType.STRING, true),
                        spec("now", KwargType.STRING, false));
    }
}
