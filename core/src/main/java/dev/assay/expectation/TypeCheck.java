package dev.assay.expectation;

import dev.assay.metric.ColumnInfo;
import dev.assay.metric.MetricValues;
import dev.assay.metric.TableColumns;

/** Looks up a column's type name in the schema metric. */
final class TypeCheck {
    private TypeCheck() {}

    static String typeOf(MetricValues values, String column) {
        for (ColumnInfo info : values.get(new TableColumns())) {
            if (info.name().equals(column)) {
                return info.type();
            }
        }
        throw new IllegalStateException("column '" + column + "' was checked to exist");
    }
}
