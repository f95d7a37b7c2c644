package dev.assay.datadocs;

import dev.assay.error.AssayException;
import dev.assay.error.ErrorCode;
import dev.assay.error.StoreUnavailableException;
import dev.assay.store.MetricHistory;
import dev.assay.store.ResultKey;
import dev.assay.store.ResultStore;
import dev.assay.store.Store;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** One build of a site: what to read, what to render, what to write. Used once; not thread-safe. */
final class SiteBuild {
    private static final List<String> STATIC_FILES = List.of("assay.css", "assay.js");

    private final Store site;
    private final Pages pages;
    private final int threads;
    private final List<BuildProblem> problems = Collections.synchronizedList(new ArrayList<>());
    private final List<String> written = Collections.synchronizedList(new ArrayList<>());
    private Manifest manifest;

    SiteBuild(Store site, Templates templates, int runsPerPage, int recentRuns, int historyPoints, int threads) {
        this.site = site;
        this.pages = new Pages(templates, runsPerPage, recentRuns, historyPoints);
        this.threads = threads;
    }

    DataDocsReport run(ResultStore results, MetricHistory history, boolean fullRebuild) {
        Manifest old;
        boolean full = fullRebuild;
        try {
            old = Manifest.read(site);
        } catch (IOException | RuntimeException e) {
            problems.add(new BuildProblem(
                    Manifest.KEY, "cannot read the site's manifest, so every page is rebuilt: " + e.getMessage()));
            old = new Manifest();
            full = true;
        }
        manifest = full ? new Manifest() : old;

        Map<String, ResultKey> stored = new LinkedHashMap<>();
        for (ResultKey key : results.list()) {
            stored.put(key.key(), key);
        }
        List<RunSummary> removed = new ArrayList<>();
        for (RunSummary s : old.runs.values()) {
            if (!stored.containsKey(s.key())) {
                removed.add(s);
                site.delete(s.page());
            }
        }
        removed.forEach(s -> manifest.runs.remove(s.key()));
        manifest.broken.keySet().retainAll(stored.keySet());

        List<ResultKey> toRead = stored.values().stream()
                .filter(k -> !manifest.runs.containsKey(k.key()) && !manifest.broken.containsKey(k.key()))
                .toList();
        List<ParsedRun> added = renderRuns(results, toRead);
        for (ParsedRun run : added) {
            RunSummary s = run.summary();
            manifest.runs.put(s.key(), s);
            Manifest.SuiteState state = manifest.suites.get(s.suite());
            if (state == null || !state.time().isAfter(s.time())) {
                manifest.suites.put(s.suite(), new Manifest.SuiteState(s.time(), run.suite()));
            }
        }
        manifest.broken.forEach((key, reason) -> problems.add(new BuildProblem(key, reason)));

        List<RunSummary> all = new ArrayList<>(manifest.runs.values());
        all.sort(DataDocs.NEWEST_FIRST);
        Set<String> suites = new TreeSet<>();
        Set<String> assets = new TreeSet<>();
        all.forEach(s -> {
            suites.add(s.suite());
            assets.add(s.asset());
        });
        manifest.suites.keySet().retainAll(suites);
        List<String> historyAssets = history.assets();
        assets.addAll(historyAssets);

        Set<String> affectedSuites = new HashSet<>();
        Set<String> affectedAssets = new HashSet<>();
        for (List<RunSummary> changed :
                List.of(removed, added.stream().map(ParsedRun::summary).toList())) {
            changed.forEach(s -> {
                affectedSuites.add(s.suite());
                affectedAssets.add(s.asset());
            });
        }

        Set<String> needed = new HashSet<>(STATIC_FILES);
        for (String name : STATIC_FILES) {
            writeIfChanged(name, resource(name));
        }
        pages.indexPages(all, List.copyOf(problems), historyAssets).forEach((key, html) -> {
            needed.add(key);
            writeIfChanged(key, html);
        });
        for (String suite : suites) {
            String key = Links.suitePage(suite);
            needed.add(key);
            if (full || affectedSuites.contains(suite) || !manifest.pages.containsKey(key)) {
                Manifest.SuiteState state = manifest.suites.get(suite);
                writeIfChanged(key, pages.suitePage(suite, state == null ? List.of() : state.expectations(), all));
            }
        }
        for (String asset : assets) {
            String key = Links.assetPage(asset);
            needed.add(key);
            if (full || affectedAssets.contains(asset) || !manifest.pages.containsKey(key)) {
                writeIfChanged(key, pages.assetPage(asset, all, history, problems::add));
            }
        }
        for (String key : new ArrayList<>(old.pages.keySet())) {
            if (!needed.contains(key)) {
                site.delete(key);
                manifest.pages.remove(key);
            }
        }
        if (full) {
            Set<String> runPages = new HashSet<>();
            manifest.runs.values().forEach(s -> runPages.add(s.page()));
            old.runs.values().stream()
                    .map(RunSummary::page)
                    .filter(p -> !runPages.contains(p))
                    .forEach(site::delete);
        }
        try {
            site.write(Manifest.KEY, manifest.toJson());
        } catch (IOException e) {
            throw new AssayException(ErrorCode.INTERNAL, "cannot write the data docs manifest: " + e.getMessage(), e);
        }
        List<String> writtenSorted = new ArrayList<>(written);
        Collections.sort(writtenSorted);
        return new DataDocsReport(
                site.root(),
                Links.indexPage(false, 1),
                full,
                all.size(),
                added.stream().map(r -> r.summary().key()).sorted().toList(),
                removed.stream().map(RunSummary::key).sorted().toList(),
                writtenSorted,
                problems);
    }

