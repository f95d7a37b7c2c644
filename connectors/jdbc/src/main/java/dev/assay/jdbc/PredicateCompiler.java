package dev.assay.jdbc;

import dev.assay.internal.IsoTimes;
import dev.assay.jdbc.SqlCompiler.Kind;
import dev.assay.metric.RowPredicate;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns row predicates (the checks of row expectations) into SQL boolean expressions over the columns
 * {@link SqlCompiler} describes, every value bound as a parameter of the column's type. Each method answers
 * empty when the dialect cannot say it with exactly the meaning the Arrow engine gives it; the engine then
 * streams the metric that needs it.
 */
final class PredicateCompiler {
    private final SqlCompiler compiler;
    private final Dialect dialect;

    PredicateCompiler(SqlCompiler compiler) {
        this.compiler = compiler;
        this.dialect = compiler.dialect();
    }

    /**
     * A condition true for the rows (with non-null values) that pass {@code predicate}, or empty when it
     * cannot be said exactly. {@code NotNull} and {@code IsNull} pass every non-null row: nulls alone decide.
     */
    Optional<Sql> passes(RowPredicate predicate) {
        if (predicate instanceof RowPredicate.NotNull || predicate instanceof RowPredicate.IsNull) {
            return Optional.of(Sql.of("1 = 1"));
        }
        for (String column : predicate.columns()) {
            if (!compiler.comparable(column)) {
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
            parts.add(Sql.of(compiler.value(column) + (b.strictMin() ? " > ?" : " >= ?"), lo.get()));
        }
        if (b.max().isPresent()) {
            Optional<Object> hi = bound(column, b.max().get());
            if (hi.isEmpty()) {
                return Optional.empty();
            }
            parts.add(Sql.of(compiler.value(column) + (b.strictMax() ? " < ?" : " <= ?"), hi.get()));
        }
        return Optional.of(parts.isEmpty() ? Sql.of("1 = 1") : Sql.join(parts, " AND "));
    }

    /**
     * A bound of a range check as a value of the column's type, converted as the Arrow engine converts it:
     * whole numbers compare with integers as integers, other numbers as doubles; text, dates and times are
     * parsed. Empty when the conversion is not one of those.
     */
    private Optional<Object> bound(String column, Object bound) {
        Kind kind = compiler.kind(column);
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
                    return IsoTimes.instant(bound).map(i -> compiler.timestamp(column, i));
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

    private Optional<Sql> inSet(RowPredicate.InSet s) {
        String column = s.column();
        Kind kind = compiler.kind(column);
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
        return Optional.of(
                new Sql(compiler.value(column) + (s.negated() ? " NOT IN (" : " IN (") + marks + ")", values));
    }

    private Optional<Sql> regex(RowPredicate.MatchesRegex r) {
        if (compiler.kind(r.column()) != Kind.STRING || dialect.regexFlavor() == null) {
            return Optional.empty();
        }
        Optional<String> pattern = PortableRegex.translate(r.regex(), dialect.regexFlavor());
        if (pattern.isEmpty()) {
            return Optional.empty();
        }
        Sql match = Sql.of(dialect.regexMatch(compiler.quoted(r.column())), pattern.get());
        return Optional.of(r.negated() ? Sql.of("NOT (").append(match).append(")") : match);
    }

    private Optional<Sql> length(RowPredicate.LengthBetween l) {
        if (compiler.kind(l.column()) != Kind.STRING) {
            return Optional.empty();
        }
        String length = dialect.charLength(compiler.quoted(l.column()));
        if (l.min().isPresent() && l.min().equals(l.max()) && !l.strictMin() && !l.strictMax()) {
            return Optional.of(Sql.of(length + " = ?", l.min().get()));
        }
        List<Sql> parts = new ArrayList<>();
        l.min().ifPresent(min -> parts.add(Sql.of(length + (l.strictMin() ? " > ?" : " >= ?"), min)));
        l.max().ifPresent(max -> parts.add(Sql.of(length + (l.strictMax() ? " < ?" : " <= ?"), max)));
        return Optional.of(parts.isEmpty() ? Sql.of("1 = 1") : Sql.join(parts, " AND "));
    }

    private Optional<Sql> pair(RowPredicate.PairCompare p) {
        Kind a = compiler.kind(p.columnA());
        Kind b = compiler.kind(p.columnB());
        if (!SqlCompiler.sameFamily(a, b)) {
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
        String left = compiler.value(p.columnA());
        String right = compiler.value(p.columnB());
        if (a != b) {
            // Mixed numbers compare as doubles in the Arrow engine.
            left = dialect.doubleValue(left);
            right = dialect.doubleValue(right);
        }
        return Optional.of(Sql.of(left + operator + right));
    }

    /** A condition true for the rows {@code ignoreRowIf} skips because of missing values among {@code columns}. */
    Sql ignored(RowPredicate.IgnoreRowIf ignoreRowIf, List<String> columns) {
        List<String> nulls =
                columns.stream().map(c -> compiler.quoted(c) + " IS NULL").toList();
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
