package dev.assay.jdbc;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Locale;
import java.util.Map;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * Maps the columns a driver describes to the Arrow fields the engine reads (see {@code docs/jdbc.md}).
 * Stateless.
 */
final class JdbcTypes {
    /** The field metadata key holding the column's SQL type name as the driver reports it. */
    static final String SQL_TYPE = "assay.jdbc.type";

    /** The largest precision an Arrow 128-bit decimal holds. */
    private static final int MAX_DECIMAL_PRECISION = 38;

    private static final ArrowType INT64 = new ArrowType.Int(64, true);
    private static final ArrowType FLOAT64 = new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);

    private JdbcTypes() {}

    /** The Arrow field of column {@code column} (1-based) of {@code metadata}. */
    static Field field(ResultSetMetaData metadata, int column) throws SQLException {
        String name = metadata.getColumnLabel(column);
        String typeName = String.valueOf(metadata.getColumnTypeName(column));
        ArrowType type = arrowType(
                metadata.getColumnType(column),
                typeName,
                metadata.getPrecision(column),
                metadata.getScale(column),
                metadata.isSigned(column));
        boolean nullable = metadata.isNullable(column) != ResultSetMetaData.columnNoNulls;
        return new Field(name, new FieldType(nullable, type, null, Map.of(SQL_TYPE, typeName)), null);
    }

    /**
     * The Arrow type of a column of JDBC type {@code sqlType}; text for every type with no closer Arrow
     * type (intervals, JSON, UUIDs, arrays, ...), read with {@code ResultSet.getString}.
     */
    static ArrowType arrowType(int sqlType, String typeName, int precision, int scale, boolean signed) {
        String lowerName = typeName.toLowerCase(Locale.ROOT);
        if (lowerName.equals("uuid")) {
            // H2 reports its UUID as BINARY; its text is what users compare.
            return ArrowType.Utf8.INSTANCE;
        }
        switch (sqlType) {
            case Types.TINYINT:
            case Types.SMALLINT:
            case Types.INTEGER:
                return INT64;
            case Types.BIGINT:
                // An unsigned BIGINT (MariaDB, MySQL) does not fit a signed long.
                return signed || !lowerName.contains("unsigned") ? INT64 : new ArrowType.Decimal(20, 0, 128);
            case Types.REAL:
            case Types.FLOAT:
            case Types.DOUBLE:
                return FLOAT64;
            case Types.NUMERIC:
            case Types.DECIMAL:
                return decimal(precision, scale);
            case Types.CHAR:
            case Types.VARCHAR:
            case Types.LONGVARCHAR:
            case Types.NCHAR:
            case Types.NVARCHAR:
            case Types.LONGNVARCHAR:
            case Types.CLOB:
            case Types.NCLOB:
                return ArrowType.Utf8.INSTANCE;
            case Types.BOOLEAN:
                return ArrowType.Bool.INSTANCE;
            case Types.BIT:
                // PostgreSQL reports its boolean as BIT; a wider BIT(n) is a bit string.
                return precision <= 1 ? ArrowType.Bool.INSTANCE : ArrowType.Utf8.INSTANCE;
            case Types.DATE:
                return new ArrowType.Date(DateUnit.DAY);
            case Types.TIME:
                return isZoned(lowerName) ? ArrowType.Utf8.INSTANCE : new ArrowType.Time(TimeUnit.MICROSECOND, 64);
            case Types.TIMESTAMP:
                // PostgreSQL reports timestamptz as TIMESTAMP, with its own type name.
                return new ArrowType.Timestamp(TimeUnit.MICROSECOND, isZoned(lowerName) ? "UTC" : null);
            case Types.TIMESTAMP_WITH_TIMEZONE:
                return new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC");
            case Types.BINARY:
            case Types.VARBINARY:
            case Types.LONGVARBINARY:
            case Types.BLOB:
                return ArrowType.Binary.INSTANCE;
            default:
                return ArrowType.Utf8.INSTANCE;
        }
    }

    /**
     * Decimal(p, s) when the driver knows a precision an Arrow decimal holds; else (an unconstrained
     * PostgreSQL {@code numeric}, a precision above 38, a negative scale) a double, which keeps the column
     * numeric at the cost of digits beyond the 15th to 17th.
     */
    private static ArrowType decimal(int precision, int scale) {
        if (precision < 1 || precision > MAX_DECIMAL_PRECISION || scale < 0 || scale > precision) {
            return FLOAT64;
        }
        return new ArrowType.Decimal(precision, scale, 128);
    }

    private static boolean isZoned(String lowerName) {
        return lowerName.equals("timestamptz")
                || lowerName.equals("timetz")
                || lowerName.contains("with time zone")
                || lowerName.contains("with timezone");
    }
}
