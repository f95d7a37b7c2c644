package dev.assay.engine.arrow;

import dev.assay.error.AssayException;
import dev.assay.error.ColumnNotFoundException;
import dev.assay.error.ErrorCode;
import dev.assay.error.MetricUnavailableException;
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
import dev.assay.metric.UnexpectedRows;
import dev.assay.model.RowFilter;
import dev.assay.source.DatasetSchema;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Maps each metric to the accumulator that computes it and a function that reads the value out. Checks
 * up front that columns exist and that the metric applies to their types, so such a metric fails alone.
 */
final class MetricPlanner {
    private final DatasetSchema schema;
    private final String batchName;

    MetricPlanner(DatasetSchema schema, String batchName) {
        this.schema = schema;
        this.batchName = batchName;
    }

    /** The plan of one metric: which accumulator and how to read the value from it. */
    record Plan(AccumulatorSpec spec, Function<Accumulator, Object> extract) {}

    record CountKey(RowFilter filter) {}

    record StatsKey(String column, RowFilter filter) {}

    record ValuesKey(String column, RowFilter filter) {}

    record DistinctKey(String column, RowFilter filter) {}

    /**
     * Plans {@code metric}.
     *
     * @throws AssayException if a column is missing or the metric does not apply to its type
     */
    Plan plan(Metric<?> metric) {
        for (String column : metric.columns()) {
            require(column);
        }
        RowFilter filter = metric.filter();
        if (metric instanceof RowCount) {
            return new Plan(
                    new AccumulatorSpec(new CountKey(filter), filter, Set.of(), CountAccumulator::new),
                    a -> ((CountAccumulator) a).count);
        }
        if (metric instanceof ColumnNullCount m) {
            return new Plan(stats(m.column(), filter), a -> ((StatsAccumulator) a).nulls);
        }
        if (metric instanceof ColumnMin m) {
            ValueKind kind = ordered(m.column(), "a minimum");
            return new Plan(stats(m.column(), filter), a -> min((StatsAccumulator) a, kind));
        }
        if (metric instanceof ColumnMax m) {
            ValueKind kind = ordered(m.column(), "a maximum");
            return new Plan(stats(m.column(), filter), a -> max((StatsAccumulator) a, kind));
        }
        if (metric instanceof ColumnSum m) {
            ValueKind kind = numeric(m.column(), "a sum");
            return new Plan(stats(m.column(), filter), a -> sum((StatsAccumulator) a, kind));
        }
        if (metric instanceof ColumnMean m) {
            numeric(m.column(), "a mean");
            return new Plan(stats(m.column(), filter), a -> {
                StatsAccumulator s = (StatsAccumulator) a;
                return s.count == 0 ? Optional.empty() : Optional.of(s.mean);
            });
        }
        if (metric instanceof ColumnStdev m) {
            numeric(m.column(), "a standard deviation");
            return new Plan(stats(m.column(), filter), a -> {
                StatsAccumulator s = (StatsAccumulator) a;
                return s.count < 2 ? Optional.empty() : Optional.of(Math.sqrt(s.m2 / (s.count - 1)));
            });
        }
        if (metric instanceof ColumnMedian m) {
            numeric(m.column(), "a median");
            return new Plan(values(m.column(), filter), a -> Optional.ofNullable(((ValuesAccumulator) a).median()));
        }
        if (metric instanceof ColumnQuantiles m) {
            ValueKind kind = kind(m.column());
            if (!kind.numeric() && !kind.longOrdered()) {
                throw unsupported("quantiles", m.column());
            }
            List<Double> qs = m.quantiles();
            return new Plan(values(m.column(), filter), a -> ((ValuesAccumulator) a).quantiles(qs));
        }
        if (metric instanceof ColumnDistinctCount m) {
            return new Plan(distinct(m.column(), filter), a -> ((DistinctAccumulator) a).distinctCount());
        }
        if (metric instanceof ColumnDistinctValues m) {
            return new Plan(distinct(m.column(), filter), a -> ((DistinctAccumulator) a).sortedValues());
        }
        if (metric instanceof UnexpectedRows m) {
            return new Plan(
                    new AccumulatorSpec(m, filter, m.columns(), () -> new UnexpectedAccumulator(m)),
                    a -> a); // resolved by the engine, which knows the row numbers
        }
        if (metric instanceof DuplicateRows m) {
            List<ValueKind> kinds = new ArrayList<>();
            for (String c : m.keyColumns()) {
                kinds.add(kind(c));
            }
            return new Plan(
                    new AccumulatorSpec(m, filter, m.columns(), () -> new DuplicateAccumulator(m, kinds)), a -> a);
        }
        throw new AssayException(
                dev.assay.error.ErrorCode.METRIC_UNAVAILABLE,
                "the Arrow engine cannot compute " + metric.getClass().getSimpleName());
    }

