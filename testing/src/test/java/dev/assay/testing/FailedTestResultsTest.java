package dev.assay.testing;

import static dev.assay.testing.AssayAssertions.assertThat;
import static dev.assay.testing.AssaySuites.suite;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.source.Batch;
import dev.assay.store.ResultKey;
import dev.assay.store.ResultStore;
import dev.assay.store.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertionsProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** The extension stores the results of failed tests and names them, and the data docs page, in the failure. */
class FailedTestResultsTest {
    private static final Pattern RESULT = Pattern.compile("\n  result: (\\S+)");
    private static final Pattern PAGE = Pattern.compile("\n  data docs: (\\S+)");

    @ExtendWith({LaunchedOnly.class, AssayExtension.class})
    static class Scenarios {
        @Test
        void failsASuite(@AssayData("fixtures/orders.csv") Batch orders) {
            assertThat(orders).satisfies(suite("orders-strict"));
        }

        @Test
        void failsTwiceSoftly(@AssayData("fixtures/orders.csv") Batch orders) {
            SoftAssertionsProvider.assertSoftly(AssaySoftAssertions.class, softly -> {
                softly.assertThat(orders).column("status").valuesInSet("open");
                softly.assertThat(orders).hasRowCount(2);
            });
        }

        @Test
        void failsPlainly() {
            org.assertj.core.api.Assertions.assertThat(1).isEqualTo(2);
        }

        @Test
        void passes(@AssayData("fixtures/orders.csv") Batch orders) {
            assertThat(orders).satisfies(suite("orders"));
        }
    }

    /** Records the report entries tests publish. */
    static final class Entries implements TestExecutionListener {
        final ConcurrentLinkedQueue<String> published = new ConcurrentLinkedQueue<>();

        @Override
        public void reportingEntryPublished(TestIdentifier test, ReportEntry entry) {
            entry.getKeyValuePairs().forEach((k, v) -> published.add(test.getDisplayName() + " " + k + "=" + v));
        }
    }

    @TempDir
    Path temp;

    private Map<String, Throwable> failures(TestExecutionSummary summary) {
        Map<String, Throwable> failures = new TreeMap<>();
        summary.getFailures().forEach(f -> failures.put(f.getTestIdentifier().getDisplayName(), f.getException()));
        return failures;
    }

    @Test
    void aFailedTestsResultsAreStoredAndItsDataDocsPageIsNamed() throws IOException {
        Path results = temp.resolve("results");
        Path docs = temp.resolve("docs");
        Entries entries = new Entries();
        TestExecutionSummary summary = LaunchedOnly.launch(
                Scenarios.class,
                Map.of(
                        "assay.results.dir",
                        results.toString(),
                        "assay.datadocs",
                        "true",
                        "assay.datadocs.dir",
                        docs.toString()),
                entries);
        Map<String, Throwable> failures = failures(summary);
        assertThat(failures).containsOnlyKeys("failsASuite(Batch)", "failsTwiceSoftly(Batch)", "failsPlainly()");

        Throwable suite = failures.get("failsASuite(Batch)");
        assertThat(suite).isInstanceOf(AssayAssertionError.class);
        String message = suite.getMessage();
        assertThat(message)
                .startsWith("Expected batch 'orders.csv' to satisfy suite 'orders-strict', but 2 of 2 expectations did"
                        + " not:\n")
                .contains("\n\nAssay stored the failed validation of this test:\n  result: " + results
                        + "/validations/orders-strict/orders.csv/all/")
                .contains("\n  data docs: " + docs + "/runs/orders-strict/orders.csv/all/");
        Path json = Path.of(only(RESULT, message));
        Path page = Path.of(only(PAGE, message));
        assertThat(json).isRegularFile();
        assertThat(Files.readString(json))
                .contains("\"test\": \"" + Scenarios.class.getName() + "#failsASuite\"")
                .contains("\"success\": false");
        assertThat(page).isRegularFile();
        assertThat(Files.readString(page)).contains("orders-strict").contains("status");
        assertThat(docs.resolve("index.html")).isRegularFile();
        assertThat(entries.published)
                .contains("failsASuite(Batch) assay.result=" + json, "failsASuite(Batch) assay.datadocs=" + page);

        Throwable soft = failures.get("failsTwiceSoftly(Batch)");
        assertThat(soft).isInstanceOf(AssayAssertionError.class);
        assertThat(soft.getMessage())
                .contains("Multiple Failures (2 failures)")
                .contains("Assay stored the failed validations of this test:");
        assertThat(all(RESULT, soft.getMessage())).hasSize(2).allMatch(p -> Files.isRegularFile(Path.of(p)));
        assertThat(all(PAGE, soft.getMessage())).hasSize(2).allMatch(p -> Files.isRegularFile(Path.of(p)));
        assertThat(((AssayAssertionError) soft).results()).hasSize(2);

        Throwable plain = failures.get("failsPlainly()");
        assertThat(plain).isNotInstanceOf(AssayAssertionError.class);
        assertThat(plain.getMessage()).doesNotContain("Assay stored");

        List<ResultKey> stored = new ResultStore(Store.local(results)).list();
        assertThat(stored).hasSize(3);
        assertThat(stored)
                .extracting(ResultKey::suite)
                .containsExactlyInAnyOrder("orders-strict", "column.status", "table");
    }

