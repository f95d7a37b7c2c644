package dev.assay.metric;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What a row-by-row expectation checks for each row: every engine evaluates the same predicate (the
 * Arrow engine per row, the SQL engine as a boolean expression). Immutable; equal predicates are
 * evaluated once.
 */
public sealed interface RowPredicate {
    /** The columns the predicate reads, in order. */
    List<String> columns();

    /** How null values are treated. */
    NullHandling nullHandling();

    /** How a null value counts. */
    enum NullHandling {
        /** Nulls are skipped and counted as missing (the usual GX semantics). */
        SKIP,
        /** A null value is unexpected. */
        UNEXPECTED,
        /** A null value is expected and a non-null one unexpected. */
        ONLY_NULL_EXPECTED
    }

    /** Values must not be null. */
    record NotNull(String column) implements RowPredicate {
        public NotNull {
            requireNonNull(column, "column is null");
        }

        @Override
        public List<String> columns() {
            return List.of(column);
        }

        @Override
        public NullHandling nullHandling() {
            return NullHandling.UNEXPECTED;
        }
    }

    /** Values must be null. */
    record IsNull(String column) implements RowPredicate {
        public IsNull {
            requireNonNull(column, "column is null");
        }

        @Override
        public List<String> columns() {
            return List.of(column);
        }

        @Override
        public NullHandling nullHandling() {
            return NullHandling.ONLY_NULL_EXPECTED;
        }
    }

    /**
     * Values must lie within bounds; a missing bound is open. Bounds are numbers, strings or
     * {@code java.time} values and are converted to the column's type by the engine.
     */
    record Between(String column, Optional<Object> min, Optional<Object> max, boolean strictMin, boolean strictMax)
            implements RowPredicate {
        public Between {
            requireNonNull(column, "column is null");
            requireNonNull(min, "min is null");
            requireNonNull(max, "max is null");
        }

        @Override
        public List<String> columns() {
            return List.of(column);
        }

        @Override
        public NullHandling nullHandling() {
            return NullHandling.SKIP;
        }
    }

    /** Values must (or, negated, must not) be one of a set. */
    record InSet(String column, List<Object> values, boolean negated) implements RowPredicate {
        public InSet {
            requireNonNull(column, "column is null");
            values = List.copyOf(requireNonNull(values, "values is null"));
        }

        @Override
        public List<String> columns() {
            return List.of(column);
        }

        @Override
        public NullHandling nullHandling() {
            return NullHandling.SKIP;
        }
    }

    /**
     * Values must (or, negated, must not) contain a match of a Java regular expression, searched
     * anywhere in the value as GX's {@code re.search} does; anchor with {@code ^...$} to match the whole.
     */
    record MatchesRegex(String column, String regex, boolean negated) implements RowPredicate {
        public MatchesRegex {
            requireNonNull(column, "column is null");
            requireNonNull(regex, "regex is null");
        }

        /** The compiled pattern. */
        public Pattern pattern() {
            try {
                return Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("invalid regex '" + regex + "': " + e.getDescription(), e);
            }
        }

        @Override
        public List<String> columns() {
            return List.of(column);
        }

        @Override
        public NullHandling nullHandling() {
            return NullHandling.SKIP;
        }
    }

    /** The length of each value (characters of a string) must lie within bounds. */
    record LengthBetween(String column, Optional<Long> min, Optional<Long> max, boolean strictMin, boolean strictMax)
            implements RowPredicate {
        public LengthBetween {
            requireNonNull(column, "column is null");
            requireNonNull(min, "min is null");
            requireNonNull(max, "max is null");
        }

        @Override
        public List<String> columns() {
            return List.of(column);
        }

        @Override
        public NullHandling nullHandling() {
            return NullHandling.SKIP;
        }
    }

    /** Compares two columns of the same row. */
    record PairCompare(String columnA, String columnB, Comparison comparison, IgnoreRowIf ignoreRowIf)
            implements RowPredicate {
        public PairCompare {
            requireNonNull(columnA, "columnA is null");
            requireNonNull(columnB, "columnB is null");
            requireNonNull(comparison, "comparison is null");
            requireNonNull(ignoreRowIf, "ignoreRowIf is null");
        }

        @Override
        public List<String> columns() {
            return List.of(columnA, columnB);
        }

        @Override
        public NullHandling nullHandling() {
            return NullHandling.SKIP;
        }
    }

    /** How two values of a row must compare. */
    enum Comparison {
        A_GREATER_THAN_B,
        A_GREATER_THAN_OR_EQUAL_TO_B,
        EQUAL
    }

    /** Which rows of a multi-column check are skipped because of missing values (GX {@code ignore_row_if}). */
    enum IgnoreRowIf {
        BOTH_VALUES_ARE_MISSING("both_values_are_missing"),
        EITHER_VALUE_IS_MISSING("either_value_is_missing"),
        ALL_VALUES_ARE_MISSING("all_values_are_missing"),
        ANY_VALUE_IS_MISSING("any_value_is_missing"),
        NEVER("neither");

        private final String gxName;

        IgnoreRowIf(String gxName) {
            this.gxName = gxName;
        }

        /** The GX spelling. */
        public String gxName() {
            return gxName;
        }

        /** True when a row with {@code missing} of {@code total} values null is skipped. */
        public boolean ignores(int missing, int total) {
            switch (this) {
                case BOTH_VALUES_ARE_MISSING:
                case ALL_VALUES_ARE_MISSING:
                    return missing == total;
                case EITHER_VALUE_IS_MISSING:
                case ANY_VALUE_IS_MISSING:
                    return missing > 0;
                case NEVER:
                    return false;
            }
            throw new AssertionError(this);
        }
    }
}
