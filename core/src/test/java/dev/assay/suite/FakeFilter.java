package dev.assay.suite;

import dev.assay.model.RowFilter;
import java.util.Optional;
import java.util.Set;

/** A row filter that remembers its text and syntax, standing in for the row-condition parser. */
record FakeFilter(String text, String parser) implements RowFilter {
    static RowFilter parse(String condition, Optional<String> parser) {
        return new FakeFilter(condition, parser.orElse("default"));
    }

    @Override
    public Set<String> columns() {
        return Set.of();
    }
}
