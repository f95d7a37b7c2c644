package dev.assay.datadocs.internal;

/**
 * A link in a pager.
 *
 * @param label what it reads, e.g. {@code 2} or {@code next}
 * @param href where it goes, relative to the site's root; empty for a gap
 * @param current true for the page it is on
 */
public record PageLink(String label, String href, boolean current) {}
