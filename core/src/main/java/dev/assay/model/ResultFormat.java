package dev.assay.model;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * How much detail a result carries (GX {@code result_format}). Immutable.
 *
 * @param level the verbosity
 * @param partialUnexpectedCount how many unexpected values {@code partial_unexpected_list} holds (GX
 *     default 20)
 * @param unexpectedIndexColumnNames columns whose values identify unexpected rows instead of 0-based
 *     row numbers; empty for row numbers
 * @param excludeUnexpectedValues true to leave unexpected values out (only counts and row ids)
 */
public record ResultFormat(
        Level level,
        int partialUnexpectedCount,
        List<String> unexpectedIndexColumnNames,
        boolean excludeUnexpectedValues) {
    /** The GX default number of partial unexpected values. */
    public static final int DEFAULT_PARTIAL_UNEXPECTED_COUNT = 20;

    /** Success only. */
    public static final ResultFormat BOOLEAN_ONLY = of(Level.BOOLEAN_ONLY);
    /** Success, observed value, counts and up to 20 unexpected values. The default. */
    public static final ResultFormat BASIC = of(Level.BASIC);
    /** BASIC plus the counts of unexpected values and their row ids. */
    public static final ResultFormat SUMMARY = of(Level.SUMMARY);
    /** SUMMARY plus the lists of unexpected values and row ids, up to the complete-list cap. */
    public static final ResultFormat COMPLETE = of(Level.COMPLETE);

    /** The verbosity levels. */
    public enum Level {
        BOOLEAN_ONLY,
        BASIC,
        SUMMARY,
        COMPLETE
    }

    public ResultFormat {
        requireNonNull(level, "level is null");
        if (partialUnexpectedCount < 0) {
            throw new IllegalArgumentException("partial_unexpected_count must be >= 0: " + partialUnexpectedCount);
        }
        unexpectedIndexColumnNames =
                List.copyOf(requireNonNull(unexpectedIndexColumnNames, "unexpectedIndexColumnNames is null"));
    }

    /** A format of the given level with GX defaults. */
    public static ResultFormat of(Level level) {
        return new ResultFormat(level, DEFAULT_PARTIAL_UNEXPECTED_COUNT, List.of(), false);
    }

    /** This format with a different number of partial unexpected values. */
    public ResultFormat withPartialUnexpectedCount(int count) {
        return new ResultFormat(level, count, unexpectedIndexColumnNames, excludeUnexpectedValues);
    }

    /** This format identifying unexpected rows by the values of {@code columns}. */
    public ResultFormat withUnexpectedIndexColumnNames(List<String> columns) {
        return new ResultFormat(level, partialUnexpectedCount, columns, excludeUnexpectedValues);
    }

    /** True when at least {@code level} detail is asked for. */
    public boolean includes(Level other) {
        return level.compareTo(other) >= 0;
    }

    /**
     * How many unexpected rows an engine must sample for this format: the partial count, or for
     * COMPLETE the larger of that and {@code completeCap}.
     */
    public int sampleLimit(int completeCap) {
        switch (level) {
            case BOOLEAN_ONLY:
                return 0;
            case BASIC:
            case SUMMARY:
                return partialUnexpectedCount;
            case COMPLETE:
                return Math.max(partialUnexpectedCount, completeCap);
        }
        throw new AssertionError(level);
    }

    /** True when this is one of the four named formats with default options (written as a plain string). */
    public boolean isPlain() {
        return partialUnexpectedCount == DEFAULT_PARTIAL_UNEXPECTED_COUNT
                && unexpectedIndexColumnNames.isEmpty()
                && !excludeUnexpectedValues;
    }
}
