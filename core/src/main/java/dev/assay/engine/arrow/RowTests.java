package dev.assay.engine.arrow;

import dev.assay.error.AssayException;
import dev.assay.error.ErrorCode;
import dev.assay.metric.RowPredicate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles a {@link RowPredicate} into a {@link RowTest} over the typed columns of one batch. The
 * arguments are converted once per compile to the column's representation.
 */
final class RowTests {
    private RowTests() {}

    static RowTest compile(RowPredicate predicate, BatchView batch) {
        if (predicate instanceof RowPredicate.NotNull || predicate instanceof RowPredicate.IsNull) {
            return row -> true; // null handling alone decides
        }
        if (predicate instanceof RowPredicate.Between b) {
            return between(b, batch.column(b.column()));
        }
        if (predicate instanceof RowPredicate.InSet s) {
            return inSet(s, batch.column(s.column()));
        }
        if (predicate instanceof RowPredicate.MatchesRegex r) {
            return regex(r, batch.column(r.column()));
        }
        if (predicate instanceof RowPredicate.LengthBetween l) {
            return length(l, batch.column(l.column()));
        }
        if (predicate instanceof RowPredicate.PairCompare p) {
            return pair(p, batch.column(p.columnA()), batch.column(p.columnB()));
        }
        throw new AssertionError(predicate);
    }

    private static RowTest between(RowPredicate.Between b, ArrowColumn col) {
        boolean hasMin = b.min().isPresent();
        boolean hasMax = b.max().isPresent();
        boolean strictMin = b.strictMin();
        boolean strictMax = b.strictMax();
        switch (col.kind) {
            case INTEGER:
                if (b.min().map(Bounds::isWhole).orElse(true)
                        && b.max().map(Bounds::isWhole).orElse(true)) {
                    long lo = hasMin ? Bounds.toLong(b.min().get(), col, "min_value") : Long.MIN_VALUE;
                    long hi = hasMax ? Bounds.toLong(b.max().get(), col, "max_value") : Long.MAX_VALUE;
                    return longRange(col, hasMin, lo, strictMin, hasMax, hi, strictMax);
                }
                return doubleRange(col, b, hasMin, hasMax, strictMin, strictMax);
            case FLOAT:
            case DECIMAL:
                return doubleRange(col, b, hasMin, hasMax, strictMin, strictMax);
            case DATE:
            case TIMESTAMP:
            case TIME:
            case BOOLEAN: {
                long lo = hasMin ? Bounds.toLong(b.min().get(), col, "min_value") : Long.MIN_VALUE;
                long hi = hasMax ? Bounds.toLong(b.max().get(), col, "max_value") : Long.MAX_VALUE;
                return longRange(col, hasMin, lo, strictMin, hasMax, hi, strictMax);
            }
            case STRING: {
                ArrowColumn.StringColumn s = (ArrowColumn.StringColumn) col;
                byte[] lo = hasMin ? Bounds.toBytes(b.min().get(), col, "min_value") : null;
                byte[] hi = hasMax ? Bounds.toBytes(b.max().get(), col, "max_value") : null;
                var data = s.strings.getDataBuffer();
                return row -> {
                    int start = s.start(row);
                    int len = s.byteLength(row);
                    if (lo != null) {
                        int c = Utf8.compare(data, start, len, lo);
                        if (strictMin ? c <= 0 : c < 0) {
                            return false;
                        }
                    }
                    if (hi != null) {
                        int c = Utf8.compare(data, start, len, hi);
                        return strictMax ? c < 0 : c <= 0;
                    }
                    return true;
                };
            }
            default:
                throw unsupported("a range", col);
        }
    }

    private static RowTest longRange(
            ArrowColumn col, boolean hasMin, long lo, boolean strictMin, boolean hasMax, long hi, boolean strictMax) {
        long min = !hasMin ? Long.MIN_VALUE : strictMin ? lo + 1 : lo;
        long max = !hasMax ? Long.MAX_VALUE : strictMax ? hi - 1 : hi;
        if ((hasMin && strictMin && lo == Long.MAX_VALUE) || (hasMax && strictMax && hi == Long.MIN_VALUE)) {
            return row -> false;
        }
        return row -> {
            long v = col.getLong(row);
            return v >= min && v <= max;
        };
    }

