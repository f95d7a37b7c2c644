package dev.assay.jdbc;

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
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Knows one relation's columns (their quoted names, kinds, whether they compare as Assay does) and turns row
 * filters into SQL boolean expressions over them, every value bound as a parameter; {@link PredicateCompiler}
 * does the same for row predicates. Each method answers empty when the dialect cannot say it with exactly
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

    /** Whether values of kinds {@code a} and {@code b} compare with each other: the same kind, or two numbers. */
    static boolean sameFamily(Kind a, Kind b) {
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
    Object timestamp(String column, Instant instant) {
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
}
