package dev.assay.engine.arrow;

import dev.assay.source.BadCells;
import dev.assay.source.RecordBatch;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One record batch as the accumulators see it: typed columns by name, and which rows hold bad cells.
 * Built once per batch per worker; not thread-safe.
 */
final class BatchView {
    private final RecordBatch batch;
    private final Map<String, ArrowColumn> columns = new HashMap<>();
    private Map<String, BitSet> badRowsByColumn;
    private Map<Integer, BadCells.BadCell> firstBadCellByRow;

    BatchView(RecordBatch batch) {
        this.batch = batch;
    }

    int rowCount() {
        return batch.rowCount();
    }

    long ordinal() {
        return batch.ordinal();
    }

    ArrowColumn column(String name) {
        return columns.computeIfAbsent(name, n -> {
            var vector = batch.root().getVector(n);
            if (vector == null) {
                throw new IllegalStateException("column '" + n + "' was not read by the source");
            }
            var dictionary = batch.dictionary(n);
            if (dictionary.isPresent()) {
                if (!(vector instanceof org.apache.arrow.vector.IntVector ids)) {
                    throw new IllegalStateException("dictionary-encoded column '" + n + "' holds "
                            + vector.getField().getType() + ", not int32 ids");
                }
                return new ArrowColumn.DictionaryStringColumn(ids, dictionary.get());
            }
            return ArrowColumn.of(vector);
        });
    }

    boolean hasBadCells() {
        return !batch.badCells().isEmpty();
    }

    /** The rows whose cell in {@code column} (or whose whole row) is bad, or null when there are none. */
    BitSet badRows(String column) {
        if (!hasBadCells()) {
            return null;
        }
        if (badRowsByColumn == null) {
            badRowsByColumn = new HashMap<>();
            firstBadCellByRow = new HashMap<>();
            BitSet wholeRows = new BitSet();
            for (BadCells.BadCell cell : batch.badCells().cells()) {
                firstBadCellByRow.putIfAbsent(cell.row(), cell);
                if (cell.wholeRow()) {
                    wholeRows.set(cell.row());
                } else {
                    badRowsByColumn
                            .computeIfAbsent(cell.column(), c -> new BitSet())
                            .set(cell.row());
                }
            }
            badRowsByColumn.put("", wholeRows);
        }
        BitSet result = (BitSet) badRowsByColumn.get("").clone();
        BitSet own = badRowsByColumn.get(column);
        if (own != null) {
            result.or(own);
        }
        return result.isEmpty() ? null : result;
    }

    /** The rows that hold any bad cell among {@code names}, or null. */
    BitSet badRows(List<String> names) {
        BitSet all = null;
        for (String name : names) {
            BitSet rows = badRows(name);
            if (rows != null) {
                if (all == null) {
                    all = rows;
                } else {
                    all.or(rows);
                }
            }
        }
        return all;
    }

    /** The raw text of the bad cell of {@code row} in {@code column}, for samples. */
    String badText(int row, String column) {
        for (BadCells.BadCell cell : batch.badCells().cells()) {
            if (cell.row() == row && (cell.wholeRow() || cell.column().equals(column))) {
                return cell.rawText();
            }
        }
        return "";
    }

    /** The number of distinct rows with bad cells. */
    int badRowCount() {
        if (!hasBadCells()) {
            return 0;
        }
        BitSet rows = new BitSet();
        for (BadCells.BadCell cell : batch.badCells().cells()) {
            rows.set(cell.row());
        }
        return rows.cardinality();
    }
}