    private static RowTest doubleRange(
            ArrowColumn col,
            RowPredicate.Between b,
            boolean hasMin,
            boolean hasMax,
            boolean strictMin,
            boolean strictMax) {
        double lo = hasMin ? Bounds.toDouble(b.min().get(), col, "min_value") : Double.NEGATIVE_INFINITY;
        double hi = hasMax ? Bounds.toDouble(b.max().get(), col, "max_value") : Double.POSITIVE_INFINITY;
        return row -> {
            double v = col.getDouble(row);
            boolean aboveMin = !hasMin || (strictMin ? v > lo : v >= lo);
            boolean belowMax = !hasMax || (strictMax ? v < hi : v <= hi);
            return aboveMin && belowMax;
        };
    }

    private static RowTest inSet(RowPredicate.InSet s, ArrowColumn col) {
        boolean negated = s.negated();
        switch (col.kind) {
            case STRING: {
                ArrowColumn.StringColumn str = (ArrowColumn.StringColumn) col;
                List<byte[]> values = new ArrayList<>();
                for (Object v : s.values()) {
                    values.add(Bounds.toBytes(v instanceof String ? v : String.valueOf(v), col, "value_set item"));
                }
                var data = str.strings.getDataBuffer();
                if (col instanceof ArrowColumn.DictionaryStringColumn d) {
                    // Each dictionary entry is looked up once; a row only reads its entry's answer.
                    BytesHashTable set = new BytesHashTable(false);
                    for (byte[] b : values) {
                        set.add(b, b.length, 0);
                    }
                    boolean[] member = new boolean[d.dictionarySize()];
                    for (int id = 0; id < member.length; id++) {
                        member[id] = set.contains(data, d.entryStart(id), d.entryLength(id));
                    }
                    return row -> member[d.id(row)] != negated;
                }
                if (values.size() <= 8) {
                    // A few values: comparing lengths, then bytes, beats hashing every value (and this
                    // runs once per record batch, so no table is built for a small set).
                    byte[][] small = values.toArray(byte[][]::new);
                    return row -> {
                        int start = str.start(row);
                        int length = str.byteLength(row);
                        for (byte[] v : small) {
                            if (v.length == length && Utf8.equals(data, start, length, v)) {
                                return !negated;
                            }
                        }
                        return negated;
                    };
                }
                BytesHashTable set = new BytesHashTable(false);
                for (byte[] b : values) {
                    set.add(b, b.length, 0);
                }
                return row -> set.contains(data, str.start(row), str.byteLength(row)) != negated;
            }
            case FLOAT:
            case DECIMAL: {
                LongHashTable set = new LongHashTable();
                for (Object v : s.values()) {
                    if (v != null) {
                        set.addCount(DoubleKeys.key(Bounds.toDouble(v, col, "value_set item")));
                    }
                }
                return row -> set.contains(DoubleKeys.key(col.getDouble(row))) != negated;
            }
            case INTEGER:
            case BOOLEAN:
            case DATE:
            case TIMESTAMP:
            case TIME: {
                LongHashTable set = new LongHashTable();
                boolean integer = col.kind == ValueKind.INTEGER;
                for (Object v : s.values()) {
                    if (v == null) {
                        continue;
                    }
                    if (integer && v instanceof Double d) {
                        // A fractional value can never equal an integer, so it adds nothing to the set.
                        if (d == Math.rint(d) && Math.abs(d) < 0x1p63) {
                            set.addCount(d.longValue());
                        }
                        continue;
                    }
                    set.addCount(Bounds.toLong(v, col, "value_set item"));
                }
                return row -> set.contains(col.getLong(row)) != negated;
            }
            default:
                throw unsupported("a value set", col);
        }
    }

