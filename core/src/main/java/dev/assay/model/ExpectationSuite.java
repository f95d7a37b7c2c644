package dev.assay.model;

import static java.util.Objects.requireNonNull;

import dev.assay.error.InvalidExpectationException;
import dev.assay.expectation.ColumnExpectations;
import dev.assay.expectation.ExpectationGroup;
import dev.assay.expectation.Expectations;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A named list of expectations, stored as JSON or YAML in GX shape. Immutable and thread-safe.
 *
 * <pre>{@code
 * ExpectationSuite suite = ExpectationSuite.named("trips")
 *     .expect(column("trip_id").notNull().unique())
 *     .expect(column("passenger_count").between(0, 6).mostly(0.999))
 *     .expect(table().rowCountBetween(900_000, 1_100_000))
 *     .build();
 * }</pre>
 *
 * @param name the suite's name, never null or blank
 * @param expectations the expectations, in order
 * @param meta free-form metadata, never null
 */
public record ExpectationSuite(String name, List<Expectation> expectations, Map<String, Object> meta) {
    public ExpectationSuite {
        requireNonNull(name, "name is null");
        if (name.isBlank()) {
            throw new InvalidExpectationException("suite name is blank");
        }
        expectations = List.copyOf(requireNonNull(expectations, "expectations is null"));
        meta = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(meta, "meta is null")));
    }

    /** Starts a suite. */
    public static Builder named(String name) {
        return new Builder(name);
    }

    /** Builds a suite; not thread-safe. */
    public static final class Builder {
        private final String name;
        private final List<Expectation> expectations = new ArrayList<>();
        private final Map<String, Object> meta = new LinkedHashMap<>();

        private Builder(String name) {
            this.name = requireNonNull(name, "name is null");
        }

        /** Adds one expectation. */
        public Builder expect(Expectation expectation) {
            expectations.add(requireNonNull(expectation, "expectation is null"));
            return this;
        }

        /** Adds every expectation a fluent builder collected ({@code column("a").notNull().unique()}). */
        public Builder expect(ExpectationGroup<?> group) {
            expectations.addAll(requireNonNull(group, "group is null").expectations());
            return this;
        }

        /** Adds the expectations on one column: {@code .column("amount", c -> c.notNull().meanBetween(1, 9))}. */
        public Builder column(String column, UnaryOperator<ColumnExpectations> expectations) {
            return expect(expectations.apply(Expectations.column(column)));
        }

        /** Adds a metadata entry. */
        public Builder meta(String key, Object value) {
            meta.put(requireNonNull(key, "key is null"), value);
            return this;
        }

        public ExpectationSuite build() {
            return new ExpectationSuite(name, expectations, meta);
        }
    }
}
