package dev.assay.engine.arrow.filter;

import dev.assay.error.AssayException;
import dev.assay.error.ErrorCode;
import dev.assay.model.RowFilter;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/** Scaffold replaced by the row-condition work; keeps every row of an unfiltered scan. */
public final class RowFilterEvaluator {
    private RowFilterEvaluator() {}

    public static RowFilterEvaluator compile(RowFilter filter, Schema schema) {
        if (!filter.isNone()) {
            throw new AssayException(ErrorCode.INVALID_ROW_CONDITION, "row conditions are being built");
        }
        return new RowFilterEvaluator();
    }

    public int select(VectorSchemaRoot root, int[] selected) {
        int n = root.getRowCount();
        for (int i = 0; i < n; i++) {
            selected[i] = i;
        }
        return n;
    }
}
