package dev.assay.engine.arrow;

import dev.assay.engine.Engine;
import dev.assay.engine.EngineRun;
import dev.assay.engine.arrow.filter.RowFilterEvaluator;
import dev.assay.error.AssayException;
import dev.assay.error.ErrorCode;
import dev.assay.error.MetricUnavailableException;
import dev.assay.metric.ColumnInfo;
import dev.assay.metric.DuplicateRows;
import dev.assay.metric.Metric;
import dev.assay.metric.MetricValues;
import dev.assay.metric.TableColumns;
import dev.assay.metric.UnexpectedRows;
import dev.assay.metric.UnexpectedRowsResult;
import dev.assay.model.RowFilter;
import dev.assay.source.Batch;
import dev.assay.source.BatchStatistics;
import dev.assay.source.DatasetSchema;
import dev.assay.source.RecordBatch;
import dev.assay.source.ScanRequest;
import dev.assay.source.Split;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The Arrow engine: computes every metric of a validation in one pass over a stream of Arrow record
 * batches. Metrics that share state share one accumulator; splits are read on all cores, each worker
 * keeps its own accumulators, and the partial states merge at the end. Only the columns the metrics
 * name are requested from the source.
 *
 * <p>Memory: counts, sums, min/max, mean and variance use constant memory. Exact distinct counts,
 * uniqueness, median and quantiles keep every (distinct) value of their column in memory.
 *
 * <p>Thread-safe: one engine can validate several batches at once.
 */
public final class ArrowEngine implements Engine {
    /** The default number of rows per record batch requested from sources. */
    public static final int DEFAULT_BATCH_ROWS = 65_536;

    private final int parallelism;
    private final int batchRows;

