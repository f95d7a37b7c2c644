package dev.assay.jdbc;

import dev.assay.internal.CodePoints;
import dev.assay.jdbc.SqlCompiler.Kind;
import dev.assay.metric.ColumnDistinctCount;
import dev.assay.metric.ColumnDistinctValues;
import dev.assay.metric.ColumnMax;
import dev.assay.metric.ColumnMean;
import dev.assay.metric.ColumnMedian;
import dev.assay.metric.ColumnMin;
import dev.assay.metric.ColumnNullCount;
import dev.assay.metric.ColumnQuantiles;
import dev.assay.metric.ColumnStdev;
import dev.assay.metric.ColumnSum;
import dev.assay.metric.DuplicateRows;
import dev.assay.metric.Metric;
import dev.assay.metric.RowCount;
import dev.assay.metric.RowPredicate;
import dev.assay.metric.UnexpectedRows;
import dev.assay.metric.UnexpectedRowsResult;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * Plans each metric the dialect can compute with exactly the Arrow engine's meaning: its aggregate select
 * items, the query it runs on its own, and how its value is made from them. A metric it cannot plan is
 * streamed. Stateless.
 */
final class SqlPlanner {
    private SqlPlanner() {}

    /** The metric's plan, or empty when the dialect cannot compute it exactly. */
    static Optional<Planned> plan(Metric<?> metric, SqlCompiler compiler, JdbcBatch.Relation relation) {
        Dialect dialect = compiler.dialect();
        if (metric instanceof RowCount m) {
            return Optional.of(new Planned(m, List.of(Sql.of("COUNT(*)"))) {
                @Override
                Object finish(SqlSession session, Sql where) {
                    return count(0);
                }
            });
        }
        if (metric instanceof ColumnNullCount m) {
            String c = compiler.quoted(m.column());
            return Optional.of(new Planned(m, List.of(Sql.of("COUNT(*) - COUNT(" + c + ")"))) {
                @Override
                Object finish(SqlSession session, Sql where) {
                    return count(0);
                }
            });
        }
        if (metric instanceof ColumnMin || metric instanceof ColumnMax) {
            String column = metric instanceof ColumnMin min ? min.column() : ((ColumnMax) metric).column();
            if (!compiler.comparable(column)) {
                return Optional.empty();
            }
            boolean bool = compiler.kind(column) == Kind.BOOLEAN;
            String v = compiler.value(column);
            String item = metric instanceof ColumnMin ? dialect.min(v, bool) : dialect.max(v, bool);
            Field field = compiler.field(column);
            return Optional.of(new Planned(metric, List.of(Sql.of(item))) {
                @Override
                Object readItem(SqlSession session, ResultSet row, int col, int i) throws SQLException {
                    return session.typed(row, col, field);
                }

                @Override
                Object finish(SqlSession session, Sql where) {
                    return Optional.ofNullable(results[0]);
                }
            });
        }
        if (metric instanceof ColumnSum m) {
            return sum(m, m.column(), compiler);
        }
        if (metric instanceof ColumnMean m) {
            return mean(m, compiler);
        }
        if (metric instanceof ColumnStdev || metric instanceof ColumnMedian) {
            String column = metric instanceof ColumnStdev sd ? sd.column() : ((ColumnMedian) metric).column();
            String c = compiler.quoted(column);
            Optional<String> item = metric instanceof ColumnStdev ? dialect.stddev(c) : dialect.median(c);
            if (item.isEmpty() || !compiler.kind(column).numeric()) {
                return Optional.empty();
            }
            return Optional.of(new Planned(metric, List.of(Sql.of(item.get()))) {
                @Override
                Object finish(SqlSession session, Sql where) {
                    return Optional.ofNullable(results[0]).map(d -> ((BigDecimal) d).doubleValue());
                }
            });
        }
        if (metric instanceof ColumnQuantiles m) {
            return quantiles(m, compiler);
        }
        if (metric instanceof ColumnDistinctCount m) {
            if (!compiler.comparable(m.column())) {
                return Optional.empty();
            }
            return Optional.of(new Planned(m, List.of(Sql.of("COUNT(DISTINCT " + compiler.value(m.column()) + ")"))) {
                @Override
                Object finish(SqlSession session, Sql where) {
                    return count(0);
                }
            });
        }
        if (metric instanceof ColumnDistinctValues m) {
            return distinctValues(m, compiler, relation);
        }
        if (metric instanceof UnexpectedRows m) {
            return unexpected(m, compiler, relation);
        }
        if (metric instanceof DuplicateRows m) {
            return duplicates(m, compiler, relation);
        }
        return Optional.empty();
    }

