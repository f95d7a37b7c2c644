package dev.assay.model;

import static java.util.Objects.requireNonNull;

import dev.assay.error.InvalidExpectationException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The options every expectation shares. Immutable.
 *
 * @param mostly the share of non-null rows that must pass, in [0, 1]; only row-by-row expectations use
 *     it (default 1.0)
 * @param rowFilter the rows the expectation sees ({@code row_condition}), never null
 * @param resultFormat the detail of this expectation's result; empty to use the validation's default
 * @param catchExceptions true (default) to turn an error while evaluating into an errored result;
 *     false to let it end the validation
 * @param meta free-form metadata kept with the expectation, never null
 * @param notes free-form notes (Markdown), or empty
 * @param id an identifier kept when a suite is read and written back, or empty
 */
public record ExpectationOptions(
        double mostly,
        RowFilter rowFilter,
        Optional<ResultFormat> resultFormat,
        boolean catchExceptions,
        Map<String, Object> meta,
        Optional<String> notes,
        Optional<String> id) {
    /** The defaults: mostly 1.0, no row filter, the validation's result format, exceptions caught. */
    public static final ExpectationOptions DEFAULT = new ExpectationOptions(
            1.0, RowFilter.none(), Optional.empty(), true, Map.of(), Optional.empty(), Optional.empty());

    public ExpectationOptions {
        if (!(mostly >= 0.0 && mostly <= 1.0)) {
            throw new InvalidExpectationException("mostly must be between 0 and 1, got " + mostly);
        }
        requireNonNull(rowFilter, "rowFilter is null");
        requireNonNull(resultFormat, "resultFormat is null");
        meta = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(meta, "meta is null")));
        requireNonNull(notes, "notes is null");
        requireNonNull(id, "id is null");
    }

    public ExpectationOptions withMostly(double value) {
        return new ExpectationOptions(value, rowFilter, resultFormat, catchExceptions, meta, notes, id);
    }

    public ExpectationOptions withRowFilter(RowFilter value) {
        return new ExpectationOptions(mostly, value, resultFormat, catchExceptions, meta, notes, id);
    }

    public ExpectationOptions withResultFormat(ResultFormat value) {
        return new ExpectationOptions(mostly, rowFilter, Optional.of(value), catchExceptions, meta, notes, id);
    }

    public ExpectationOptions withCatchExceptions(boolean value) {
        return new ExpectationOptions(mostly, rowFilter, resultFormat, value, meta, notes, id);
    }

    public ExpectationOptions withMeta(Map<String, Object> value) {
        return new ExpectationOptions(mostly, rowFilter, resultFormat, catchExceptions, value, notes, id);
    }

    public ExpectationOptions withNotes(String value) {
        return new ExpectationOptions(mostly, rowFilter, resultFormat, catchExceptions, meta, Optional.of(value), id);
    }

    public ExpectationOptions withId(String value) {
        return new ExpectationOptions(
                mostly, rowFilter, resultFormat, catchExceptions, meta, notes, Optional.of(value));
    }
}