    private AccumulatorSpec stats(String column, RowFilter filter) {
        ValueKind kind = kind(column);
        return new AccumulatorSpec(
                new StatsKey(column, filter), filter, Set.of(column), () -> new StatsAccumulator(column, kind));
    }

    private AccumulatorSpec values(String column, RowFilter filter) {
        ValueKind kind = kind(column);
        return new AccumulatorSpec(
                new ValuesKey(column, filter), filter, Set.of(column), () -> new ValuesAccumulator(column, kind));
    }

    private AccumulatorSpec distinct(String column, RowFilter filter) {
        ValueKind kind = kind(column);
        return new AccumulatorSpec(
                new DistinctKey(column, filter), filter, Set.of(column), () -> new DistinctAccumulator(column, kind));
    }

    private Field require(String column) {
        Optional<Field> field = schema.find(column);
        if (field.isEmpty()) {
            throw new ColumnNotFoundException(schema.missingColumnMessage(column, batchName));
        }
        Optional<String> unreadable = DatasetSchema.unreadableReason(field.get());
        if (unreadable.isPresent()) {
            throw new MetricUnavailableException(ErrorCode.METRIC_UNAVAILABLE, unreadable.get());
        }
        return field.get();
    }

    private ValueKind kind(String column) {
        return ArrowColumn.kindOf(require(column).getType());
    }

    private ValueKind ordered(String column, String what) {
        ValueKind kind = kind(column);
        if (kind == ValueKind.OTHER) {
            throw unsupported(what, column);
        }
        return kind;
    }

    private ValueKind numeric(String column, String what) {
        ValueKind kind = kind(column);
        if (!kind.numeric()) {
            throw unsupported(what, column);
        }
        return kind;
    }

    private AssayException unsupported(String what, String column) {
        return ArrowColumn.unsupported(what, column, TypeNames.of(require(column)));
    }

    private static Optional<Object> min(StatsAccumulator s, ValueKind kind) {
        if (s.count == 0) {
            return Optional.empty();
        }
        switch (kind) {
            case FLOAT:
                return Optional.of(s.minDouble);
            case DECIMAL:
                return Optional.of(s.minDecimal);
            case STRING:
                return Optional.of(new String(s.minBytes, StandardCharsets.UTF_8));
            default:
                return Optional.of(s.lastColumn.objectOfLong(s.minLong));
        }
    }

    private static Optional<Object> max(StatsAccumulator s, ValueKind kind) {
        if (s.count == 0) {
            return Optional.empty();
        }
        switch (kind) {
            case FLOAT:
                return Optional.of(s.maxDouble);
            case DECIMAL:
                return Optional.of(s.maxDecimal);
            case STRING:
                return Optional.of(new String(s.maxBytes, StandardCharsets.UTF_8));
            default:
                return Optional.of(s.lastColumn.objectOfLong(s.maxLong));
        }
    }

    private static Optional<Number> sum(StatsAccumulator s, ValueKind kind) {
        if (s.count == 0) {
            return Optional.empty();
        }
        if (kind == ValueKind.INTEGER && !s.sumOverflow) {
            return Optional.of(s.sumLong);
        }
        if (kind == ValueKind.DECIMAL) {
            return Optional.of(s.sumDecimal);
        }
        return Optional.of(s.sumDouble);
    }
}
