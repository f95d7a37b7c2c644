package dev.assay.source;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Cells of a record batch that could not be read (a value that does not parse as its column's type,
 * a row with too many or too few fields). Sources produce these only when the user asked for bad rows
 * to be counted rather than to fail the run; the cell itself is null in the vector.
 *
 * <p>Expectations over a column count its bad cells as unexpected, so bad data is never skipped
 * silently. Immutable; rows are in ascending order.
 *
 * @param cells the bad cells, ordered by row
 */
public record BadCells(List<BadCell> cells) {
    private static final BadCells NONE = new BadCells(List.of());

    public BadCells {
        cells = List.copyOf(requireNonNull(cells, "cells is null"));
    }

    /** No bad cells. */
    public static BadCells none() {
        return NONE;
    }

    /** True when there are no bad cells. */
    public boolean isEmpty() {
        return cells.isEmpty();
    }

    /**
     * One bad cell.
     *
     * @param row the row within the record batch
     * @param column the column name, or empty for a whole row that could not be split into fields
     * @param rawText the text as it stood in the source (truncated to a sensible length)
     * @param location where it stood, e.g. {@code trips.csv:1042}
     * @param reason what was wrong, e.g. {@code 'abc' is not an int64}
     */
    public record BadCell(int row, String column, String rawText, String location, String reason) {
        public BadCell {
            requireNonNull(column, "column is null");
            requireNonNull(rawText, "rawText is null");
            requireNonNull(location, "location is null");
            requireNonNull(reason, "reason is null");
        }

        /** True when the whole row is bad, not one column. */
        public boolean wholeRow() {
            return column.isEmpty();
        }
    }
}