    private ArrowEngine(int parallelism, int batchRows) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be >= 1: " + parallelism);
        }
        this.parallelism = parallelism;
        this.batchRows = batchRows;
    }

    /** An engine using every available core. */
    public static ArrowEngine create() {
        return new ArrowEngine(Runtime.getRuntime().availableProcessors(), DEFAULT_BATCH_ROWS);
    }

    /** This engine with at most {@code threads} worker threads. */
    public ArrowEngine withParallelism(int threads) {
        return new ArrowEngine(threads, batchRows);
    }

    /** This engine asking sources for record batches of {@code rows} rows. */
    public ArrowEngine withBatchRows(int rows) {
        return new ArrowEngine(parallelism, rows);
    }

    @Override
    public String name() {
        return "arrow";
    }

    @Override
    public EngineRun compute(Batch batch, Set<Metric<?>> metrics) {
        long start = System.nanoTime();
        DatasetSchema schema = batch.schema();
        MetricValues.Builder values = MetricValues.builder();
        MetricPlanner planner = new MetricPlanner(schema, batch.name());
        Map<Metric<?>, MetricPlanner.Plan> plans = new LinkedHashMap<>();
        for (Metric<?> metric : metrics) {
            if (metric instanceof TableColumns t) {
                List<ColumnInfo> columns = schema.fields().stream()
                        .map(f -> new ColumnInfo(f.getName(), TypeNames.of(f)))
                        .toList();
                values.put(t, columns);
                continue;
            }
            try {
                plans.put(metric, planner.plan(metric));
            } catch (AssayException e) {
                values.fail(metric, unavailable(e));
            }
        }
        Set<Metric<?>> fromStatistics = new LinkedHashSet<>();
        Optional<BatchStatistics> statistics =
                plans.keySet().stream().anyMatch(StatisticsAnswers::mayAnswer) ? batch.statistics() : Optional.empty();
        if (statistics.isPresent()) {
            fromStatistics.addAll(StatisticsAnswers.answer(statistics.get(), schema, plans, values));
            plans.keySet().removeAll(fromStatistics);
        }
        Map<Metric<?>, String> sources = new LinkedHashMap<>();
        fromStatistics.forEach(m -> sources.put(m, statistics.get().source()));
        if (plans.isEmpty()) {
            return new EngineRun(values.build(), 0, 0, 0, Duration.ofNanos(System.nanoTime() - start), sources);
        }
        Map<Object, AccumulatorSpec> specs = new LinkedHashMap<>();
        for (MetricPlanner.Plan plan : plans.values()) {
            specs.putIfAbsent(plan.spec().key(), plan.spec());
        }
        Scan scan = new Scan(schema, specs);
        scan.run(batch);
        Positions.Resolver resolver = new Positions.Resolver(scan.rowsPerOrdinal);
        for (Map.Entry<Metric<?>, MetricPlanner.Plan> e : plans.entrySet()) {
            Metric<?> metric = e.getKey();
            Object key = e.getValue().spec().key();
            AssayException failure = scan.failures.get(key);
            if (failure != null) {
                values.fail(metric, unavailable(failure));
                continue;
            }
            try {
                put(values, metric, extract(metric, e.getValue().extract(), scan.merged.get(key), resolver));
            } catch (AssayException ex) {
                values.fail(metric, unavailable(ex));
            }
        }
        return new EngineRun(
                values.build(), 1, scan.rows, scan.badRows, Duration.ofNanos(System.nanoTime() - start), sources);
    }

    @SuppressWarnings("unchecked")
    private static <V> void put(MetricValues.Builder values, Metric<V> metric, Object value) {
        values.put(metric, (V) value);
    }

    private static Object extract(
            Metric<?> metric, Function<Accumulator, Object> extract, Accumulator acc, Positions.Resolver resolver) {
        if (metric instanceof UnexpectedRows) {
            UnexpectedAccumulator u = (UnexpectedAccumulator) acc;
            return new UnexpectedRowsResult(u.elements, u.missing, u.unexpected, resolve(u.samples.sorted(), resolver));
        }
        if (metric instanceof DuplicateRows d) {
            DuplicateAccumulator u = (DuplicateAccumulator) acc;
            return new UnexpectedRowsResult(
                    u.elements,
                    u.missing,
                    u.unexpectedCount(),
                    resolve(u.samples(d.samples().limit()), resolver));
        }
        return extract.apply(acc);
    }

    private static List<UnexpectedRowsResult.UnexpectedRow> resolve(
            List<SampleHeap.Sample> samples, Positions.Resolver resolver) {
        List<UnexpectedRowsResult.UnexpectedRow> rows = new ArrayList<>(samples.size());
        for (SampleHeap.Sample s : samples) {
            rows.add(new UnexpectedRowsResult.UnexpectedRow(
                    resolver.rowNumber(s.position()), s.value(), s.index(), s.badCell()));
        }
        return rows;
    }

    private static MetricUnavailableException unavailable(AssayException e) {
        if (e instanceof MetricUnavailableException m) {
            return m;
        }
        MetricUnavailableException m = new MetricUnavailableException(e.code(), e.getMessage());
        m.initCause(e);
        return m;
    }

    /** One pass over a batch with a set of accumulators. */
    private final class Scan {
        private final Schema arrowSchema;
        private final Map<Object, AccumulatorSpec> specs;
        private final List<String> columns;
        private final Set<String> dictionaryColumns;
        final Map<Object, Accumulator> merged = new HashMap<>();
        final Map<Object, AssayException> failures = new java.util.concurrent.ConcurrentHashMap<>();
        final Map<Long, Integer> rowsPerOrdinal = new HashMap<>();
        long rows;
        long badRows;

        Scan(DatasetSchema schema, Map<Object, AccumulatorSpec> specs) {
            this.arrowSchema = new Schema(schema.fields());
            this.specs = specs;
            Set<String> needed = new LinkedHashSet<>();
            for (AccumulatorSpec spec : specs.values()) {
                needed.addAll(spec.columns());
                needed.addAll(spec.filter().columns());
            }
            // Ask for columns in schema order, so sources can read them in one sweep.
            this.columns =
                    schema.columnNames().stream().filter(needed::contains).toList();
            // Text may arrive dictionary-encoded where every reader goes through ArrowColumn: not in row
            // filters, which read the vectors' buffers themselves.
            Set<String> filtered = new LinkedHashSet<>();
            for (AccumulatorSpec spec : specs.values()) {
                filtered.addAll(spec.filter().columns());
            }
            this.dictionaryColumns = schema.fields().stream()
                    .filter(f -> needed.contains(f.getName()) && !filtered.contains(f.getName()))
                    .filter(f -> ArrowColumn.kindOf(f.getType()) == ValueKind.STRING)
                    .map(org.apache.arrow.vector.types.pojo.Field::getName)
                    .collect(java.util.stream.Collectors.toUnmodifiableSet());
        }

        void run(Batch batch) {
            // Filters that cannot be compiled fail their metrics alone.
            Map<RowFilter, List<AccumulatorSpec>> byFilter = new LinkedHashMap<>();
            for (AccumulatorSpec spec : specs.values()) {
                try {
                    RowFilterEvaluator.compile(spec.filter(), arrowSchema);
                    byFilter.computeIfAbsent(spec.filter(), f -> new ArrayList<>())
                            .add(spec);
                } catch (AssayException e) {
                    failures.put(spec.key(), e);
                }
            }
            try (BufferAllocator allocator = new RootAllocator()) {
                List<Split> splits = batch.splits(new ScanRequest(columns, allocator, batchRows, dictionaryColumns));
                int threads = Math.min(parallelism, Math.max(1, splits.size()));
                List<Worker> workers = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    workers.add(new Worker(byFilter));
                }
                if (threads == 1) {
                    workers.get(0).drain(splits, new AtomicInteger());
                } else {
                    runParallel(workers, splits);
                }
                Map<Object, List<Accumulator>> partials = new LinkedHashMap<>();
                java.util.TreeMap<Integer, Map<Object, Accumulator>> bySplit = new java.util.TreeMap<>();
                for (Worker w : workers) {
                    rows += w.rows;
                    badRows += w.badRows;
                    rowsPerOrdinal.putAll(w.rowsPerOrdinal);
                    w.accumulators.forEach((key, acc) -> {
                        if (!acc.orderSensitive()) {
                            partials.computeIfAbsent(key, k -> new ArrayList<>())
                                    .add(acc);
                        }
                    });
                    w.accumulators.clear();
                    bySplit.putAll(w.perSplit);
                }
                // Order-sensitive states merge in split order: the same result whichever thread read what.
                for (Map<Object, Accumulator> states : bySplit.values()) {
                    states.forEach((key, acc) -> partials.computeIfAbsent(key, k -> new ArrayList<>())
                            .add(acc));
                }
                // Accumulators of different metrics merge and finish independently: do them side by side.
                partials.entrySet().parallelStream().forEach(e -> {
                    List<Accumulator> list = e.getValue();
                    Accumulator first = list.get(0);
                    for (int i = 1; i < list.size(); i++) {
                        first.merge(list.get(i));
                        list.set(i, null); // let merged-away state be collected
                    }
                    first.finish();
                });
                partials.forEach((key, list) -> merged.put(key, list.get(0)));
                // A spec that saw no batch (an empty dataset) still answers, from an empty accumulator.
                for (AccumulatorSpec spec : specs.values()) {
                    merged.computeIfAbsent(spec.key(), k -> {
                        Accumulator empty = spec.factory().get();
                        empty.finish();
                        return empty;
                    });
                }
            }
        }

        private void runParallel(List<Worker> workers, List<Split> splits) {
            ExecutorService pool = Executors.newFixedThreadPool(workers.size(), r -> {
                Thread t = new Thread(r, "assay-scan");
                t.setDaemon(true);
                return t;
            });
            try {
                AtomicInteger next = new AtomicInteger();
                List<Future<?>> futures = new ArrayList<>();
                for (Worker w : workers) {
                    futures.add(pool.submit(() -> w.drain(splits, next)));
                }
                for (Future<?> f : futures) {
                    try {
                        f.get();
                    } catch (ExecutionException e) {
                        next.set(Integer.MAX_VALUE / 2); // stop the others from taking more splits
                        // Let the others finish the split they hold, so their vectors are freed before the
                        // allocator closes; their own failures, if any, are secondary.
                        for (Future<?> other : futures) {
                            try {
                                other.get();
                            } catch (ExecutionException secondary) {
                                if (secondary.getCause() != e.getCause()) {
                                    e.getCause().addSuppressed(secondary.getCause());
                                }
                            }
                        }
                        Throwable cause = e.getCause();
                        if (cause instanceof RuntimeException re) {
                            throw re;
                        }
                        if (cause instanceof Error err) {
                            throw err;
                        }
                        throw new AssayException(ErrorCode.INTERNAL, "scan failed: " + cause, cause);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssayException(ErrorCode.INTERNAL, "scan interrupted", e);
            } finally {
                pool.shutdownNow();
            }
        }

        /** One thread's share of the scan, with its own accumulators. */
        private final class Worker {
            private final List<FilterGroup> groups = new ArrayList<>();
            final Map<Object, Accumulator> accumulators = new LinkedHashMap<>();
            /** The states of order-sensitive accumulators, per split read, detached after each split. */
            final Map<Integer, Map<Object, Accumulator>> perSplit = new HashMap<>();

            private final List<Slot> orderSensitive = new ArrayList<>();
            final Map<Long, Integer> rowsPerOrdinal = new HashMap<>();
            long rows;
            long badRows;

            Worker(Map<RowFilter, List<AccumulatorSpec>> byFilter) {
                for (Map.Entry<RowFilter, List<AccumulatorSpec>> e : byFilter.entrySet()) {
                    List<Slot> accs = new ArrayList<>();
                    for (AccumulatorSpec spec : e.getValue()) {
                        Slot slot = new Slot(spec);
                        accumulators.put(spec.key(), slot.acc);
                        accs.add(slot);
                        if (slot.acc.orderSensitive()) {
                            orderSensitive.add(slot);
                        }
                    }
                    RowFilterEvaluator evaluator =
                            e.getKey().isNone() ? null : RowFilterEvaluator.compile(e.getKey(), arrowSchema);
                    groups.add(new FilterGroup(evaluator, accs, new Selection(batchRows)));
                }
            }

            void drain(List<Split> splits, AtomicInteger next) {
                int i;
                while ((i = next.getAndIncrement()) < splits.size()) {
                    splits.get(i).read(this::accept);
                    if (!orderSensitive.isEmpty()) {
                        Map<Object, Accumulator> states = new HashMap<>();
                        for (Slot slot : orderSensitive) {
                            states.put(slot.key, slot.acc);
                            slot.acc = slot.factory.get();
                            accumulators.put(slot.key, slot.acc);
                        }
                        perSplit.put(i, states);
                    }
                }
            }

            private void accept(RecordBatch batch) {
                int n = batch.rowCount();
                rows += n;
                rowsPerOrdinal.put(batch.ordinal(), n);
                BatchView view = new BatchView(batch);
                badRows += view.badRowCount();
                for (FilterGroup group : groups) {
                    Selection selection = group.selection;
                    if (group.evaluator == null) {
                        selection.selectAll(n);
                    } else {
                        selection.setSize(group.evaluator.select(batch.root(), selection.buffer(n)));
                    }
                    for (Slot slot : group.accumulators) {
                        Object key = slot.key;
                        if (failures.containsKey(key)) {
                            continue;
                        }
                        try {
                            slot.acc.add(view, selection);
                        } catch (AssayException ex) {
                            // The metric does not apply (a bound of the wrong type): it fails alone.
                            failures.putIfAbsent(key, ex);
                        }
                    }
                }
            }
        }
    }

    private record FilterGroup(RowFilterEvaluator evaluator, List<Slot> accumulators, Selection selection) {}

    /** One accumulator of a worker; an order-sensitive one is replaced by a fresh state after each split. */
    private static final class Slot {
        final Object key;
        final java.util.function.Supplier<Accumulator> factory;
        Accumulator acc;

        Slot(AccumulatorSpec spec) {
            this.key = spec.key();
            this.factory = spec.factory();
            this.acc = factory.get();
        }
    }
}
