package dev.assay.expectation;

import static java.util.Objects.requireNonNull;

import dev.assay.error.InvalidExpectationException;
import dev.assay.model.Expectation;
import dev.assay.model.ExpectationOptions;
import dev.assay.model.ResultFormat;
import dev.assay.model.RowFilter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Expectations collected by a fluent builder, added to a suite together. Option methods
 * ({@link #mostly}, {@link #where}, {@link #resultFormat}, {@link #meta}, {@link #notes}) apply to the
 * expectation declared just before them. Not thread-safe.
 *
 * @param <SELF> the concrete builder, for chaining
 */
public abstract class ExpectationGroup<SELF extends ExpectationGroup<SELF>> {
    private final List<Expectation> expectations = new ArrayList<>();

    ExpectationGroup() {}

    @SuppressWarnings("unchecked")
    final SELF add(Expectation expectation) {
        expectations.add(requireNonNull(expectation, "expectation is null"));
        return (SELF) this;
    }

    @SuppressWarnings("unchecked")
    private SELF changeLast(String option, UnaryOperator<ExpectationOptions> change) {
        if (expectations.isEmpty()) {
            throw new InvalidExpectationException(
                    option + "() must follow an expectation, e.g. between(0, 6)." + option + "(...)");
        }
        int last = expectations.size() - 1;
        Expectation e = expectations.get(last);
        expectations.set(last, e.withOptions(change.apply(e.options())));
        return (SELF) this;
    }

    /** The expectations, in the order they were declared. */
    public final List<Expectation> expectations() {
        return List.copyOf(expectations);
    }

    /**
     * Lets the previous row-by-row expectation pass when at least this share of non-null rows is as
     * expected.
     */
    public final SELF mostly(double share) {
        if (!expectations.isEmpty()
                && !expectations.get(expectations.size() - 1).type().kind().isMap()) {
            throw new InvalidExpectationException("mostly applies to row-by-row expectations; "
                    + expectations.get(expectations.size() - 1).type().name() + " is "
                    + expectations.get(expectations.size() - 1).type().kind().gxName());
        }
        return changeLast("mostly", o -> o.withMostly(share));
    }

    /** Restricts the previous expectation to the rows a condition keeps ({@code row_condition}). */
    public final SELF where(RowFilter filter) {
        return changeLast("where", o -> o.withRowFilter(filter));
    }

    /** Sets the result format of the previous expectation. */
    public final SELF resultFormat(ResultFormat format) {
        return changeLast("resultFormat", o -> o.withResultFormat(format));
    }

    /** Adds a metadata entry to the previous expectation. */
    public final SELF meta(String key, Object value) {
        return changeLast("meta", o -> {
            Map<String, Object> meta = new LinkedHashMap<>(o.meta());
            meta.put(key, value);
            return o.withMeta(meta);
        });
    }

    /** Sets notes (Markdown) on the previous expectation. */
    public final SELF notes(String notes) {
        return changeLast("notes", o -> o.withNotes(notes));
    }
}