    private static RowTest regex(RowPredicate.MatchesRegex r, ArrowColumn col) {
        if (col.kind != ValueKind.STRING) {
            throw unsupported("a regular expression", col);
        }
        ArrowColumn.StringColumn s = (ArrowColumn.StringColumn) col;
        Pattern pattern;
        try {
            pattern = r.pattern();
        } catch (IllegalArgumentException e) {
            throw new AssayException(ErrorCode.INVALID_EXPECTATION, e.getMessage(), e);
        }
        Matcher matcher = pattern.matcher("");
        boolean negated = r.negated();
        Utf8Chars chars = new Utf8Chars();
        var data = s.strings.getDataBuffer();
        return row ->
                matcher.reset(chars.set(data, s.start(row), s.byteLength(row))).find() != negated;
    }

    private static RowTest length(RowPredicate.LengthBetween l, ArrowColumn col) {
        if (col.kind != ValueKind.STRING) {
            throw unsupported("a value length", col);
        }
        ArrowColumn.StringColumn s = (ArrowColumn.StringColumn) col;
        long lo = l.min().map(v -> l.strictMin() ? v + 1 : v).orElse(Long.MIN_VALUE);
        long hi = l.max().map(v -> l.strictMax() ? v - 1 : v).orElse(Long.MAX_VALUE);
        return row -> {
            long n = s.codePoints(row);
            return n >= lo && n <= hi;
        };
    }

    private static RowTest pair(RowPredicate.PairCompare p, ArrowColumn a, ArrowColumn b) {
        RowPredicate.Comparison cmp = p.comparison();
        Comparator comparator = comparator(a, b);
        switch (cmp) {
            case A_GREATER_THAN_B:
                return row -> comparator.compare(row) > 0;
            case A_GREATER_THAN_OR_EQUAL_TO_B:
                return row -> comparator.compare(row) >= 0;
            case EQUAL:
                return row -> comparator.compare(row) == 0;
        }
        throw new AssertionError(cmp);
    }

    /** Compares the values of two columns in one row. */
    private interface Comparator {
        int compare(int row);
    }

    private static Comparator comparator(ArrowColumn a, ArrowColumn b) {
        if (a.kind == ValueKind.INTEGER && b.kind == ValueKind.INTEGER) {
            return row -> Long.compare(a.getLong(row), b.getLong(row));
        }
        if (a.kind.numeric() && b.kind.numeric()) {
            return row -> Double.compare(a.getDouble(row), b.getDouble(row));
        }
        if (a.kind == ValueKind.STRING && b.kind == ValueKind.STRING) {
            ArrowColumn.StringColumn x = (ArrowColumn.StringColumn) a;
            ArrowColumn.StringColumn y = (ArrowColumn.StringColumn) b;
            var xd = x.strings.getDataBuffer();
            var yd = y.strings.getDataBuffer();
            return row -> Utf8.compare(xd, x.start(row), x.byteLength(row), yd, y.start(row), y.byteLength(row));
        }
        if (a.kind == ValueKind.DATE && b.kind == ValueKind.DATE) {
            return row -> Long.compare(a.getLong(row), b.getLong(row));
        }
        if (a.kind == ValueKind.TIMESTAMP && b.kind == ValueKind.TIMESTAMP) {
            var ua = ((ArrowColumn.TimestampColumn) a).unit;
            var ub = ((ArrowColumn.TimestampColumn) b).unit;
            if (ua == ub) {
                return row -> Long.compare(a.getLong(row), b.getLong(row));
            }
            return row -> Long.compare(
                    java.util.concurrent.TimeUnit.NANOSECONDS.convert(a.getLong(row), ua),
                    java.util.concurrent.TimeUnit.NANOSECONDS.convert(b.getLong(row), ub));
        }
        if (a.kind == b.kind && a.kind.longOrdered()) {
            return row -> Long.compare(a.getLong(row), b.getLong(row));
        }
        throw new AssayException(
                ErrorCode.METRIC_UNAVAILABLE,
                "columns '" + a.name() + "' (" + TypeNames.of(a.vector.getField()) + ") and '" + b.name() + "' ("
                        + TypeNames.of(b.vector.getField()) + ") cannot be compared");
    }

    private static AssayException unsupported(String what, ArrowColumn col) {
        return ArrowColumn.unsupported(what, col.name(), TypeNames.of(col.vector.getField()));
    }
}
