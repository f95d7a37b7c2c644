package dev.assay.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.result.ValidationResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The stores survive what production does to them: a writer killed mid-write, and two runs writing the
 * same results at once, in two processes and in many threads.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES) // guards against a hung child process, not a timing assertion
class StoreFaultTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** A child JVM and its standard output, read through one reader so no line is lost. */
    private record Child(Process process, BufferedReader out) {
        static Child start(String... args) throws IOException {
            Process p = StoreChild.start(args);
            return new Child(p, new BufferedReader(new InputStreamReader(p.getInputStream(), UTF_8)));
        }

        void awaitReady() throws IOException {
            assertThat(out.readLine()).as("the child's first line").isEqualTo("ready");
        }

        /** The rest of its output, once it has ended. */
        List<String> rest() throws IOException {
            List<String> lines = new ArrayList<>();
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(line);
            }
            return lines;
        }

        int exitCode() throws InterruptedException {
            return process.waitFor();
        }

        long pid() {
            return process.pid();
        }
    }

    @Test
    void every_object_is_whole_after_writers_are_killed_mid_write() throws Exception {
        Path folder = dir.resolve("store");
        Random random = new Random(20240131);
        int rounds = 6;
        int concurrentReads = 0;
        for (int round = 1; round <= rounds; round++) {
            Child child = Child.start("churn", folder.toString(), String.valueOf(round));
            child.awaitReady();
            // Until the kill, read what the writer replaces: a reader sees the old or the new version whole.
            Store reader = Store.local(folder);
            long killAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50 + random.nextInt(600));
            while (System.nanoTime() < killAt) {
                byte[] seen = reader.read("replaced/current").orElseThrow();
                assertThat(StoreChild.wholeVersion(seen))
                        .as("round %d: a concurrent read of replaced/current (%d bytes)", round, seen.length)
                        .isPresent();
                concurrentReads++;
            }
            child.process().destroyForcibly();
            assertThat(child.process().waitFor(1, TimeUnit.MINUTES)).isTrue();

            Store store = Store.local(folder);
            List<String> keys = store.list("");
            assertThat(keys).isNotEmpty().noneMatch(k -> k.contains(".tmp-")).contains("replaced/current");
            for (String key : keys) {
                Optional<Long> version = StoreChild.wholeVersion(store.read(key).orElseThrow());
                assertThat(version)
                        .as("round %d: %s holds one whole version", round, key)
                        .isPresent();
                if (key.startsWith("created/")) {
                    long seed = Long.parseLong(key.substring("created/".length(), key.indexOf('-')));
                    long n = Long.parseLong(key.substring(key.indexOf('-') + 1));
                    assertThat(version).as(key).contains(seed * 1_000_000 + n);
                }
            }
            long current = StoreChild.wholeVersion(
                            store.read("replaced/current").orElseThrow())
                    .orElseThrow();
            assertThat(current / 1_000_000)
                    .as("the replaced key holds a version of this round's writer")
                    .isEqualTo(round);
        }
        // Evidence that kills landed mid-write (not asserted: a kill may fall between two writes).
        System.out.println("temporary files left by killed writers over " + rounds + " rounds: "
                + countTempFiles(folder) + "; whole objects read while writing: " + concurrentReads);
    }

    private static int countTempFiles(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return (int) walk.filter(p -> p.getFileName().toString().startsWith(".tmp-"))
                    .count();
        }
    }

    @ParameterizedTest(name = "hard links: {0}")
    @ValueSource(booleans = {true, false})
    void two_processes_saving_the_same_results_at_once_keep_every_one(boolean hardLinks) throws Exception {
        Path folder = dir.resolve("store");
        Path go = dir.resolve("go");
        int perProcess = 300;
        String links = hardLinks ? "links" : "nolinks";
        Child a = Child.start("results", folder.toString(), String.valueOf(perProcess), go.toString(), links);
        Child b = Child.start("results", folder.toString(), String.valueOf(perProcess), go.toString(), links);
        a.awaitReady();
        b.awaitReady();
        Files.createFile(go);
        assertThat(a.rest()).containsExactly("done");
        assertThat(b.rest()).containsExactly("done");
        assertThat(a.exitCode()).isZero();
        assertThat(b.exitCode()).isZero();

        assertEveryResultStored(new ResultStore(Store.local(folder)), 2 * perProcess, Set.of(a.pid(), b.pid()));
    }

    @Test
    void many_threads_saving_the_same_results_at_once_keep_every_one() throws Exception {
        ResultStore results = new ResultStore(Store.local(dir.resolve("store")));
        ValidationResult result = StoreChild.result();
        int threads = 8;
        int perThread = 100;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        results.save(
                                result,
                                Map.of(
                                        "checkpoint",
                                        "nightly",
                                        "writer",
                                        ProcessHandle.current().pid()));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertEveryResultStored(
                results, threads * perThread, Set.of(ProcessHandle.current().pid()));
    }

    private static void assertEveryResultStored(ResultStore results, int expected, Set<Long> writers)
            throws IOException {
        List<ResultKey> keys = results.list();
        assertThat(keys).hasSize(expected);
        assertThat(results.store().list("")).hasSize(expected);
        Set<String> runIds = new HashSet<>();
        Map<Long, Integer> perWriter = new java.util.HashMap<>();
        for (ResultKey key : keys) {
            assertThat(key.suite()).isEqualTo("orders suite");
            assertThat(key.runTime()).isEqualTo(StoreChild.STARTED_AT);
            JsonNode json = JSON.readTree(results.read(key).orElseThrow());
            JsonNode meta = json.get("meta");
            assertThat(meta.get("run_id").asText()).isEqualTo(key.runId());
            assertThat(meta.get("checkpoint").asText()).isEqualTo("nightly");
            assertThat(json.get("results")).hasSize(2);
            runIds.add(key.runId());
            perWriter.merge(meta.get("writer").asLong(), 1, Integer::sum);
        }
        assertThat(runIds).as("no result overwrote another").hasSize(expected);
        assertThat(perWriter.keySet()).isEqualTo(writers);
        perWriter.values().forEach(n -> assertThat(n).isEqualTo(expected / writers.size()));
    }

    @ParameterizedTest(name = "hard links: {0}")
    @ValueSource(booleans = {true, false})
    void of_two_processes_creating_the_same_keys_exactly_one_wins_each(boolean hardLinks) throws Exception {
        Path folder = dir.resolve("store");
        Path go = dir.resolve("go");
        int keys = 400;
        String links = hardLinks ? "links" : "nolinks";
        Child a = Child.start("create", folder.toString(), String.valueOf(keys), "A", go.toString(), links);
        Child b = Child.start("create", folder.toString(), String.valueOf(keys), "B", go.toString(), links);
        a.awaitReady();
        b.awaitReady();
        Files.createFile(go);
        List<String> wonByA = a.rest();
        List<String> wonByB = b.rest();
        assertThat(a.exitCode()).isZero();
        assertThat(b.exitCode()).isZero();
        assertThat(wonByA).last().isEqualTo("done");
        assertThat(wonByB).last().isEqualTo("done");
        wonByA.remove("done");
        wonByB.remove("done");

        Store store = Store.local(folder);
        assertThat(store.list("race/")).hasSize(keys);
        Set<String> both = new HashSet<>(wonByA);
        both.retainAll(wonByB);
        assertThat(both).as("keys both processes think they created").isEmpty();
        assertThat(wonByA.size() + wonByB.size()).isEqualTo(keys);
        for (String key : wonByA) {
            assertThat(store.read(key))
                    .hasValueSatisfying(v -> assertThat(new String(v, UTF_8)).isEqualTo("A"));
        }
        for (String key : wonByB) {
            assertThat(store.read(key))
                    .hasValueSatisfying(v -> assertThat(new String(v, UTF_8)).isEqualTo("B"));
        }
        System.out.println(links + ": creates won: A " + wonByA.size() + ", B " + wonByB.size());
    }
}
