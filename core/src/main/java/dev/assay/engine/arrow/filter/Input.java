package dev.assay.engine.arrow.filter;

import org.apache.arrow.vector.VectorSchemaRoot;

/** The batch being evaluated, with its row count and bitmap size. */
final class Input {
    final VectorSchemaRoot root;
    final int rows;
    final int words;
    /** The valid bits of the last word. */
    final long lastWordMask;

    Input(VectorSchemaRoot root, int rows) {
        this.root = root;
        this.rows = rows;
        this.words = words(rows);
        this.lastWordMask = (rows & 63) == 0 ? -1L : (1L << (rows & 63)) - 1;
    }

    static int words(int rows) {
        return (rows + 63) >>> 6;
    }

    /** The mask of rows that exist in word {@code w}. */
    long mask(int w) {
        return w == words - 1 ? lastWordMask : -1L;
    }
}
