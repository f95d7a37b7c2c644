package dev.assay.parquet;

import dev.assay.source.ScanRequest;
import dev.assay.source.Split;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * A rough throughput check, not a test: writes a 10M-row snappy file (id int64, fare double, city string,
 * at timestamp) and reads three columns on one thread and on every core. Run with the test class path:
 * {@code java --add-opens=java.base/java.nio=ALL-UNNAMED -cp ... dev.assay.parquet.ParquetReadBenchmark [rows]}.
 */
public final class ParquetReadBenchmark {
    private ParquetReadBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
        Path dir = Files.createTempDirectory("assay-parquet-bench");
        Path file = dir.resolve("bench.parquet");
        ParquetFiles writer = ParquetFiles.schema("message bench { required int64 id; optional double fare;"
                        + " optional binary city (STRING); optional int64 at (TIMESTAMP(MICROS,true)); }")
                .codec(CompressionCodecName.SNAPPY)
                .rowGroupRows(1_000_000)
                .pageRows(20_000);
        long t0 = System.nanoTime();
        java.util.Random random = new java.util.Random(7);
        Iterable<Group> generated = () -> new java.util.Iterator<Group>() {
            private int i;

            @Override
            public boolean hasNext() {
                return i < rows;
            }

            @Override
            public Group next() {
                Group g = writer.row().append("id", (long) i);
                if (i % 17 != 0) {
                    g.append("fare", random.nextInt(10_000) / 100.0);
                }
                g.append("city", "city-" + random.nextInt(200));
                g.append("at", 1_700_000_000_000_000L + i * 1000L);
                i++;
                return g;
            }
        };
        writer.write(file, generated);
        System.out.printf(
                "wrote %,d rows, %,d bytes in %.1f s%n", rows, Files.size(file), (System.nanoTime() - t0) / 1e9);
        ParquetSource source = ParquetSource.file(file);
        List<String> columns = List.of("id", "fare", "city");
        int cores = Runtime.getRuntime().availableProcessors();
        for (int round = 0; round < 3; round++) {
            run(source, columns, 1);
            run(source, columns, cores);
        }
        for (String column : List.of("id", "fare", "city", "at")) {
            run(source, List.of(column), 1);
            run(source, List.of(column), 1);
        }
        Files.delete(file);
        Files.delete(dir);
    }

    private static void run(ParquetSource source, List<String> columns, int threads) throws Exception {
        AtomicLong rows = new AtomicLong();
        long t0 = System.nanoTime();
        try (BufferAllocator allocator = new RootAllocator()) {
            List<Split> splits = source.splits(new ScanRequest(columns, allocator, 65_536));
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (Split split : splits) {
                    futures.add(pool.submit(() -> split.read(b -> rows.addAndGet(b.rowCount()))));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
            } finally {
                pool.shutdown();
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(
                "%d thread(s): %,d rows x %d columns in %.2f s (%.1f M rows/s)%n",
                threads, rows.get(), columns.size(), seconds, rows.get() / seconds / 1e6);
    }
}
