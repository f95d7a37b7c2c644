package dev.assay.datadocs;

import dev.assay.datadocs.internal.Chart;
import dev.assay.datadocs.internal.ColumnGroup;
import dev.assay.datadocs.internal.ExpectationView;
import dev.assay.datadocs.internal.PageLink;
import dev.assay.datadocs.internal.RunRow;
import dev.assay.error.StoreUnavailableException;
import dev.assay.store.MetricHistory;
import dev.assay.store.MetricRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/** Builds each page's model and renders it. Thread-safe (it holds only settings). */
final class Pages {
    private final Templates templates;
    private final int runsPerPage;
    private final int recentRuns;
    private final int historyPoints;

    Pages(Templates templates, int runsPerPage, int recentRuns, int historyPoints) {
        this.templates = templates;
        this.runsPerPage = runsPerPage;
        this.recentRuns = recentRuns;
        this.historyPoints = historyPoints;
    }

    String runPage(ParsedRun run) {
        RunSummary s = run.summary();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("title", s.suite() + " on " + s.asset() + " · " + Texts.time(s.time()));
        model.put("run", row(s));
        model.put("percent", Texts.percent(s.successPercent()));
        model.put("unsuccessful", s.unsuccessful());
        model.put("dimensions", run.dimensions());
        model.put("groups", run.groups());
        model.put("meta", run.meta());
        return templates.render("run.ftlh", s.page(), model);
    }

    /** Every index page ({@code index*.html}, {@code failed*.html}) by key. */
    Map<String, String> indexPages(List<RunSummary> all, List<BuildProblem> problems, List<String> historyAssets) {
        List<RunSummary> failed = all.stream().filter(s -> !s.success()).toList();
        Map<String, String> out = new LinkedHashMap<>();
        for (boolean failedOnly : new boolean[] {false, true}) {
            List<RunSummary> runs = failedOnly ? failed : all;
            int count = Math.max(1, (runs.size() + runsPerPage - 1) / runsPerPage);
            for (int page = 1; page <= count; page++) {
                String key = Links.indexPage(failedOnly, page);
                Map<String, Object> model = new LinkedHashMap<>();
                model.put("title", failedOnly ? "Failed runs" : "Validation runs");
                model.put("failedOnly", failedOnly);
                model.put("total", all.size());
                model.put("failedTotal", failed.size());
                model.put("page", page);
                model.put("pageCount", count);
                model.put(
                        "rows",
                        runs.subList((page - 1) * runsPerPage, Math.min(runs.size(), page * runsPerPage)).stream()
                                .map(Pages::row)
                                .toList());
                model.put("pager", pager(failedOnly, page, count));
                boolean front = page == 1 && !failedOnly;
                model.put("suites", front ? suiteRows(all) : List.of());
                model.put("assets", front ? assetRows(all, historyAssets) : List.of());
                model.put("problems", front ? problems : List.of());
                out.put(key, templates.render("index.ftlh", key, model));
            }
        }
        return out;
    }

    String suitePage(String suite, List<SuiteLine> expectations, List<RunSummary> all) {
        List<RunSummary> runs =
                all.stream().filter(s -> s.suite().equals(suite)).toList();
        Map<String, List<ExpectationView>> groups = new LinkedHashMap<>();
        for (SuiteLine line : expectations) {
            groups.computeIfAbsent(line.group(), g -> new ArrayList<>())
                    .add(new ExpectationView(
                            "",
                            line.phrase(),
                            line.type(),
                            line.dimension(),
                            "",
                            "",
                            "",
                            List.of(),
                            List.of(),
                            List.of(),
                            "",
                            "",
                            "",
                            "",
                            List.of(),
                            ""));
        }
        List<ColumnGroup> columnGroups = new ArrayList<>();
        groups.forEach((name, list) -> columnGroups.add(new ColumnGroup(name, list)));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("title", "Suite " + suite);
        model.put("name", suite);
        model.put("expectationCount", expectations.size());
        model.put("groups", columnGroups);
        model.put("runCount", runs.size());
        model.put("failedCount", runs.stream().filter(s -> !s.success()).count());
        model.put("rows", runs.stream().limit(recentRuns).map(Pages::row).toList());
        model.put(
                "assets",
                links(runs.stream().map(RunSummary::asset).distinct().sorted().toList(), false));
        String key = Links.suitePage(suite);
        return templates.render("suite.ftlh", key, model);
    }

