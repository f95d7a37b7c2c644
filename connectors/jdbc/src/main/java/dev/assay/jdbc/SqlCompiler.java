package dev.assay.jdbc;

import dev.assay.internal.IsoTimes;
import dev.assay.metric.RowPredicate;
import dev.assay.model.RowFilter;
import dev.assay.model.filter.And;
import dev.assay.model.filter.Between;
import dev.assay.model.filter.BooleanColumn;
import dev.assay.model.filter.BooleanLiteral;
import dev.assay.model.filter.ColumnRef;
import dev.assay.model.filter.Comparison;
import dev.assay.model.filter.Condition;
import dev.assay.model.filter.DateLiteral;
import dev.assay.model.filter.InList;
import dev.assay.model.filter.IsNull;
import dev.assay.model.filter.Like;
import dev.assay.model.filter.Literal;
import dev.assay.model.filter.Not;
import dev.assay.model.filter.NullLiteral;
import dev.assay.model.filter.NumberLiteral;
import dev.assay.model.filter.Or;
import dev.assay.model.filter.StringLiteral;
import dev.assay.model.filter.TimeLiteral;
import dev.assay.model.filter.TimestampLiteral;
import dev.assay.source.DatasetSchema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Turns row filters and row predicates into SQL boolean expressions over one relation's quoted columns,
 * every value bound as a parameter. Each method answers empty when the dialect cannot say it with exactly
 * the meaning the Arrow engine gives it; the engine then streams the metrics that need it. Checks of
 * applicability (types that cannot be compared, bounds of the wrong type) are not repeated here: the
 * engine runs them first, on the schema, and only compiles what passed.
 */
final class SqlCompiler {
    /** How the Arrow engine handles a column's values. */
    enum Kind {
        INTEGER,
        FLOAT,
        DECIMAL,
        STRING,
        BOOLEAN,
        DATE,
        TIMESTAMP,
        TIME,
        OTHER;

        boolean numeric() {
            return this == INTEGER || this == FLOAT || this == DECIMAL;
        }

        boolean temporal() {
            return this == DATE || this == TIMESTAMP || this == TIME;
        }
    }

    private final Dialect dialect;
    private final String quote;
    private final DatasetSchema schema;

    SqlCompiler(Dialect dialect, String quote, DatasetSchema schema) {
        this.dialect = dialect;
        this.quote = quote;
        this.schema = schema;
    }

    Dialect dialect() {
        return dialect;
    }

    /** {@code identifier} between quotes, a quote inside it doubled: always just a name. */
    String quoted(String identifier) {
        return quote + identifier.replace(quote, quote + quote) + quote;
    }

    /** The quoted column, wrapped to compare by code point when it holds text. */
    String value(String column) {
        return kind(column) == Kind.STRING ? dialect.text(quoted(column)) : quoted(column);
    }

    Field field(String column) {
        return schema.find(column).orElseThrow(() -> new IllegalStateException("no column " + column));
    }

    Kind kind(String column) {
        return kindOf(field(column).getType());
    }

    static Kind kindOf(ArrowType type) {
        switch (type.getTypeID()) {
            case Int:
                return Kind.INTEGER;
            case FloatingPoint:
                return Kind.FLOAT;
            case Decimal:
                return Kind.DECIMAL;
            case Utf8:
                return Kind.STRING;
            case Bool:
                return Kind.BOOLEAN;
            case Date:
                return Kind.DATE;
            case Timestamp:
                return Kind.TIMESTAMP;
            case Time:
                return Kind.TIME;
            default:
                return Kind.OTHER;
        }
    }

    /**
     * Whether the values of {@code column} can be compared, ordered and counted distinct in this database as
     * Assay does. SQLite keeps dates and times as text in whatever format they were written, so only their
     * nulls are pushed down there.
     */
    boolean comparable(String column) {
        Kind kind = kind(column);
        return kind != Kind.OTHER
                && !(dialect == Dialect.SQLITE && kind.temporal())
                // An unknown database's collation may ignore case or trailing spaces.
                && !(dialect == Dialect.ANSI && kind == Kind.STRING);
    }

