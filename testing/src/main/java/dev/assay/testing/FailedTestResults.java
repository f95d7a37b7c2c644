package dev.assay.testing;

import dev.assay.datadocs.DataDocs;
import dev.assay.datadocs.DataDocsReport;
import dev.assay.result.ValidationResult;
import dev.assay.store.MetricHistory;
import dev.assay.store.ResultKey;
import dev.assay.store.ResultStore;
import dev.assay.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.MultipleFailuresError;

/**
 * Stores the validation results of a failed test and, when asked, builds the data docs, then returns
 * the failure with where they are appended to its message. Thread-safe: results get distinct keys
 * ({@link ResultStore#save} never overwrites), and data docs builds of one site in this JVM take turns.
 */
final class FailedTestResults {
    /** One lock per docs folder: a data docs build is not thread-safe, and each failed test builds. */
    private static final Map<Path, Object> DOCS_LOCKS = new ConcurrentHashMap<>();

    private FailedTestResults() {}

    /** Every {@link AssayAssertionError} in {@code failure}: itself, soft assertions' failures, causes. */
    static List<AssayAssertionError> find(Throwable failure) {
        List<AssayAssertionError> found = new ArrayList<>();
        collect(failure, found, Collections.newSetFromMap(new IdentityHashMap<>()));
        return found;
    }

    private static void collect(Throwable t, List<AssayAssertionError> found, Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return;
        }
        if (t instanceof AssayAssertionError error) {
            found.add(error);
        }
        if (t instanceof MultipleFailuresError multiple) {
            multiple.getFailures().forEach(f -> collect(f, found, seen));
        }
        for (Throwable suppressed : t.getSuppressed()) {
            collect(suppressed, found, seen);
        }
        collect(t.getCause(), found, seen);
    }

    /**
     * Stores the results of {@code errors} (found in {@code failure}) and returns the failure to report:
     * an {@link AssayAssertionError} whose message is {@code failure}'s plus where each result (and its
     * data docs page) was written. A result that cannot be stored is said so in the message, its cause
     * suppressed; the test's own failure is never lost.
     */
    static AssayAssertionError store(
            Throwable failure, List<AssayAssertionError> errors, AssaySettings settings, ExtensionContext context) {
        List<ValidationResult> results = distinct(errors);
        Path resultsDir = settings.resultsDir().orElseThrow();
        String noun = results.size() == 1 ? "validation" : "validations";
        List<Throwable> problems = new ArrayList<>();
        List<ResultKey> keys = new ArrayList<>();
        Store store = Store.local(resultsDir);
        ResultStore resultStore = new ResultStore(store);
        String header;
        try {
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put(
                    "test",
                    context.getRequiredTestClass().getName() + "#"
                            + context.getTestMethod().map(m -> m.getName()).orElse(context.getDisplayName()));
            meta.put("test_display_name", context.getDisplayName());
            for (ValidationResult result : results) {
                keys.add(resultStore.save(result, meta));
            }
            header = "Assay stored the failed " + noun + " of this test:";
        } catch (RuntimeException e) {
            header = "Assay could not store the failed " + noun + " of this test in " + resultsDir + ": "
                    + e.getMessage();
            problems.add(e);
        }
        DataDocsReport docs = null;
        String docsError = null;
        if (settings.dataDocs() && !keys.isEmpty()) {
            try {
                docs = buildDocs(settings.docsDir(), resultStore, store);
            } catch (RuntimeException e) {
                docsError = e.getMessage();
                problems.add(e);
            }
        }
        StringBuilder trailer = new StringBuilder("\n\n").append(header);
        for (ResultKey key : keys) {
            Path json = resultsDir.resolve(key.key());
            trailer.append("\n  result: ").append(json);
            context.publishReportEntry("assay.result", json.toString());
            if (docsError != null) {
                trailer.append("\n  data docs: not built in ")
                        .append(settings.docsDir())
                        .append(": ")
                        .append(docsError);
            } else if (docs != null) {
                String page = DataDocs.runPage(key);
                Path html = settings.docsDir().resolve(page);
                // Another test's build may have rendered this run already: the page is what counts.
                if (Files.isRegularFile(html)) {
                    trailer.append("\n  data docs: ").append(html);
                    context.publishReportEntry("assay.datadocs", html.toString());
                } else {
                    trailer.append("\n  data docs: not written for this result (")
                            .append(docs.problems().isEmpty() ? "the build did not render it" : docs.problems())
                            .append(')');
                }
            }
        }
        AssayAssertionError out = failure instanceof AssayAssertionError
                ? new AssayAssertionError(failure.getMessage() + trailer, results)
                : new AssayAssertionError(failure.getMessage() + trailer, results, failure);
        out.setStackTrace(failure.getStackTrace());
        for (Throwable suppressed : failure.getSuppressed()) {
            out.addSuppressed(suppressed);
        }
        problems.forEach(out::addSuppressed);
        return out;
    }

    private static DataDocsReport buildDocs(Path docsDir, ResultStore results, Store store) {
        synchronized (DOCS_LOCKS.computeIfAbsent(docsDir, d -> new Object())) {
            return DataDocs.builder(Store.local(docsDir)).build(results, new MetricHistory(store));
        }
    }

    private static List<ValidationResult> distinct(List<AssayAssertionError> errors) {
        Set<ValidationResult> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<ValidationResult> out = new ArrayList<>();
        for (AssayAssertionError e : errors) {
            for (ValidationResult r : e.results()) {
                if (seen.add(r)) {
                    out.add(r);
                }
            }
        }
        return out;
    }
}