    private static Optional<Planned> sum(Metric<?> metric, String column, SqlCompiler compiler) {
        Kind kind = compiler.kind(column);
        if (!kind.numeric()) {
            return Optional.empty();
        }
        String c = compiler.quoted(column);
        Field field = compiler.field(column);
        return Optional.of(new Planned(metric, List.of(Sql.of(compiler.dialect().sum(c)), Sql.of("COUNT(" + c + ")"))) {
            @Override
            Object finish(SqlSession session, Sql where) {
                if (count(1) == 0) {
                    return Optional.empty();
                }
                BigDecimal sum = (BigDecimal) results[0];
                switch (kind) {
                    case INTEGER:
                        try {
                            return Optional.of(exactLong(sum));
                        } catch (ArithmeticException overflow) {
                            return Optional.of(sum.doubleValue());
                        }
                    case DECIMAL:
                        int scale = ((ArrowType.Decimal) field.getType()).getScale();
                        return Optional.of(sum.setScale(scale, RoundingMode.HALF_EVEN));
                    default:
                        return Optional.of(sum.doubleValue());
                }
            }
        });
    }

    /** A long from an exact sum, or from SQLite's double {@code TOTAL} while it is still exact. */
    private static long exactLong(BigDecimal sum) {
        if (sum.abs().compareTo(BigDecimal.valueOf(1L << 53)) > 0 && sum.scale() > 0) {
            throw new ArithmeticException("inexact");
        }
        return sum.setScale(0, RoundingMode.UNNECESSARY).longValueExact();
    }

    private static Optional<Planned> mean(ColumnMean m, SqlCompiler compiler) {
        Kind kind = compiler.kind(m.column());
        if (!kind.numeric()) {
            return Optional.empty();
        }
        String c = compiler.quoted(m.column());
        boolean exact = kind != Kind.FLOAT && compiler.dialect() != Dialect.SQLITE;
        // An exact sum divided here gives the correctly rounded mean (a database's AVG may round to 4 places).
        String first = exact ? compiler.dialect().sum(c) : "AVG(" + c + ")";
        return Optional.of(new Planned(m, List.of(Sql.of(first), Sql.of("COUNT(" + c + ")"))) {
            @Override
            Object finish(SqlSession session, Sql where) {
                long n = count(1);
                if (n == 0) {
                    return Optional.empty();
                }
                BigDecimal value = (BigDecimal) results[0];
                return Optional.of(
                        exact
                                ? value.divide(BigDecimal.valueOf(n), MathContext.DECIMAL128)
                                        .doubleValue()
                                : value.doubleValue());
            }
        });
    }

