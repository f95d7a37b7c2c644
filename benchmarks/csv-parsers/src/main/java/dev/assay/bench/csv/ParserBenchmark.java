package dev.assay.bench.csv;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.univocity.parsers.csv.CsvParserSettings;
import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.CsvReader;
import dev.assay.csv.CsvSource;
import dev.assay.source.RecordBatch;
import dev.assay.source.ScanRequest;
import dev.assay.source.Split;
import java.io.IOException;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Single-thread tokenizing throughput of CSV parsers on one file, plus the Assay CSV reader end to end
 * (tokenize and convert all columns into Arrow vectors) on one split and on all splits.
 *
 * <p>Every parser visits every field and adds up field lengths and counts, so no work can be skipped.
 * Reports wall-clock MB/s (best and median of the repetitions) and, for candidates that run on the
 * calling thread, MB/s of that thread's CPU time, which other load on the machine hardly disturbs.
 * Usage: {@code ParserBenchmark <file> [repetitions] [threads] [name filter]}
 */
public final class ParserBenchmark {
    private ParserBenchmark() {}

    interface Candidate {
        /** Returns a checksum: fields + total field length (chars or bytes). */
        long run(Path file) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : Runtime.getRuntime().availableProcessors();
        String only = args.length > 3 ? args[3] : "";
        double mb = Files.size(file) / 1e6;
        System.out.printf(Locale.ROOT, "file %s: %.1f MB, %d repetitions after 1 warm-up%n", file, mb, reps);
        System.out.printf(Locale.ROOT, "%-46s %9s %9s %12s%n", "candidate", "best MB/s", "median", "CPU MB/s");
        run("FastCSV 4.0.0 (callback handler, no Strings)", ParserBenchmark::fastCsvCallback, file, reps, mb, only);
        run("FastCSV 4.0.0 (CsvRecord)", ParserBenchmark::fastCsvRecord, file, reps, mb, only);
        run("Jackson CSV 2.22.4 (streaming tokens)", ParserBenchmark::jackson, file, reps, mb, only);
        run("Commons CSV 1.14.1 (CSVRecord)", ParserBenchmark::commonsCsv, file, reps, mb, only);
        run("univocity-parsers 2.9.1 (String[])", ParserBenchmark::univocity, file, reps, mb, only);
        run("Assay tokenizer (bytes, no columns)", f -> assay(f, List.of(), 1), file, reps, mb, only);
        run("Assay reader, 13 columns to Arrow, 1 thread", f -> assay(f, null, 1), file, reps, mb, only);
        run("Assay reader, 13 columns to Arrow, " + threads + " threads", f -> assay(f, null, threads), file, reps, mb, only);
    }

    private static void run(String name, Candidate c, Path file, int reps, double mb, String only) throws Exception {
        if (!only.isEmpty() && !name.toLowerCase(Locale.ROOT).contains(only.toLowerCase(Locale.ROOT))) {
            return;
        }
        c.run(file);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] wall = new double[reps];
        double[] cpu = new double[reps];
        long check = 0;
        for (int i = 0; i < reps; i++) {
            long cpu0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            check = c.run(file);
            wall[i] = (System.nanoTime() - t0) / 1e9;
            cpu[i] = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        boolean onThisThread = cpu[reps / 2] > wall[reps / 2] / 4;
        System.out.printf(
                Locale.ROOT,
                "%-46s %9.1f %9.1f %12s   (check %d)%n",
                name,
                mb / wall[0],
                mb / wall[reps / 2],
                onThisThread ? String.format(Locale.ROOT, "%.1f", mb / cpu[0]) : "-",
                check);
    }

    private static long fastCsvCallback(Path file) throws IOException {
        final class Counter extends AbstractBaseCsvCallbackHandler<Object> {
            long fields;
            long chars;

            @Override
            protected void handleField(int fieldIdx, char[] buf, int offset, int len, boolean quoted) {
                fields++;
                chars += len;
            }

            @Override
            protected Object buildRecord() {
                return this;
            }
        }
        Counter counter = new Counter();
        try (CsvReader<Object> reader = CsvReader.builder().build(counter, file)) {
            for (Object ignored : reader) {
                // the handler counts
            }
        }
        return counter.fields + counter.chars;
    }

    private static long fastCsvRecord(Path file) throws IOException {
        long sum = 0;
        try (CsvReader<de.siegmar.fastcsv.reader.CsvRecord> reader = CsvReader.builder().ofCsvRecord(file)) {
            for (de.siegmar.fastcsv.reader.CsvRecord r : reader) {
                for (int i = 0; i < r.getFieldCount(); i++) {
                    sum += 1 + r.getField(i).length();
                }
            }
        }
        return sum;
    }

    private static long jackson(Path file) throws IOException {
        long sum = 0;
        CsvFactory factory = new CsvFactory();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                com.fasterxml.jackson.core.JsonParser parser = factory.createParser(reader)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.VALUE_STRING) {
                    sum += 1 + parser.getTextLength();
                }
            }
        }
        return sum;
    }

    private static long commonsCsv(Path file) throws IOException {
        long sum = 0;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.parse(reader, CSVFormat.RFC4180)) {
            for (CSVRecord r : parser) {
                for (int i = 0; i < r.size(); i++) {
                    sum += 1 + r.get(i).length();
                }
            }
        }
        return sum;
    }

    private static long univocity(Path file) throws IOException {
        CsvParserSettings settings = new CsvParserSettings();
        settings.setMaxCharsPerColumn(-1);
        settings.setLineSeparatorDetectionEnabled(false);
        settings.getFormat().setLineSeparator("\n");
        settings.setNullValue("");
        settings.setEmptyValue("");
        settings.setIgnoreLeadingWhitespaces(false);
        settings.setIgnoreTrailingWhitespaces(false);
        com.univocity.parsers.csv.CsvParser parser = new com.univocity.parsers.csv.CsvParser(settings);
        long sum = 0;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            parser.beginParsing(reader);
            String[] row;
            while ((row = parser.parseNext()) != null) {
                for (String f : row) {
                    sum += 1 + f.length();
                }
            }
        }
        return sum;
    }

    /** Rows read; {@code columns} null means all. */
    private static long assay(Path file, List<String> columns, int threads) throws Exception {
        CsvSource source = CsvSource.file(file);
        List<String> cols = columns == null ? source.schema().columnNames() : columns;
        AtomicLong rows = new AtomicLong();
        try (BufferAllocator allocator = new RootAllocator()) {
            List<Split> splits = source.splits(new ScanRequest(cols, allocator, 65_536));
            if (threads == 1) {
                for (Split s : splits) {
                    s.read((RecordBatch b) -> rows.addAndGet(b.rowCount()));
                }
            } else {
                ExecutorService pool = Executors.newFixedThreadPool(threads);
                try {
                    List<Future<?>> futures = new ArrayList<>();
                    for (Split s : splits) {
                        futures.add(pool.submit(() -> s.read((RecordBatch b) -> rows.addAndGet(b.rowCount()))));
                    }
                    for (Future<?> f : futures) {
                        f.get();
                    }
                } finally {
                    pool.shutdown();
                }
            }
        }
        return rows.get();
    }
}