    @Test
    void withoutDataDocsOnlyTheResultIsNamed() {
        Path results = temp.resolve("results");
        Map<String, Throwable> failures =
                failures(LaunchedOnly.launch(Scenarios.class, Map.of("assay.results.dir", results.toString())));
        String message = failures.get("failsASuite(Batch)").getMessage();
        assertThat(message).contains("\n  result: " + results).doesNotContain("data docs");
        assertThat(Path.of(only(RESULT, message))).isRegularFile();
        assertThat(temp.resolve("docs")).doesNotExist();
    }

    @Test
    void aStoreThatCannotBeWrittenIsSaidAndTheFailureKept() throws IOException {
        Path file = Files.writeString(temp.resolve("results"), "not a folder");
        Map<String, Throwable> failures =
                failures(LaunchedOnly.launch(Scenarios.class, Map.of("assay.results.dir", file.toString())));
        Throwable failure = failures.get("failsASuite(Batch)");
        assertThat(failure)
                .isInstanceOf(AssayAssertionError.class)
                .hasMessageStartingWith("Expected batch 'orders.csv' to satisfy suite 'orders-strict'")
                .hasMessageContaining("\n\nAssay could not store the failed validation of this test in " + file + ": ")
                .hasMessageEndingWith("is a file, not a folder");
        assertThat(failure.getSuppressed()).hasSize(1);
    }

    @Test
    void dataDocsThatCannotBeBuiltAreSaidAndTheResultStillNamed() throws IOException {
        Path results = temp.resolve("results");
        Path docs = Files.writeString(temp.resolve("docs"), "not a folder");
        Map<String, Throwable> failures = failures(LaunchedOnly.launch(
                Scenarios.class,
                Map.of(
                        "assay.results.dir",
                        results.toString(),
                        "assay.datadocs",
                        "true",
                        "assay.datadocs.dir",
                        docs.toString())));
        Throwable failure = failures.get("failsASuite(Batch)");
        assertThat(failure.getMessage())
                .contains("\n\nAssay stored the failed validation of this test:\n  result: " + results)
                .contains("\n  data docs: not built in " + docs + ": ")
                .endsWith("is a file, not a folder");
        assertThat(Path.of(only(RESULT, failure.getMessage()))).isRegularFile();
        assertThat(failure.getSuppressed()).hasSize(1);
    }

    @Test
    void resultsDirNoneStoresNothing() {
        Map<String, Throwable> failures =
                failures(LaunchedOnly.launch(Scenarios.class, Map.of("assay.results.dir", "none")));
        assertThat(failures.get("failsASuite(Batch)").getMessage()).doesNotContain("Assay stored");
    }

    @Test
    void aBadSettingIsNamedWithItsKey() {
        Map<String, Throwable> failures = failures(LaunchedOnly.launch(
                Scenarios.class, Map.of("assay.result_format", "VERBOSE", "assay.results.dir", "none")));
        assertThat(failures.get("passes(Batch)"))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage("assay.result_format must be one of BOOLEAN_ONLY, BASIC, SUMMARY, COMPLETE, not 'VERBOSE'");
        Map<String, Throwable> docsWithoutResults =
                failures(LaunchedOnly.launch(Scenarios.class, Map.of("assay.datadocs", "yes")));
        assertThat(docsWithoutResults.get("passes(Batch)"))
                .hasMessage("assay.datadocs must be true or false, not 'yes'");
    }

    static String only(Pattern pattern, String text) {
        List<String> found = all(pattern, text);
        assertThat(found).as("matches of %s in %s", pattern, text).hasSize(1);
        return found.get(0);
    }

    static List<String> all(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
