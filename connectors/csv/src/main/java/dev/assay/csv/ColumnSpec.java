package dev.assay.csv;

import java.time.ZoneId;
import java.util.Optional;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * A resolved column: where it is in a record, its type and format, and whether the type was inferred.
 *
 * @param name the column name
 * @param field the 0-based field index in a record
 * @param type the type
 * @param format how dates and timestamps are parsed; null for other types
 * @param inferredFrom the number of sample rows the type was inferred from, or 0 if it was declared
 */
record ColumnSpec(String name, int field, CsvType type, TemporalFormat format, int inferredFrom) {
    static ColumnSpec declared(CsvColumn column, int field) {
        TemporalFormat format = column.type().temporal() ? TemporalFormat.of(column.type(), column.pattern()) : null;
        return new ColumnSpec(column.name(), field, column.type(), format, 0);
    }

    static ColumnSpec inferred(String name, int field, CsvType type, int sampleRows) {
        TemporalFormat format = type.temporal() ? TemporalFormat.of(type, Optional.empty()) : null;
        return new ColumnSpec(name, field, type, format, sampleRows);
    }

    /** Whether timestamps of this column are instants: with an offset, or read in the source's zone. */
    boolean instants(Optional<ZoneId> zone) {
        return type == CsvType.TIMESTAMP_TZ || (type == CsvType.TIMESTAMP && zone.isPresent());
    }

    /** The nullable Arrow field of this column. */
    Field arrowField(Optional<ZoneId> zone) {
        return new Field(name, FieldType.nullable(arrowType(zone)), null);
    }

    private ArrowType arrowType(Optional<ZoneId> zone) {
        switch (type) {
            case BOOLEAN:
                return ArrowType.Bool.INSTANCE;
            case INT64:
                return new ArrowType.Int(64, true);
            case FLOAT64:
                return new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
            case DATE:
                return new ArrowType.Date(DateUnit.DAY);
            case TIMESTAMP:
            case TIMESTAMP_TZ:
                return new ArrowType.Timestamp(
                        TimeUnit.MICROSECOND,
                        instants(zone) ? zone.map(ZoneId::getId).orElse("UTC") : null);
            case STRING:
                return ArrowType.Utf8.INSTANCE;
        }
        throw new AssertionError(type);
    }

    /** The type for messages, e.g. {@code an int64} or {@code a date (dd/MM/yyyy)}. */
    String describeType() {
        return format == null ? type.withArticle() : type.withArticle() + " (" + format.description() + ")";
    }
}