    /** Reads, renders and writes the pages of {@code keys} on the build's threads; returns those rendered. */
    private List<ParsedRun> renderRuns(ResultStore results, List<ResultKey> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, keys.size()));
        try {
            List<Future<Optional<ParsedRun>>> futures = new ArrayList<>(keys.size());
            for (ResultKey key : keys) {
                futures.add(pool.submit(() -> renderRun(results, key)));
            }
            List<ParsedRun> out = new ArrayList<>(keys.size());
            for (Future<Optional<ParsedRun>> f : futures) {
                f.get().ifPresent(out::add);
            }
            return out;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new AssayException(ErrorCode.INTERNAL, "cannot render a run page: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssayException(ErrorCode.INTERNAL, "interrupted while rendering data docs", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private Optional<ParsedRun> renderRun(ResultStore results, ResultKey key) {
        Optional<String> json;
        try {
            json = results.read(key);
        } catch (StoreUnavailableException e) {
            // Perhaps passing: reported, not remembered, so the next build tries again.
            problems.add(new BuildProblem(key.key(), "cannot be read: " + e.getMessage()));
            return Optional.empty();
        }
        if (json.isEmpty()) {
            return Optional.empty(); // deleted since it was listed
        }
        ParsedRun run;
        try {
            run = StoredRuns.parse(key, json.get());
        } catch (CorruptResultException e) {
            synchronized (manifest) {
                manifest.broken.put(key.key(), e.getMessage());
            }
            return Optional.empty();
        }
        String page = run.summary().page();
        site.write(page, pages.runPage(run).getBytes(StandardCharsets.UTF_8));
        written.add(page);
        return Optional.of(run);
    }

    private void writeIfChanged(String key, String html) {
        writeIfChanged(key, html.getBytes(StandardCharsets.UTF_8));
    }

    private void writeIfChanged(String key, byte[] content) {
        String hash = sha256(content);
        if (hash.equals(manifest.pages.get(key))) {
            return;
        }
        site.write(key, content);
        manifest.pages.put(key, hash);
        written.add(key);
    }

    private static byte[] resource(String name) {
        try (InputStream in = SiteBuild.class.getResourceAsStream("/dev/assay/datadocs/static/" + name)) {
            if (in == null) {
                throw new AssayException(
                        ErrorCode.INTERNAL, "the data docs resource " + name + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new AssayException(ErrorCode.INTERNAL, "cannot read the data docs resource " + name, e);
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