    String assetPage(String asset, List<RunSummary> all, MetricHistory history, Consumer<BuildProblem> problems) {
        List<RunSummary> runs =
                all.stream().filter(s -> s.asset().equals(asset)).toList();
        List<Chart> charts = List.of();
        String historyError = "";
        try {
            List<MetricRecord> records = history.records(asset, historyPoints);
            charts = Charts.of(records);
        } catch (StoreUnavailableException e) {
            historyError = e.getMessage();
            problems.accept(new BuildProblem(MetricHistory.PREFIX + asset, "metric history: " + e.getMessage()));
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("title", "Data asset " + asset);
        model.put("name", asset);
        model.put("charts", charts);
        model.put("historyError", historyError);
        model.put("runCount", runs.size());
        model.put("failedCount", runs.stream().filter(s -> !s.success()).count());
        model.put("rows", runs.stream().limit(recentRuns).map(Pages::row).toList());
        model.put(
                "suites",
                links(runs.stream().map(RunSummary::suite).distinct().sorted().toList(), true));
        String key = Links.assetPage(asset);
        return templates.render("asset.ftlh", key, model);
    }

    static RunRow row(RunSummary s) {
        return new RunRow(
                s.success() ? "passed" : "failed",
                s.suite(),
                Links.href(Links.suitePage(s.suite())),
                s.asset(),
                Links.href(Links.assetPage(s.asset())),
                s.batch(),
                Texts.time(s.time()),
                s.time().toString(),
                s.checkpoint(),
                s.successful() + " of " + s.evaluated(),
                Links.href(s.page()));
    }

    /** Per suite: its runs, failed runs and newest run. */
    private static List<Map<String, Object>> suiteRows(List<RunSummary> all) {
        Map<String, List<RunSummary>> bySuite = new TreeMap<>();
        all.forEach(
                s -> bySuite.computeIfAbsent(s.suite(), k -> new ArrayList<>()).add(s));
        List<Map<String, Object>> rows = new ArrayList<>();
        bySuite.forEach((suite, runs) -> rows.add(summaryRow(suite, Links.suitePage(suite), runs)));
        return rows;
    }

    private static List<Map<String, Object>> assetRows(List<RunSummary> all, List<String> historyAssets) {
        Map<String, List<RunSummary>> byAsset = new TreeMap<>();
        historyAssets.forEach(a -> byAsset.put(a, new ArrayList<>()));
        all.forEach(
                s -> byAsset.computeIfAbsent(s.asset(), k -> new ArrayList<>()).add(s));
        List<Map<String, Object>> rows = new ArrayList<>();
        byAsset.forEach((asset, runs) -> rows.add(summaryRow(asset, Links.assetPage(asset), runs)));
        return rows;
    }

    /** {@code runs} are newest first, as the callers keep them. */
    private static Map<String, Object> summaryRow(String name, String page, List<RunSummary> runs) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", name);
        row.put("href", Links.href(page));
        row.put("runs", runs.size());
        row.put("failed", runs.stream().filter(s -> !s.success()).count());
        row.put("lastStatus", runs.isEmpty() ? "" : runs.get(0).success() ? "passed" : "failed");
        row.put("lastTime", runs.isEmpty() ? "" : Texts.time(runs.get(0).time()));
        return row;
    }

    private static List<PageLink> links(List<String> names, boolean suites) {
        return names.stream()
                .map(n -> new PageLink(n, Links.href(suites ? Links.suitePage(n) : Links.assetPage(n)), false))
                .toList();
    }

    /** Previous, first, a window around the current page, last, next; gaps as {@code …}. */
    static List<PageLink> pager(boolean failedOnly, int page, int count) {
        List<PageLink> out = new ArrayList<>();
        if (count == 1) {
            return out;
        }
        if (page > 1) {
            out.add(new PageLink("previous", Links.indexPage(failedOnly, page - 1), false));
        }
        int from = Math.max(2, page - 3);
        int to = Math.min(count - 1, page + 3);
        out.add(new PageLink("1", Links.indexPage(failedOnly, 1), page == 1));
        if (from > 2) {
            out.add(new PageLink("…", "", false));
        }
        for (int p = from; p <= to; p++) {
            out.add(new PageLink(String.valueOf(p), Links.indexPage(failedOnly, p), p == page));
        }
        if (to < count - 1) {
            out.add(new PageLink("…", "", false));
        }
        out.add(new PageLink(String.valueOf(count), Links.indexPage(failedOnly, count), page == count));
        if (page < count) {
            out.add(new PageLink("next", Links.indexPage(failedOnly, page + 1), false));
        }
        return out;
    }
}
