package dev.assay.engine.arrow;

/** The rows of a record batch that a row filter kept. Not thread-safe; reused per batch. */
final class Selection {
    private int[] rows;
    private int size;
    private boolean all;

    Selection(int capacity) {
        this.rows = new int[Math.max(capacity, 16)];
    }

    /** Every row of a batch of {@code rowCount} rows. */
    void selectAll(int rowCount) {
        all = true;
        size = rowCount;
    }

    /** The buffer a filter writes kept rows into, at least {@code rowCount} long. */
    int[] buffer(int rowCount) {
        if (rows.length < rowCount) {
            rows = new int[rowCount];
        }
        all = false;
        return rows;
    }

    void setSize(int kept) {
        size = kept;
    }

    int size() {
        return size;
    }

    /** The k-th kept row. */
    int row(int k) {
        return all ? k : rows[k];
    }
}
