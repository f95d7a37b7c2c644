package dev.assay.jdbc;

import dev.assay.error.AssayException;
import dev.assay.error.ErrorCode;
import dev.assay.internal.Names;
import dev.assay.jdbc.SqlCompiler.Kind;
import dev.assay.source.BatchRequest;
import dev.assay.source.DatasetSchema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Turns a {@link BatchRequest} into the WHERE condition of a table's batch: each condition names a column
 * and a value or an inclusive range, written as {@link BatchRequest#partition} writes them. On a date or
 * timestamp column a year ({@code 2024}), month ({@code 2024-01}) or day ({@code 2024-01-31}) selects every
 * row of that period, and a range covers both ends' periods; a full timestamp selects that instant. Other
 * columns take a value of their type: a number, text (compared by code point), {@code true} or
 * {@code false}. Stateless.
 */
final class Partitions {
    private static final Pattern YEAR = Pattern.compile("-?\\d{4}");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private Partitions() {}

    /**
     * The condition that keeps the rows of {@code request}.
     *
     * @throws AssayException with {@code INVALID_CONFIGURATION} for a column the relation does not have, or a
     *     value that is not of the column's type
     */
    static Sql where(BatchRequest request, String asset, DatasetSchema schema, SqlCompiler compiler) {
        List<Sql> parts = new ArrayList<>();
        for (BatchRequest.Condition c : request.conditions()) {
            Optional<Field> field = schema.find(c.group());
            if (field.isEmpty()) {
                throw new AssayException(
                        ErrorCode.INVALID_CONFIGURATION,
                        "asset '" + asset + "' has no column '" + c.group() + "' to select a batch by (columns: "
                                + schema.columnNames() + ")"
                                + Names.nearest(c.group(), schema.columnNames())
                                        .map(n -> "; did you mean '" + n + "'?")
                                        .orElse(""));
            }
            parts.add(condition(c, asset, field.get(), compiler));
        }
        return parts.isEmpty() ? Sql.of("1 = 1") : Sql.join(parts, " AND ");
    }

    private static Sql condition(BatchRequest.Condition c, String asset, Field field, SqlCompiler compiler) {
        String column = c.group();
        Kind kind = SqlCompiler.kindOf(field.getType());
        try {
            switch (kind) {
                case DATE:
                case TIMESTAMP:
                    return period(c, field, kind, compiler);
                case INTEGER:
                case FLOAT:
                case DECIMAL:
                    return range(
                            compiler.value(column),
                            number(c.from(), kind, compiler),
                            number(c.to(), kind, compiler),
                            c);
                case STRING:
                    return range(compiler.value(column), c.from(), c.to(), c);
                case BOOLEAN:
                    return range(compiler.quoted(column), bool(c.from()), bool(c.to()), c);
                default:
                    throw new IllegalArgumentException(
                            "a column of type " + field.getType() + " cannot select a batch");
            }
        } catch (IllegalArgumentException | DateTimeParseException | ArithmeticException e) {
            throw new AssayException(
                    ErrorCode.INVALID_CONFIGURATION,
                    "batch request " + c + " of asset '" + asset + "' does not fit column '" + column + "' ("
                            + dev.assay.engine.arrow.TypeNames.of(field) + "): " + e.getMessage(),
                    e);
        }
    }

    private static Sql range(String column, Object from, Object to, BatchRequest.Condition c) {
        if (c.isValue()) {
            return Sql.of(column + " = ?", from);
        }
        return Sql.of(column + " BETWEEN ? AND ?", from, to);
    }

    private static Object number(String text, Kind kind, SqlCompiler compiler) {
        BigDecimal value = new BigDecimal(text.trim());
        if (kind == Kind.INTEGER && value.stripTrailingZeros().scale() <= 0) {
            return value.longValueExact();
        }
        return kind == Kind.FLOAT || compiler.dialect() == Dialect.SQLITE ? (Object) value.doubleValue() : value;
    }

    private static Boolean bool(String text) {
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text);
        }
        throw new IllegalArgumentException("'" + text + "' is neither true nor false");
    }

    /** The start of a period, and the start of the next one (empty for an instant, which is its own end). */
    private record Period(LocalDateTime start, Optional<LocalDateTime> next) {
        static Period of(String text) {
            String t = text.trim();
            if (YEAR.matcher(t).matches()) {
                Year year = Year.parse(t);
                return new Period(
                        year.atDay(1).atStartOfDay(),
                        Optional.of(year.plusYears(1).atDay(1).atStartOfDay()));
            }
            if (MONTH.matcher(t).matches()) {
                YearMonth month = YearMonth.parse(t);
                return new Period(
                        month.atDay(1).atStartOfDay(),
                        Optional.of(month.plusMonths(1).atDay(1).atStartOfDay()));
            }
            if (DAY.matcher(t).matches()) {
                LocalDate day = LocalDate.parse(t);
                return new Period(
                        day.atStartOfDay(), Optional.of(day.plusDays(1).atStartOfDay()));
            }
            return new Period(LocalDateTime.parse(t.replace(' ', 'T')), Optional.empty());
        }
    }

    private static Sql period(BatchRequest.Condition c, Field field, Kind kind, SqlCompiler compiler) {
        Period from = Period.of(c.from());
        Period to = Period.of(c.to());
        String column = compiler.quoted(c.group());
        if (compiler.dialect() == Dialect.SQLITE) {
            // SQLite keeps dates and times as ISO text, which sorts as time does from the day on.
            if (from.next().isEmpty() || to.next().isEmpty()) {
                throw new IllegalArgumentException(
                        "SQLite keeps timestamps as text: select a day, a month or a year, not an instant");
            }
            return Sql.of(
                    column + " >= ? AND " + column + " < ?",
                    from.start().toLocalDate().toString(),
                    to.next().get().toLocalDate().toString());
        }
        if (kind == Kind.DATE) {
            if (from.next().isEmpty() || to.next().isEmpty()) {
                throw new IllegalArgumentException("a date column takes a day, a month or a year");
            }
            return Sql.of(
                    column + " >= ? AND " + column + " < ?",
                    from.start().toLocalDate(),
                    to.next().get().toLocalDate());
        }
        boolean zoned = ((ArrowType.Timestamp) field.getType()).getTimezone() != null;
        Object low = timestamp(from.start(), zoned);
        if (to.next().isEmpty()) {
            return Sql.of(column + " >= ? AND " + column + " <= ?", low, timestamp(to.start(), zoned));
        }
        return Sql.of(
                column + " >= ? AND " + column + " < ?",
                low,
                timestamp(to.next().get(), zoned));
    }

    /** A local date-time as a timestamp column compares it: UTC for a column with a time zone. */
    private static Object timestamp(LocalDateTime value, boolean zoned) {
        return zoned ? value.atOffset(ZoneOffset.UTC) : value;
    }
}
