package dev.assay.model;

import java.util.Set;

/** The filter that keeps every row. */
final class NoRowFilter implements RowFilter {
    static final NoRowFilter INSTANCE = new NoRowFilter();

    private NoRowFilter() {}

    @Override
    public boolean isNone() {
        return true;
    }

    @Override
    public Set<String> columns() {
        return Set.of();
    }

    @Override
    public String text() {
        return "";
    }

    @Override
    public String toString() {
        return "RowFilter.none()";
    }
}
