package dev.assay.datadocs;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What a data docs build did.
 *
 * @param siteRoot where the site is ({@link dev.assay.store.Store#root()})
 * @param index the key of the site's front page ({@code index.html})
 * @param fullRebuild true when every page was rendered, false for an incremental build
 * @param totalRuns how many runs the site shows
 * @param newRuns the keys of the results rendered by this build (every result for a full rebuild)
 * @param removedRuns the keys of results the site showed that are no longer stored (their pages are deleted)
 * @param pagesWritten the keys of the site objects this build wrote (pages, style sheet, script; not the manifest)
 * @param problems the stored results that could not be shown, with the reason (known ones included), never null
 */
public record DataDocsReport(
        String siteRoot,
        String index,
        boolean fullRebuild,
        int totalRuns,
        List<String> newRuns,
        List<String> removedRuns,
        List<String> pagesWritten,
        List<BuildProblem> problems) {
    public DataDocsReport {
        requireNonNull(siteRoot, "siteRoot is null");
        requireNonNull(index, "index is null");
        newRuns = List.copyOf(requireNonNull(newRuns, "newRuns is null"));
        removedRuns = List.copyOf(requireNonNull(removedRuns, "removedRuns is null"));
        pagesWritten = List.copyOf(requireNonNull(pagesWritten, "pagesWritten is null"));
        problems = List.copyOf(requireNonNull(problems, "problems is null"));
    }

    /**
     * One line: {@code 1 new run, 3 pages written}, plus {@code , 1 result unreadable} when there are
     * problems.
     */
    public String summary() {
        String out = plural(newRuns.size(), "new run") + ", " + plural(pagesWritten.size(), "page") + " written";
        if (!removedRuns.isEmpty()) {
            out += ", " + plural(removedRuns.size(), "run") + " removed";
        }
        if (!problems.isEmpty()) {
            out += ", " + plural(problems.size(), "result") + " unreadable";
        }
        return out;
    }

    private static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
