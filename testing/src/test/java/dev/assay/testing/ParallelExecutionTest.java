package dev.assay.testing;

import static dev.assay.testing.AssayAssertions.assertThat;
import static dev.assay.testing.AssaySuites.suite;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.engine.Validator;
import dev.assay.source.Batch;
import dev.assay.store.ResultKey;
import dev.assay.store.ResultStore;
import dev.assay.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** The extension under {@code junit.jupiter.execution.parallel.enabled=true}: shared state, distinct results. */
class ParallelExecutionTest {
    private static final int FAILING = 12;

    @ExtendWith({LaunchedOnly.class, AssayExtension.class})
    static class Scenarios {
        static Set<Validator> validators;
        static Set<Batch> batches;
        static CyclicBarrier meeting;

        @RepeatedTest(FAILING)
        void failsTheSameSuite(@AssayData("fixtures/orders.csv") Batch orders, Validator validator) {
            validators.add(validator);
            batches.add(orders);
            assertThat(orders).satisfies(suite("orders-strict"));
        }

        /** Passes only when {@link #meetsTheFirst} runs at the same time: the tests do run in parallel. */
        @Test
        void meetsTheSecond() throws Exception {
            meeting.await(60, TimeUnit.SECONDS);
        }

        @Test
        void meetsTheFirst() throws Exception {
            meeting.await(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void parallelTestsShareOneValidatorAndOneBatchAndStoreDistinctResults(@TempDir Path temp) throws Exception {
        Scenarios.validators = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
        Scenarios.batches = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
        Scenarios.meeting = new CyclicBarrier(2);
        Path results = temp.resolve("results");
        Path docs = temp.resolve("docs");

        TestExecutionSummary summary = LaunchedOnly.launch(
                Scenarios.class,
                Map.of(
                        "junit.jupiter.execution.parallel.enabled", "true",
                        "junit.jupiter.execution.parallel.mode.default", "concurrent",
                        "junit.jupiter.execution.parallel.config.strategy", "fixed",
                        "junit.jupiter.execution.parallel.config.fixed.parallelism", "4",
                        "assay.results.dir", results.toString(),
                        "assay.datadocs", "true",
                        "assay.datadocs.dir", docs.toString()));

        assertThat(summary.getTestsSucceededCount())
                .as("the two tests that meet")
                .isEqualTo(2);
        List<Throwable> failures = summary.getFailures().stream()
                .map(TestExecutionSummary.Failure::getException)
                .toList();
        assertThat(failures).hasSize(FAILING).allMatch(f -> f instanceof AssayAssertionError);
        List<String> stored = failures.stream()
                .map(f -> FailedTestResultsTest.only(Lines.RESULT, f.getMessage()))
                .toList();
        List<String> pages = failures.stream()
                .map(f -> FailedTestResultsTest.only(Lines.PAGE, f.getMessage()))
                .toList();
        assertThat(stored).doesNotHaveDuplicates().allMatch(p -> Files.isRegularFile(Path.of(p)));
        assertThat(pages).doesNotHaveDuplicates().allMatch(p -> Files.isRegularFile(Path.of(p)));
        List<ResultKey> keys = new ResultStore(Store.local(results)).list();
        assertThat(keys).hasSize(FAILING).extracting(ResultKey::key).doesNotHaveDuplicates();
        assertThat(Scenarios.validators).hasSize(1);
        assertThat(Scenarios.batches).hasSize(1);
        assertThat(Files.readString(docs.resolve("index.html"))).contains("orders-strict");
    }

    /** The patterns of the lines the extension appends. */
    private static final class Lines {
        static final java.util.regex.Pattern RESULT = java.util.regex.Pattern.compile("\n  result: (\\S+)");
        static final java.util.regex.Pattern PAGE = java.util.regex.Pattern.compile("\n  data docs: (\\S+)");
    }
}
