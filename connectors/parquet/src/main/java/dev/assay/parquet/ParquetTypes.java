package dev.assay.parquet;

import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/** The Arrow type of each Parquet column, as listed in {@code docs/parquet.md}. */
final class ParquetTypes {
    /** Unsigned 64-bit integers do not fit a signed long: they are read as decimal(20,0). */
    static final ArrowType UINT64 = new ArrowType.Decimal(20, 0, 128);

    private ParquetTypes() {}

    /** The Arrow field of a top-level Parquet field, primitive or nested. */
    static Field field(Type type) {
        boolean nullable = !type.isRepetition(Type.Repetition.REQUIRED);
        if (type.isRepetition(Type.Repetition.REPEATED)) {
            // A bare repeated field is a list of its element.
            Field element = elementField("element", type);
            return new Field(type.getName(), FieldType.nullable(ArrowType.List.INSTANCE), List.of(element));
        }
        if (!type.isPrimitive()) {
            return groupField(type.getName(), type.asGroupType(), nullable);
        }
        return new Field(type.getName(), new FieldType(nullable, arrowType(type.asPrimitiveType()), null), null);
    }

    private static Field elementField(String name, Type type) {
        if (type.isPrimitive()) {
            return new Field(name, FieldType.notNullable(arrowType(type.asPrimitiveType())), null);
        }
        return groupField(name, type.asGroupType(), false);
    }

    private static Field groupField(String name, GroupType group, boolean nullable) {
        LogicalTypeAnnotation annotation = group.getLogicalTypeAnnotation();
        if (annotation instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation && group.getFieldCount() == 1) {
            Type repeated = group.getType(0);
            Type element = !repeated.isPrimitive() && repeated.asGroupType().getFieldCount() == 1
                    ? repeated.asGroupType().getType(0)
                    : repeated;
            Field child = element == repeated ? elementField("element", repeated) : field(element);
            return new Field(name, new FieldType(nullable, ArrowType.List.INSTANCE, null), List.of(child));
        }
        boolean map = annotation instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation
                || annotation instanceof LogicalTypeAnnotation.MapKeyValueTypeAnnotation;
        if (map
                && group.getFieldCount() == 1
                && !group.getType(0).isPrimitive()
                && group.getType(0).asGroupType().getFieldCount() == 2) {
            GroupType entries = group.getType(0).asGroupType();
            Field key = field(entries.getType(0));
            Field keyNotNull = new Field(key.getName(), FieldType.notNullable(key.getType()), key.getChildren());
            Field entry = new Field(
                    "entries",
                    FieldType.notNullable(ArrowType.Struct.INSTANCE),
                    List.of(keyNotNull, field(entries.getType(1))));
            return new Field(name, new FieldType(nullable, new ArrowType.Map(false), null), List.of(entry));
        }
        List<Field> children = new ArrayList<>();
        for (Type child : group.getFields()) {
            children.add(field(child));
        }
        return new Field(name, new FieldType(nullable, ArrowType.Struct.INSTANCE, null), children);
    }

    /** What a nested or repeated column is, for the message that rejects a scan of it. */
    static String nestedKind(Type type) {
        if (type.isRepetition(Type.Repetition.REPEATED)) {
            return "repeated " + (type.isPrimitive() ? type.asPrimitiveType().getPrimitiveTypeName() : "group");
        }
        LogicalTypeAnnotation annotation = type.getLogicalTypeAnnotation();
        if (annotation instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation) {
            return "LIST";
        }
        if (annotation instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation
                || annotation instanceof LogicalTypeAnnotation.MapKeyValueTypeAnnotation) {
            return "MAP";
        }
        return "group (struct)";
    }

    /** The Arrow type a primitive Parquet column is read as. */
    static ArrowType arrowType(PrimitiveType type) {
        LogicalTypeAnnotation a = type.getLogicalTypeAnnotation();
        switch (type.getPrimitiveTypeName()) {
            case BOOLEAN:
                return ArrowType.Bool.INSTANCE;
            case INT32:
                if (a instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation i) {
                    return new ArrowType.Int(Math.min(i.getBitWidth(), 32), i.isSigned());
                }
                if (a instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation d) {
                    return decimal(d);
                }
                if (a instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
                    return new ArrowType.Date(DateUnit.DAY);
                }
                if (a instanceof LogicalTypeAnnotation.TimeLogicalTypeAnnotation) {
                    return new ArrowType.Time(TimeUnit.MILLISECOND, 32);
                }
                return new ArrowType.Int(32, true);
            case INT64:
                if (a instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation i && !i.isSigned()) {
                    return UINT64;
                }
                if (a instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation d) {
                    return decimal(d);
                }
                if (a instanceof LogicalTypeAnnotation.TimeLogicalTypeAnnotation t) {
                    return new ArrowType.Time(unit(t.getUnit()), 64);
                }
                if (a instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation t) {
                    return new ArrowType.Timestamp(unit(t.getUnit()), t.isAdjustedToUTC() ? "UTC" : null);
                }
                return new ArrowType.Int(64, true);
            case INT96:
                return new ArrowType.Timestamp(TimeUnit.NANOSECOND, null);
            case FLOAT:
                return new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
            case DOUBLE:
                return new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
            case BINARY:
                if (isText(a)) {
                    return ArrowType.Utf8.INSTANCE;
                }
                if (a instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation d) {
                    return decimal(d);
                }
                return ArrowType.Binary.INSTANCE;
            case FIXED_LEN_BYTE_ARRAY:
                if (a instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation d) {
                    return decimal(d);
                }
                if (a instanceof LogicalTypeAnnotation.UUIDLogicalTypeAnnotation) {
                    return ArrowType.Utf8.INSTANCE;
                }
                if (a instanceof LogicalTypeAnnotation.Float16LogicalTypeAnnotation) {
                    return new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
                }
                return new ArrowType.FixedSizeBinary(type.getTypeLength());
        }
        throw new IllegalStateException("unknown Parquet type " + type.getPrimitiveTypeName());
    }

    static boolean isText(LogicalTypeAnnotation a) {
        return a instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
                || a instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation
                || a instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation;
    }

    private static ArrowType decimal(LogicalTypeAnnotation.DecimalLogicalTypeAnnotation d) {
        return new ArrowType.Decimal(d.getPrecision(), d.getScale(), d.getPrecision() > 38 ? 256 : 128);
    }

    private static TimeUnit unit(LogicalTypeAnnotation.TimeUnit unit) {
        switch (unit) {
            case MILLIS:
                return TimeUnit.MILLISECOND;
            case MICROS:
                return TimeUnit.MICROSECOND;
            case NANOS:
                return TimeUnit.NANOSECOND;
        }
        throw new IllegalStateException("unknown time unit " + unit);
    }

    /** The Parquet type as the footer declares it, for messages: {@code INT64 (TIMESTAMP(MICROS,true))}. */
    static String describe(Type type) {
        if (!type.isPrimitive() || type.isRepetition(Type.Repetition.REPEATED)) {
            return nestedKind(type);
        }
        PrimitiveType p = type.asPrimitiveType();
        String base = p.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY
                ? "FIXED_LEN_BYTE_ARRAY(" + p.getTypeLength() + ")"
                : p.getPrimitiveTypeName().name();
        return p.getLogicalTypeAnnotation() == null ? base : base + " (" + p.getLogicalTypeAnnotation() + ")";
    }
}
