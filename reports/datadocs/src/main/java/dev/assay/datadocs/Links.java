package dev.assay.datadocs;

import dev.assay.store.StoreKeys;

/**
 * Relative links between pages, so the site works from {@code file://} and under any S3 prefix. Page
 * keys are made of {@link StoreKeys#segment} names, whose only character a URL would read differently
 * is {@code %}. Stateless and thread-safe.
 */
final class Links {
    private Links() {}

    /** The way from the page at {@code pageKey} back to the site's root: {@code ""} or {@code "../"}, repeated. */
    static String root(String pageKey) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pageKey.length(); i++) {
            if (pageKey.charAt(i) == '/') {
                out.append("../");
            }
        }
        return out.toString();
    }

    /** A page key as a link path relative to the root: its {@code %} escaped as {@code %25}. */
    static String href(String pageKey) {
        return pageKey.replace("%", "%25");
    }

    static String suitePage(String suite) {
        return "suites/" + StoreKeys.segment(suite) + ".html";
    }

    static String assetPage(String asset) {
        return "assets/" + StoreKeys.segment(asset) + ".html";
    }

    /** {@code index.html}, {@code index-2.html}, ...; {@code failed.html}, {@code failed-2.html}, ... */
    static String indexPage(boolean failedOnly, int page) {
        String base = failedOnly ? "failed" : "index";
        return page == 1 ? base + ".html" : base + "-" + page + ".html";
    }
}