    // ---- row filters ----

    /** The filter as a WHERE condition, or empty when it cannot be said exactly; {@code TRUE}-free for none. */
    Optional<Sql> filter(RowFilter filter) {
        if (filter.isNone()) {
            return Optional.of(Sql.of("1 = 1"));
        }
        return condition((Condition) filter);
    }

    private Optional<Sql> condition(Condition c) {
        if (c instanceof And and) {
            return joined(and.operands(), " AND ");
        }
        if (c instanceof Or or) {
            return joined(or.operands(), " OR ");
        }
        if (c instanceof Not not) {
            return condition(not.operand())
                    .map(inner -> Sql.of("NOT (").append(inner).append(")"));
        }
        if (c instanceof IsNull isNull) {
            return Optional.of(Sql.of(quoted(isNull.column()) + (isNull.negated() ? " IS NOT NULL" : " IS NULL")));
        }
        if (c instanceof BooleanColumn b) {
            return kind(b.column()) == Kind.BOOLEAN
                    ? Optional.of(Sql.of(quoted(b.column()) + " = ?", Boolean.TRUE))
                    : Optional.empty();
        }
        if (c instanceof Comparison cmp) {
            return comparison(cmp);
        }
        if (c instanceof Between between) {
            if (!comparable(between.column())) {
                return Optional.empty();
            }
            Optional<Sql> low = literal(between.column(), between.low());
            Optional<Sql> high = literal(between.column(), between.high());
            if (low.isEmpty() || high.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(Sql.of(value(between.column()) + (between.negated() ? " NOT BETWEEN " : " BETWEEN "))
                    .append(low.get())
                    .append(" AND ")
                    .append(high.get()));
        }
        if (c instanceof InList in) {
            if (!comparable(in.column())) {
                return Optional.empty();
            }
            List<Sql> values = new ArrayList<>();
            for (Literal literal : in.values()) {
                Optional<Sql> v = literal(in.column(), literal);
                if (v.isEmpty()) {
                    return Optional.empty();
                }
                values.add(v.get());
            }
            return Optional.of(Sql.of(value(in.column()) + (in.negated() ? " NOT IN (" : " IN ("))
                    .append(Sql.join(values, ", "))
                    .append(")"));
        }
        if (c instanceof Like like) {
            return like(like);
        }
        return Optional.empty();
    }

    private Optional<Sql> joined(List<Condition> operands, String operator) {
        List<Sql> parts = new ArrayList<>();
        for (Condition operand : operands) {
            Optional<Sql> part = condition(operand);
            if (part.isEmpty()) {
                return Optional.empty();
            }
            parts.add(Sql.of("(").append(part.get()).append(")"));
        }
        return Optional.of(Sql.join(parts, operator));
    }

    private Optional<Sql> comparison(Comparison cmp) {
        String column = cmp.column();
        if (!comparable(column)) {
            return Optional.empty();
        }
        String operator = " " + cmp.operator().symbol() + " ";
        if (cmp.right() instanceof ColumnRef other) {
            if (!comparable(other.name()) || !sameFamily(kind(column), kind(other.name()))) {
                return Optional.empty();
            }
            return Optional.of(Sql.of(value(column) + operator + value(other.name())));
        }
        return literal(column, (Literal) cmp.right())
                .map(v -> Sql.of(value(column) + operator).append(v));
    }

    private static boolean sameFamily(Kind a, Kind b) {
        return a == b || (a.numeric() && b.numeric());
    }

    /** A literal as a parameter of the column's type, or {@code NULL}; empty when the pairing is not pushed down. */
    private Optional<Sql> literal(String column, Literal literal) {
        if (literal instanceof NullLiteral) {
            return Optional.of(Sql.of("NULL"));
        }
        Kind kind = kind(column);
        Object value = null;
        if (literal instanceof NumberLiteral n && kind.numeric()) {
            value = number(n.value(), kind);
        } else if (literal instanceof StringLiteral s && kind == Kind.STRING) {
            value = s.value();
        } else if (literal instanceof BooleanLiteral b && kind == Kind.BOOLEAN) {
            value = b.value();
        } else if (literal instanceof DateLiteral d && kind == Kind.DATE) {
            value = d.value();
        } else if (literal instanceof DateLiteral d && kind == Kind.TIMESTAMP) {
            value = timestamp(column, d.value().atStartOfDay().toInstant(ZoneOffset.UTC));
        } else if (literal instanceof TimestampLiteral t && kind == Kind.TIMESTAMP) {
            Instant instant = t.value().toInstant(t.offset().orElse(ZoneOffset.UTC));
            value = timestamp(column, instant);
        } else if (literal instanceof TimeLiteral t && kind == Kind.TIME) {
            value = t.value();
        }
        return value == null ? Optional.empty() : Optional.of(Sql.of("?", value));
    }

    /** A number bound so that every database compares it by value with a column of {@code kind}. */
    private Object number(BigDecimal value, Kind kind) {
        if (value.signum() == 0 || value.stripTrailingZeros().scale() <= 0) {
            try {
                return value.longValueExact();
            } catch (ArithmeticException tooLarge) {
                // falls through: compared as a decimal or double
            }
        }
        // SQLite would compare a decimal bound as text; a double compares as a number there.
        return kind == Kind.FLOAT || dialect == Dialect.SQLITE ? (Object) value.doubleValue() : value;
    }

    /** An instant as the column stores it: a local date-time (UTC) without a zone, an offset one with. */
    private Object timestamp(String column, Instant instant) {
        ArrowType.Timestamp type = (ArrowType.Timestamp) field(column).getType();
        return type.getTimezone() == null
                ? LocalDateTime.ofInstant(instant, ZoneOffset.UTC)
                : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private Optional<Sql> like(Like like) {
        if (!comparable(like.column()) || kind(like.column()) != Kind.STRING || dialect == Dialect.SQLITE) {
            // SQLite's LIKE ignores the case of ASCII letters.
            return Optional.empty();
        }
        // One escape character every database takes the same way, whatever escape the pattern used.
        StringBuilder pattern = new StringBuilder();
        String p = like.pattern();
        for (int i = 0; i < p.length(); i++) {
            char ch = p.charAt(i);
            if (like.escape().isPresent() && ch == like.escape().get()) {
                char next = p.charAt(++i);
                pattern.append('!').append(next);
            } else if (ch == '!') {
                pattern.append("!!");
            } else {
                pattern.append(ch);
            }
        }
        return Optional.of(Sql.of(
                value(like.column()) + (like.negated() ? " NOT LIKE ?" : " LIKE ?") + " ESCAPE '!'",
                pattern.toString()));
    }

    // ---- row predicates ----

    /**
     * A condition true for the rows (with non-null values) that pass {@code predicate}, or empty when it
     * cannot be said exactly. {@code NotNull} and {@code IsNull} pass every non-null row: nulls alone decide.
     */
    Optional<Sql> passes(RowPredicate predicate) {
        if (predicate instanceof RowPredicate.NotNull || predicate instanceof RowPredicate.IsNull) {
            return Optional.of(Sql.of("1 = 1"));
        }
        for (String column : predicate.columns()) {
            if (!comparable(column)) {
                return Optional.empty();
            }
        }
        if (predicate instanceof RowPredicate.Between b) {
            return between(b);
        }
        if (predicate instanceof RowPredicate.InSet s) {
            return inSet(s);
        }
        if (predicate instanceof RowPredicate.MatchesRegex r) {
            return regex(r);
        }
        if (predicate instanceof RowPredicate.LengthBetween l) {
            return length(l);
        }
        if (predicate instanceof RowPredicate.PairCompare p) {
            return pair(p);
        }
        return Optional.empty();
    }

    private Optional<Sql> between(RowPredicate.Between b) {
        String column = b.column();
        List<Sql> parts = new ArrayList<>();
        if (b.min().isPresent()) {
            Optional<Object> lo = bound(column, b.min().get());
            if (lo.isEmpty()) {
                return Optional.empty();
            }
            parts.add(Sql.of(value(column) + (b.strictMin() ? " > ?" : " >= ?"), lo.get()));
        }
        if (b.max().isPresent()) {
            Optional<Object> hi = bound(column, b.max().get());
            if (hi.isEmpty()) {
                return Optional.empty();
            }
            parts.add(Sql.of(value(column) + (b.strictMax() ? " < ?" : " <= ?"), hi.get()));
        }
        return Optional.of(parts.isEmpty() ? Sql.of("1 = 1") : Sql.join(parts, " AND "));
    }

    /**
     * A bound of a range check as a value of the column's type, converted as the Arrow engine converts it:
     * whole numbers compare with integers as integers, other numbers as doubles; text, dates and times are
     * parsed. Empty when the conversion is not one of those.
     */
    private Optional<Object> bound(String column, Object bound) {
        Kind kind = kind(column);
        try {
            switch (kind) {
                case INTEGER:
                    if (whole(bound)) {
                        return Optional.of(((Number) bound).longValue());
                    }
                    if (bound instanceof String s) {
                        return Optional.of(Long.parseLong(s.trim()));
                    }
                    return bound instanceof Number n ? Optional.of(n.doubleValue()) : Optional.empty();
                case FLOAT:
                    if (bound instanceof Number n) {
                        return Optional.of(n.doubleValue());
                    }
                    return bound instanceof String s ? Optional.of(Double.parseDouble(s.trim())) : Optional.empty();
                case DECIMAL: {
                    // The bound as the Arrow engine reads it (a double), written as the shortest decimal that is
                    // that double: compared with the column exactly, without turning every value into a double.
                    double d;
                    if (bound instanceof Number n) {
                        d = n.doubleValue();
                    } else if (bound instanceof String s) {
                        d = Double.parseDouble(s.trim());
                    } else {
                        return Optional.empty();
                    }
                    if (!Double.isFinite(d) || dialect == Dialect.SQLITE) {
                        return Optional.of(d);
                    }
                    return Optional.of(new BigDecimal(Double.toString(d)));
                }
                case STRING:
                    return bound instanceof String ? Optional.of(bound) : Optional.empty();
                case BOOLEAN:
                    if (bound instanceof Boolean) {
                        return Optional.of(bound);
                    }
                    if (bound instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
                        return Optional.of(Boolean.parseBoolean(s));
                    }
                    return Optional.empty();
                case DATE:
                    return date(bound).map(d -> d);
                case TIMESTAMP:
                    return instant(bound).map(i -> timestamp(column, i));
                case TIME:
                    if (bound instanceof LocalTime) {
                        return Optional.of(bound);
                    }
                    return bound instanceof String s ? Optional.of(LocalTime.parse(s.trim())) : Optional.empty();
                default:
                    return Optional.empty();
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static boolean whole(Object value) {
        return value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte;
    }

    private static Optional<LocalDate> date(Object value) {
        if (value instanceof LocalDate d) {
            return Optional.of(d);
        }
        if (value instanceof LocalDateTime dt) {
            return Optional.of(dt.toLocalDate());
        }
        if (value instanceof String s) {
            String t = s.trim();
            return Optional.of(LocalDate.parse(t.length() > 10 ? t.substring(0, 10) : t));
        }
        return Optional.empty();
    }

    private static Optional<Instant> instant(Object value) {
        if (value instanceof Instant i) {
            return Optional.of(i);
        }
        if (value instanceof OffsetDateTime o) {
            return Optional.of(o.toInstant());
        }
        if (value instanceof ZonedDateTime z) {
            return Optional.of(z.toInstant());
        }
        if (value instanceof LocalDateTime l) {
            return Optional.of(l.toInstant(ZoneOffset.UTC));
        }
        if (value instanceof LocalDate d) {
            return Optional.of(d.atStartOfDay().toInstant(ZoneOffset.UTC));
        }
        if (value instanceof String s) {
            return IsoTimes.parseInstant(s.trim());
        }
        return Optional.empty();
    }

    private Optional<Sql> inSet(RowPredicate.InSet s) {
        String column = s.column();
        Kind kind = kind(column);
        List<Object> values = new ArrayList<>();
        for (Object v : s.values()) {
            if (v == null) {
                continue;
            }
            if (kind == Kind.STRING) {
                values.add(v instanceof String ? v : String.valueOf(v));
            } else if (kind == Kind.INTEGER && v instanceof Double d) {
                // A fractional value can never equal an integer, so it adds nothing to the set.
                if (d == Math.rint(d) && Math.abs(d) < 0x1p63) {
                    values.add(d.longValue());
                }
            } else {
                Optional<Object> converted = bound(column, v);
                if (converted.isEmpty()) {
                    return Optional.empty();
                }
                values.add(converted.get());
            }
        }
        if (values.isEmpty()) {
            return Optional.of(Sql.of(s.negated() ? "1 = 1" : "1 = 0"));
        }
        String marks = String.join(", ", java.util.Collections.nCopies(values.size(), "?"));
        return Optional.of(new Sql(value(column) + (s.negated() ? " NOT IN (" : " IN (") + marks + ")", values));
    }

    private Optional<Sql> regex(RowPredicate.MatchesRegex r) {
        if (kind(r.column()) != Kind.STRING || dialect.regexFlavor() == null) {
            return Optional.empty();
        }
        Optional<String> pattern = PortableRegex.translate(r.regex(), dialect.regexFlavor());
        if (pattern.isEmpty()) {
            return Optional.empty();
        }
        Sql match = Sql.of(dialect.regexMatch(quoted(r.column())), pattern.get());
        return Optional.of(r.negated() ? Sql.of("NOT (").append(match).append(")") : match);
    }

    private Optional<Sql> length(RowPredicate.LengthBetween l) {
        if (kind(l.column()) != Kind.STRING) {
            return Optional.empty();
        }
        String length = dialect.charLength(quoted(l.column()));
        if (l.min().isPresent() && l.min().equals(l.max()) && !l.strictMin() && !l.strictMax()) {
            return Optional.of(Sql.of(length + " = ?", l.min().get()));
        }
        List<Sql> parts = new ArrayList<>();
        l.min().ifPresent(min -> parts.add(Sql.of(length + (l.strictMin() ? " > ?" : " >= ?"), min)));
        l.max().ifPresent(max -> parts.add(Sql.of(length + (l.strictMax() ? " < ?" : " <= ?"), max)));
        return Optional.of(parts.isEmpty() ? Sql.of("1 = 1") : Sql.join(parts, " AND "));
    }

    private Optional<Sql> pair(RowPredicate.PairCompare p) {
        Kind a = kind(p.columnA());
        Kind b = kind(p.columnB());
        if (!sameFamily(a, b)) {
            return Optional.empty();
        }
        String operator;
        switch (p.comparison()) {
            case A_GREATER_THAN_B:
                operator = " > ";
                break;
            case A_GREATER_THAN_OR_EQUAL_TO_B:
                operator = " >= ";
                break;
            case EQUAL:
                operator = " = ";
                break;
            default:
                return Optional.empty();
        }
        String left = value(p.columnA());
        String right = value(p.columnB());
        if (a != b) {
            // Mixed numbers compare as doubles in the Arrow engine.
            left = dialect.doubleValue(left);
            right = dialect.doubleValue(right);
        }
        return Optional.of(Sql.of(left + operator + right));
    }

    /** A condition true for the rows {@code ignoreRowIf} skips because of missing values among {@code columns}. */
    Sql ignored(RowPredicate.IgnoreRowIf ignoreRowIf, List<String> columns) {
        List<String> nulls = columns.stream().map(c -> quoted(c) + " IS NULL").toList();
        switch (ignoreRowIf) {
            case BOTH_VALUES_ARE_MISSING:
            case ALL_VALUES_ARE_MISSING:
                return Sql.of(String.join(" AND ", nulls));
            case EITHER_VALUE_IS_MISSING:
            case ANY_VALUE_IS_MISSING:
                return Sql.of(String.join(" OR ", nulls));
            case NEVER:
                return Sql.of("1 = 0");
        }
        throw new AssertionError(ignoreRowIf);
    }
}