    private static Optional<Planned> quantiles(ColumnQuantiles m, SqlCompiler compiler) {
        Kind kind = compiler.kind(m.column());
        if (!compiler.comparable(m.column()) || !(kind.numeric() || kind.temporal())) {
            return Optional.empty();
        }
        String c = compiler.quoted(m.column());
        List<Sql> items = new ArrayList<>();
        for (double q : m.quantiles()) {
            Optional<String> item = compiler.dialect().quantile(c, q);
            if (item.isEmpty()) {
                return Optional.empty();
            }
            items.add(Sql.of(item.get()
                    .replace("(" + q + ")", "(" + BigDecimal.valueOf(q).toPlainString() + ")")));
        }
        items.add(Sql.of("COUNT(" + c + ")"));
        Field field = compiler.field(m.column());
        int last = items.size() - 1;
        return Optional.of(new Planned(m, items) {
            @Override
            Object readItem(SqlSession session, ResultSet row, int col, int i) throws SQLException {
                return i == last ? decimal(row, col) : session.typed(row, col, field);
            }

            @Override
            Object finish(SqlSession session, Sql where) {
                if (count(last) == 0) {
                    return List.of();
                }
                return Collections.unmodifiableList(Arrays.asList(Arrays.copyOf(results, last)));
            }
        });
    }

    private static Optional<Planned> distinctValues(
            ColumnDistinctValues m, SqlCompiler compiler, JdbcBatch.Relation relation) {
        if (!compiler.comparable(m.column())) {
            return Optional.empty();
        }
        String column = m.column();
        Field field = compiler.field(column);
        return Optional.of(new Planned(m, List.of()) {
            @Override
            Optional<Standalone> standalone(Sql where) {
                return Optional.of(new Standalone(
                        Sql.of("SELECT DISTINCT " + compiler.value(column) + " FROM ")
                                .append(relation.sql())
                                .append(" WHERE (")
                                .append(where)
                                .append(") AND " + compiler.quoted(column) + " IS NOT NULL"),
                        List.of(field)));
            }

            @Override
            Object finish(SqlSession session, Sql where) {
                List<Object> values = new ArrayList<>(standaloneRows.size());
                standaloneRows.forEach(r -> values.add(r[0]));
                values.sort(ORDER);
                return Collections.unmodifiableList(values);
            }
        });
    }

