package dev.assay.engine.arrow;

import java.util.Locale;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/** Assay's type names for Arrow types, as listed in docs/types.md. */
public final class TypeNames {
    private TypeNames() {}

    /** The Assay type name of a field, e.g. {@code int64}, {@code timestamp_tz}, {@code list<string>}. */
    public static String of(Field field) {
        ArrowType type = field.getType();
        switch (type.getTypeID()) {
            case List:
            case LargeList:
            case FixedSizeList:
                return "list<"
                        + (field.getChildren().isEmpty()
                                ? "?"
                                : of(field.getChildren().get(0))) + ">";
            case Map:
                return "map";
            case Struct:
                return "struct";
            default:
                return of(type);
        }
    }

    /** The Assay type name of an Arrow type. */
    public static String of(ArrowType type) {
        switch (type.getTypeID()) {
            case Int: {
                ArrowType.Int i = (ArrowType.Int) type;
                return (i.getIsSigned() ? "int" : "uint") + i.getBitWidth();
            }
            case FloatingPoint:
                switch (((ArrowType.FloatingPoint) type).getPrecision()) {
                    case HALF:
                        return "float16";
                    case SINGLE:
                        return "float32";
                    default:
                        return "float64";
                }
            case Decimal: {
                ArrowType.Decimal d = (ArrowType.Decimal) type;
                return "decimal(" + d.getPrecision() + "," + d.getScale() + ")";
            }
            case Utf8:
            case LargeUtf8:
            case Utf8View:
                return "string";
            case Binary:
            case LargeBinary:
            case FixedSizeBinary:
            case BinaryView:
                return "binary";
            case Bool:
                return "boolean";
            case Date:
                return "date";
            case Time:
                return "time";
            case Timestamp:
                return ((ArrowType.Timestamp) type).getTimezone() == null ? "timestamp" : "timestamp_tz";
            case Duration:
                return "duration";
            case Interval:
                return "interval";
            case Null:
                return "null";
            default:
                return type.getTypeID().name().toLowerCase(Locale.ROOT);
        }
    }
}
