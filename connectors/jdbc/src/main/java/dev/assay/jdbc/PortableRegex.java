package dev.assay.jdbc;

import java.util.Optional;

/** Java regular expressions in each database's regex syntax (being written; until then none is translated). */
final class PortableRegex {
    enum Flavor {
        POSTGRES,
        PCRE,
        RE2,
        JAVA
    }

    private PortableRegex() {}

    static Optional<String> translate(String javaRegex, Flavor flavor) {
        return Optional.empty();
    }
}