    /** The Arrow engine's order of distinct values: numbers by value, text by code point, times in order. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static final Comparator<Object> ORDER = (a, b) -> {
        if (a instanceof String x && b instanceof String y) {
            return CodePoints.compare(x, y);
        }
        return ((Comparable) a).compareTo(b);
    };

    private static Optional<Planned> unexpected(UnexpectedRows m, SqlCompiler compiler, JdbcBatch.Relation relation) {
        RowPredicate predicate = m.predicate();
        PredicateCompiler predicates = new PredicateCompiler(compiler);
        Optional<Sql> passes = predicates.passes(predicate);
        if (passes.isEmpty()) {
            return Optional.empty();
        }
        // Counted as COUNT(CASE WHEN <condition> THEN 1 END): the database adds only the rows that count (a
        // SUM of zeros and ones adds every row), and equal items of one statement are computed once.
        Sql missing;
        Sql bad;
        if (predicate instanceof RowPredicate.PairCompare pair) {
            String a = compiler.quoted(pair.columnA());
            String b = compiler.quoted(pair.columnB());
            Sql ignored = predicates.ignored(pair.ignoreRowIf(), pair.columns());
            missing = Sql.of("COUNT(CASE WHEN ").append(ignored).append(" THEN 1 END)");
            bad = Sql.of("CASE WHEN ")
                    .append(ignored)
                    .append(" THEN NULL WHEN " + a + " IS NULL OR " + b + " IS NULL THEN 1 WHEN ")
                    .append(passes.get())
                    .append(" THEN NULL ELSE 1 END");
        } else {
            String c = compiler.quoted(predicate.columns().get(0));
            switch (predicate.nullHandling()) {
                case UNEXPECTED:
                    missing = Sql.of("0");
                    bad = Sql.of("CASE WHEN " + c + " IS NULL THEN 1 END");
                    break;
                case ONLY_NULL_EXPECTED:
                    missing = Sql.of("0");
                    bad = Sql.of("CASE WHEN " + c + " IS NOT NULL THEN 1 END");
                    break;
                default:
                    missing = Sql.of("COUNT(*) - COUNT(" + c + ")");
                    // An unknown outcome counts as unexpected, as the row is not shown to pass.
                    bad = Sql.of("CASE WHEN " + c + " IS NULL THEN NULL WHEN ")
                            .append(passes.get())
                            .append(" THEN NULL ELSE 1 END");
            }
        }
        Sql unexpectedRow = Sql.of("(").append(bad).append(") = 1");
        List<Sql> items = List.of(
                Sql.of("COUNT(*)"), missing, Sql.of("COUNT(").append(bad).append(")"));
        return Optional.of(new Planned(m, items) {
            @Override
            boolean followsUp() {
                return count(2) > 0 && m.samples().limit() > 0;
            }

            @Override
            Object finish(SqlSession session, Sql where) throws SQLException {
                long unexpectedCount = count(2);
                if (unexpectedCount == 0) {
                    return new UnexpectedRowsResult(count(0), count(1), 0, List.of());
                }
                if (m.samples().limit() > 0 && !session.relation.dialect().rowNumbers()) {
                    throw new StreamInstead();
                }
                Samples samples = Samples.fetch(session, predicate.columns(), m, where, unexpectedRow, null, predicate);
                return new UnexpectedRowsResult(
                        count(0), count(1), unexpectedCount, samples.rows(), Optional.of(samples.query()));
            }
        });
    }

    private static Optional<Planned> duplicates(DuplicateRows m, SqlCompiler compiler, JdbcBatch.Relation relation) {
        List<String> keys = m.keyColumns();
        for (String key : keys) {
            if (!compiler.comparable(key)) {
                return Optional.empty();
            }
        }
        // A single column skips nulls, as GX does; several columns follow ignore_row_if.
        Sql ignored = keys.size() == 1
                ? Sql.of(compiler.quoted(keys.get(0)) + " IS NULL")
                : new PredicateCompiler(compiler).ignored(m.ignoreRowIf(), keys);
        String groupBy = String.join(", ", keys.stream().map(compiler::value).toList());
        return Optional.of(new Planned(m, List.of()) {
            @Override
            List<Sql> items(Sql where) {
                return List.of(
                        Sql.of("COUNT(*)"),
                        Sql.of("COUNT(CASE WHEN ").append(ignored).append(" THEN 1 END)"));
            }

            /** The rows of repeated keys: a grouping of its own, beside the aggregate (a serial step inside it). */
            @Override
            Optional<Standalone> standalone(Sql where) {
                return Optional.of(new Standalone(
                        Sql.of("SELECT COALESCE(SUM(assay_n), 0) FROM (SELECT COUNT(*) AS assay_n FROM ")
                                .append(relation.sql())
                                .append(" WHERE (")
                                .append(where)
                                .append(") AND NOT (")
                                .append(ignored)
                                .append(") GROUP BY " + groupBy + " HAVING COUNT(*) > 1) assay_dup"),
                        List.of(new Field("n", FieldType.nullable(new ArrowType.Int(64, true)), null))));
            }

            @Override
            boolean followsUp() {
                return repeated() > 0 && m.samples().limit() > 0;
            }

            private long repeated() {
                return standaloneRows == null
                                || standaloneRows.isEmpty()
                                || standaloneRows.get(0)[0] == null
                        ? 0
                        : (Long) standaloneRows.get(0)[0];
            }

            @Override
            Object finish(SqlSession session, Sql where) throws SQLException {
                long unexpectedCount = repeated();
                if (unexpectedCount == 0) {
                    return new UnexpectedRowsResult(count(0), count(1), 0, List.of());
                }
                if (m.samples().limit() > 0 && !session.relation.dialect().rowNumbers()) {
                    throw new StreamInstead();
                }
                Samples samples = Samples.fetch(session, keys, m, where, ignored, groupBy, null);
                return new UnexpectedRowsResult(
                        count(0), count(1), unexpectedCount, samples.rows(), Optional.of(samples.query()));
            }
        });
    }
}
