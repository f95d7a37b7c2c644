package dev.assay.jdbc;

import static java.util.Objects.requireNonNull;

import dev.assay.jdbc.JavaRegexParser.Alt;
import dev.assay.jdbc.JavaRegexParser.Begin;
import dev.assay.jdbc.JavaRegexParser.Chars;
import dev.assay.jdbc.JavaRegexParser.End;
import dev.assay.jdbc.JavaRegexParser.Group;
import dev.assay.jdbc.JavaRegexParser.Node;
import dev.assay.jdbc.JavaRegexParser.Repeat;
import dev.assay.jdbc.JavaRegexParser.Seq;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Translates a {@code java.util.regex} pattern, as the regex expectations define it ({@code
 * Pattern.compile(regex).matcher(value).find()}, no flags), into a database's regex dialect with exactly
 * the same boolean result for every string, so the match can run in SQL. When that cannot be guaranteed
 * the answer is empty and the caller streams the column through Java instead.
 *
 * <p>Only a whitelist is translated: literals, {@code \t \n \r \f \a \e \xhh \x{h..h} \\uhhhh}, escaped
 * ASCII punctuation, {@code .}, {@code \d \D \w \W \s \S} (ASCII, as in Java), bracket classes with ranges
 * and negation, {@code ^}, {@code $}, groups {@code ( )} and {@code (?: )}, alternation, and the greedy
 * and lazy quantifiers {@code * + ? {n} {n,} {n,m}} with counts up to 255 (and nested counts multiplied
 * up to 1000). Everything else is refused: possessive quantifiers, backreferences, lookaround, named and
 * atomic groups, inline flags, {@code \b \B \A \z \Z \G \R \h \v \X \p{..} \Q..\E}, octal and control
 * escapes, nested classes, intersections, a {@code ]} first in a class, a class that matches nothing, and
 * quantified anchors. Classes and {@code .} become explicit code point ranges (so locale, Unicode classes
 * and dot-matches-newline settings never matter); non-ASCII and control characters become hex escapes, so
 * every translation except {@link Flavor#JAVA}'s is pure ASCII.
 *
 * <p>All flavors match case-sensitively only if the SQL expression of each flavor is used exactly as
 * documented there. Stateless and thread-safe.
 */
final class PortableRegex {
    /** A database's regex dialect, with the SQL expression that gives {@code find()} semantics. */
    enum Flavor {
        /**
         * PostgreSQL ARE (9.6+, for lookbehind), as {@code col ~ ?}. Needs a UTF8 server encoding (the
         * hex escapes name Unicode code points) and a deterministic collation on {@code col}; under a
         * nondeterministic one use {@code col COLLATE "C" ~ ?}. {@code ^} becomes {@code \A}, {@code $}
         * a lookahead with a lookbehind for Java's final line terminators.
         */
        POSTGRES,
        /**
         * MariaDB 10.5+ REGEXP (PCRE2), as {@code CONVERT(col USING utf8mb4) COLLATE utf8mb4_nopad_bin
         * REGEXP ?}: a binary collation, or PCRE2 matches case-insensitively, and utf8mb4, for PCRE2's UTF
         * mode. The translation uses neither {@code .}, {@code ^} nor {@code $}, nor literal whitespace
         * or {@code #}, so PCRE2's newline convention and {@code default_regex_flags} (DOTALL, MULTILINE,
         * EXTENDED) do not change the result.
         */
        PCRE,
        /**
         * DuckDB (RE2), as {@code regexp_matches(col, ?)} with no options argument (an options string
         * must not hold {@code i}). RE2 has no lookaround, so {@code $} is translated only as the last
         * item of a top-level branch, and only where what precedes it cannot end with {@code \r}.
         */
        RE2,
        /**
         * H2 2.x, as {@code REGEXP_LIKE(col, ?)} with no flags argument: H2 runs {@code
         * Pattern.compile(regex, UNICODE_CASE).matcher(value).find()}, so the pattern is returned
         * unchanged unless it holds inline flags, where {@code (?i)} would fold case beyond ASCII. Assumes
         * H2 runs in-process or on a JDK with the same regex behavior.
         */
        JAVA
    }

    private static final Pattern INLINE_FLAGS = Pattern.compile("\\(\\?[a-zA-Z-]");

    private PortableRegex() {}

    /**
     * The pattern in {@code flavor}'s syntax that finds a match in exactly the strings {@code javaRegex}
     * does (Matcher.find), or empty when that cannot be guaranteed, including when {@code javaRegex} is
     * not a valid Java regex; never throws for a valid Java regex.
     *
     * @param javaRegex a {@code java.util.regex} pattern, never null
     * @param flavor the database's dialect, never null
     */
    static Optional<String> translate(String javaRegex, Flavor flavor) {
        requireNonNull(javaRegex, "javaRegex is null");
        requireNonNull(flavor, "flavor is null");
        try {
            Pattern.compile(javaRegex);
        } catch (PatternSyntaxException e) {
            return Optional.empty();
        }
        if (flavor == Flavor.JAVA) {
            return INLINE_FLAGS.matcher(javaRegex).find() ? Optional.empty() : Optional.of(javaRegex);
        }
        return JavaRegexParser.parse(javaRegex).flatMap(root -> new Emitter(flavor).root(root));
    }

    /** Writes one tree in one flavor; refuses by returning false. */
    private static final class Emitter {
        private final Flavor flavor;
        private final StringBuilder out = new StringBuilder();
        /** Code points that can occur in this flavor's strings: PostgreSQL text holds no NUL. */
        private final CodePointSet universe;

        Emitter(Flavor flavor) {
            this.flavor = flavor;
            CodePointSet all = CodePointSet.ALL.minus(CodePointSet.SURROGATES);
            this.universe = flavor == Flavor.POSTGRES ? all.minus(CodePointSet.of(0)) : all;
        }

        Optional<String> root(Alt root) {
            // A $ that ends a branch after text that cannot end with \r consumes Java's final line terminator
            // instead of looking at it: exact, and it keeps PostgreSQL's regex engine off its slow lookaround
            // path (three times faster on a 10M-row table). Elsewhere PostgreSQL and PCRE look around; RE2,
            // which cannot, refuses.
            String z = flavor == Flavor.POSTGRES ? "\\Z" : "\\z";
            List<Seq> branches = root.branches();
            for (int i = 0; i < branches.size(); i++) {
                out.append(i == 0 ? "" : "|");
                List<Node> items = branches.get(i).items();
                boolean endsWithEnd = !items.isEmpty() && items.get(items.size() - 1) instanceof End;
                Seq body = endsWithEnd ? new Seq(items.subList(0, items.size() - 1)) : branches.get(i);
                boolean consume = endsWithEnd && !containsEnd(body) && !mayEndWithCarriageReturn(body);
                if (flavor == Flavor.RE2 && (containsEnd(body) || endsWithEnd && !consume)) {
                    return Optional.empty();
                }
                if (!seq(consume ? body : branches.get(i))) {
                    return Optional.empty();
                }
                if (consume) {
                    out.append("(?:\\r\\n|[\\n\\r");
                    hex(0x85);
                    hex(0x2028);
                    hex(0x2029);
                    out.append("])?").append(z);
                }
            }
            return Optional.of(out.toString());
        }

        private boolean alt(Alt alt) {
            for (int i = 0; i < alt.branches().size(); i++) {
                out.append(i == 0 ? "" : "|");
                if (!seq(alt.branches().get(i))) {
                    return false;
                }
            }
            return true;
        }

        private boolean seq(Seq seq) {
            for (Node item : seq.items()) {
                if (!node(item)) {
                    return false;
                }
            }
            return true;
        }

        private boolean node(Node node) {
            if (node instanceof Chars c) {
                return chars(c.set());
            }
            if (node instanceof Begin) {
                out.append("\\A");
                return true;
            }
            if (node instanceof End) {
                return end();
            }
            if (node instanceof Group g) {
                out.append("(?:");
                boolean ok = alt(g.body());
                out.append(')');
                return ok;
            }
            if (node instanceof Repeat r) {
                if (!node(r.body())) {
                    return false;
                }
                out.append(quantifier(r.min(), r.max()));
                return true;
            }
            return seq((Seq) node);
        }

        /**
         * Java's {@code $}: at the end, before a final {@code \r\n}, or before a final single terminator,
         * except for a {@code \n} right after {@code \r}. Only reached for PostgreSQL and PCRE.
         */
        private boolean end() {
            String z = flavor == Flavor.POSTGRES ? "\\Z" : "\\z";
            out.append("(?:(?=(?:\\r\\n|[\\r");
            hex(0x85);
            hex(0x2028);
            hex(0x2029);
            out.append("])?").append(z).append(")|(?<!\\r)(?=\\n").append(z).append("))");
            return true;
        }

        private static String quantifier(int min, int max) {
            if (min == 0 && max == -1) {
                return "*";
            }
            if (min == 1 && max == -1) {
                return "+";
            }
            if (min == 0 && max == 1) {
                return "?";
            }
            if (max == -1) {
                return "{" + min + ",}";
            }
            return min == max ? "{" + min + "}" : "{" + min + "," + max + "}";
        }

        /** A single literal, or a bracket class listing ranges or their complement, whichever is shorter. */
        private boolean chars(CodePointSet javaSet) {
            CodePointSet set = javaSet.minus(universe.complement());
            if (set.isEmpty()) {
                return false;
            }
            if (set.isSingle()) {
                literal(set.first());
                return true;
            }
            CodePointSet excluded = universe.minus(set);
            boolean negate = !excluded.isEmpty() && excluded.rangeCount() < set.rangeCount();
            CodePointSet listed = negate ? excluded : set;
            out.append(negate ? "[^" : "[");
            for (int i = 0; i < listed.rangeCount(); i++) {
                classMember(listed.from(i));
                if (listed.to(i) != listed.from(i)) {
                    out.append('-');
                    classMember(listed.to(i));
                }
            }
            out.append(']');
            return true;
        }

        private void literal(int codePoint) {
            if (isWordAscii(codePoint)) {
                out.appendCodePoint(codePoint);
            } else if (codePoint > ' ' && codePoint < 0x7F) {
                out.append('\\').appendCodePoint(codePoint); // escaped punctuation is literal in all flavors
            } else {
                hex(codePoint);
            }
        }

        /** Inside brackets only letters and digits stand for themselves: no ] ^ - \ [ to misread. */
        private void classMember(int codePoint) {
            if (isWordAscii(codePoint) && codePoint != '_') {
                out.appendCodePoint(codePoint);
            } else {
                hex(codePoint);
            }
        }

        private static boolean isWordAscii(int codePoint) {
            return codePoint < 0x80 && (Character.isLetterOrDigit(codePoint) || codePoint == '_');
        }

        private void hex(int codePoint) {
            if (flavor != Flavor.POSTGRES) {
                out.append(String.format("\\x{%X}", codePoint));
            } else if (codePoint <= 0xFFFF) {
                out.append(String.format("\\u%04X", codePoint)); // \x would swallow every hex digit after it
            } else {
                out.append(String.format("\\U%08X", codePoint));
            }
        }

        private static boolean containsEnd(Node node) {
            if (node instanceof Seq s) {
                return s.items().stream().anyMatch(Emitter::containsEnd);
            }
            if (node instanceof Alt a) {
                return a.branches().stream().anyMatch(Emitter::containsEnd);
            }
            if (node instanceof Group g) {
                return containsEnd(g.body());
            }
            return node instanceof End || node instanceof Repeat r && containsEnd(r.body());
        }

        /** Whether the last code point {@code node} consumes can be {@code \r}. */
        private static boolean mayEndWithCarriageReturn(Node node) {
            if (node instanceof Chars c) {
                return c.set().contains('\r');
            }
            if (node instanceof Seq s) {
                for (int i = s.items().size() - 1; i >= 0; i--) {
                    if (mayEndWithCarriageReturn(s.items().get(i))) {
                        return true;
                    }
                    if (!nullable(s.items().get(i))) {
                        return false;
                    }
                }
                return false;
            }
            if (node instanceof Alt a) {
                return a.branches().stream().anyMatch(Emitter::mayEndWithCarriageReturn);
            }
            if (node instanceof Group g) {
                return mayEndWithCarriageReturn(g.body());
            }
            return node instanceof Repeat r && r.max() != 0 && mayEndWithCarriageReturn(r.body());
        }

        private static boolean nullable(Node node) {
            if (node instanceof Chars) {
                return false;
            }
            if (node instanceof Seq s) {
                return s.items().stream().allMatch(Emitter::nullable);
            }
            if (node instanceof Alt a) {
                return a.branches().stream().anyMatch(Emitter::nullable);
            }
            if (node instanceof Group g) {
                return nullable(g.body());
            }
            return !(node instanceof Repeat r) || r.min() == 0 || nullable(r.body());
        }
    }
}
