package dev.assay.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parses the part of {@code java.util.regex} syntax that {@link PortableRegex} can translate into a small
 * tree, and refuses everything else. Only for patterns that {@code Pattern.compile} accepts without flags:
 * it leans on Java having rejected malformed ones. Not thread-safe; use one parser per pattern.
 */
final class JavaRegexParser {
    /** Larger counts are refused: PostgreSQL allows 255, RE2 1000 for all nested counts multiplied. */
    static final int MAX_COUNT = 255;

    static final int MAX_COUNT_PRODUCT = 1000;

    /** A parsed pattern. */
    sealed interface Node permits Chars, Begin, End, Seq, Alt, Group, Repeat {}

    /** One code point out of {@code set}: a literal, a class, {@code .} or {@code \d}. */
    record Chars(CodePointSet set) implements Node {}

    /** {@code ^} without MULTILINE: the start of input. */
    record Begin() implements Node {}

    /** {@code $} without MULTILINE: the end of input, or before a line terminator that ends the input. */
    record End() implements Node {}

    record Seq(List<Node> items) implements Node {}

    record Alt(List<Seq> branches) implements Node {}

    /** A capturing or non-capturing group; captures do not matter for a boolean match. */
    record Group(Alt body) implements Node {}

    /** {@code max} is -1 for no upper bound; lazy and greedy find the same strings. */
    record Repeat(Node body, int min, int max) implements Node {}

    private static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused() {
            super(null, null, false, false);
        }
    }

    private final int[] pattern;
    private int position;

    private JavaRegexParser(String pattern) {
        this.pattern = pattern.codePoints().toArray();
    }

    /** The tree of {@code javaRegex}, or empty when it uses anything outside the translatable subset. */
    static Optional<Alt> parse(String javaRegex) {
        JavaRegexParser parser = new JavaRegexParser(javaRegex);
        try {
            Alt root = parser.alternation();
            if (parser.more() || countProduct(root) > MAX_COUNT_PRODUCT) {
                return Optional.empty();
            }
            return Optional.of(root);
        } catch (Refused e) {
            return Optional.empty();
        }
    }

    private Alt alternation() throws Refused {
        List<Seq> branches = new ArrayList<>();
        branches.add(sequence());
        while (more() && peek() == '|') {
            position++;
            branches.add(sequence());
        }
        return new Alt(List.copyOf(branches));
    }

    private Seq sequence() throws Refused {
        List<Node> items = new ArrayList<>();
        while (more() && peek() != '|' && peek() != ')') {
            Node atom = atom();
            items.add(quantified(atom));
        }
        return new Seq(List.copyOf(items));
    }

    private Node atom() throws Refused {
        int c = next();
        switch (c) {
            case '^':
                return new Begin();
            case '$':
                return new End();
            case '.':
                return new Chars(CodePointSet.LINE_TERMINATORS.complement());
            case '(':
                return group();
            case '[':
                return new Chars(bracketClass());
            case '\\':
                return new Chars(escape(false));
            case '*':
            case '+':
            case '?':
            case '{':
            case ')':
                throw new Refused();
            default:
                return new Chars(CodePointSet.of(c));
        }
    }

    private Node group() throws Refused {
        if (more() && peek() == '?') {
            // (?: only: named groups, lookaround, atomic groups and inline flags are refused
            position++;
            if (!more() || next() != ':') {
                throw new Refused();
            }
        }
        Alt body = alternation();
        if (!more() || next() != ')') {
            throw new Refused();
        }
        return new Group(body);
    }

    private Node quantified(Node atom) throws Refused {
        if (!more() || !isQuantifierStart(peek())) {
            return atom;
        }
        if (atom instanceof Begin || atom instanceof End || (atom instanceof Group g && hasAnchor(g.body()))) {
            throw new Refused();
        }
        int c = next();
        Repeat repeat;
        if (c == '*') {
            repeat = new Repeat(atom, 0, -1);
        } else if (c == '+') {
            repeat = new Repeat(atom, 1, -1);
        } else if (c == '?') {
            repeat = new Repeat(atom, 0, 1);
        } else {
            int min = number();
            int max = min;
            if (more() && peek() == ',') {
                position++;
                max = more() && peek() == '}' ? -1 : number();
            }
            if (!more() || next() != '}' || (max != -1 && max < min)) {
                throw new Refused();
            }
            repeat = new Repeat(atom, min, max);
        }
        if (more() && peek() == '?') {
            position++; // lazy: finds a match exactly when the greedy form does
        } else if (more() && peek() == '+') {
            throw new Refused(); // possessive: can fail where backtracking would succeed
        }
        if (more() && isQuantifierStart(peek())) {
            throw new Refused();
        }
        return repeat;
    }

    private static boolean isQuantifierStart(int c) {
        return c == '*' || c == '+' || c == '?' || c == '{';
    }

    private int number() throws Refused {
        int start = position;
        int value = 0;
        while (more() && peek() >= '0' && peek() <= '9' && position - start < 4) {
            value = value * 10 + (next() - '0');
        }
        if (position == start || value > MAX_COUNT) {
            throw new Refused();
        }
        return value;
    }

    /** After {@code [}: a union of single code points, ranges and {@code \d \w \s} (and negations). */
    private CodePointSet bracketClass() throws Refused {
        boolean negated = more() && peek() == '^';
        if (negated) {
            position++;
        }
        if (more() && peek() == ']') {
            throw new Refused(); // Java reads a leading ] as a literal; other engines do not all agree
        }
        CodePointSet set = CodePointSet.EMPTY;
        boolean first = true;
        while (true) {
            if (!more()) {
                throw new Refused();
            }
            int c = next();
            if (c == ']') {
                break;
            }
            if (c == '[' || (c == '&' && more() && peek() == '&')) {
                throw new Refused(); // nested classes, unions and intersections
            }
            if (c == '-' && !first && !(more() && peek() == ']')) {
                throw new Refused(); // a dash that is neither first, last nor inside a range
            }
            CodePointSet item = c == '\\' ? escape(true) : CodePointSet.of(c);
            if (item.isSingle()
                    && more()
                    && peek() == '-'
                    && position + 1 < pattern.length
                    && pattern[position + 1] != ']') {
                position++;
                int to = next();
                CodePointSet end = to == '\\' ? escape(true) : CodePointSet.of(to);
                if (to == '[' || to == '&' || !end.isSingle() || end.first() < item.first()) {
                    throw new Refused();
                }
                item = CodePointSet.range(item.first(), end.first());
            }
            set = set.union(item);
            first = false;
        }
        return negated ? set.complement() : set;
    }

    /** After a backslash: one code point or a predefined ASCII class; anything unfamiliar is refused. */
    private CodePointSet escape(boolean inClass) throws Refused {
        if (!more()) {
            throw new Refused();
        }
        int c = next();
        switch (c) {
            case 'd':
                return CodePointSet.DIGIT;
            case 'D':
                return CodePointSet.DIGIT.complement();
            case 'w':
                return CodePointSet.WORD;
            case 'W':
                return CodePointSet.WORD.complement();
            case 's':
                return CodePointSet.SPACE;
            case 'S':
                return CodePointSet.SPACE.complement();
            case 't':
                return CodePointSet.of('\t');
            case 'n':
                return CodePointSet.of('\n');
            case 'r':
                return CodePointSet.of('\r');
            case 'f':
                return CodePointSet.of('\f');
            case 'a':
                return CodePointSet.of('\u0007');
            case 'e':
                return CodePointSet.of('\u001B');
            case 'x':
                return CodePointSet.of(hexEscape());
            case 'u':
                return CodePointSet.of(unicodeEscape());
            default:
                // \b \B \A \z \Z \G \R \h \v \X \p \Q \k \c, octal, backreferences: refused
                if (c < 0x80 && !Character.isLetterOrDigit(c) && (c != '&' || !inClass)) {
                    return CodePointSet.of(c);
                }
                throw new Refused();
        }
    }

    private int hexEscape() throws Refused {
        int value;
        if (more() && peek() == '{') {
            position++;
            value = hexDigits(1, 6);
            if (!more() || next() != '}') {
                throw new Refused();
            }
        } else {
            value = hexDigits(2, 2);
        }
        if (value > CodePointSet.MAX || Character.isSurrogate((char) value) && value <= 0xFFFF) {
            throw new Refused();
        }
        return value;
    }

    /** {@code \\uhhhh}, where Java joins an escaped surrogate pair into one code point. */
    private int unicodeEscape() throws Refused {
        char high = (char) hexDigits(4, 4);
        if (!Character.isSurrogate(high)) {
            return high;
        }
        if (Character.isHighSurrogate(high)
                && position + 1 < pattern.length
                && pattern[position] == '\\'
                && pattern[position + 1] == 'u') {
            position += 2;
            char low = (char) hexDigits(4, 4);
            if (Character.isLowSurrogate(low)) {
                return Character.toCodePoint(high, low);
            }
        }
        throw new Refused(); // a lone surrogate never occurs in a database string
    }

    private int hexDigits(int min, int max) throws Refused {
        int value = 0;
        int count = 0;
        while (count < max && more() && Character.digit(peek(), 16) >= 0 && peek() < 0x80) {
            value = value * 16 + Character.digit(next(), 16);
            count++;
        }
        if (count < min) {
            throw new Refused();
        }
        return value;
    }

    private boolean more() {
        return position < pattern.length;
    }

    private int peek() {
        return pattern[position];
    }

    private int next() throws Refused {
        if (!more()) {
            throw new Refused();
        }
        return pattern[position++];
    }

    static boolean hasAnchor(Node node) {
        if (node instanceof Begin || node instanceof End) {
            return true;
        }
        if (node instanceof Seq s) {
            return s.items().stream().anyMatch(JavaRegexParser::hasAnchor);
        }
        if (node instanceof Alt a) {
            return a.branches().stream().anyMatch(JavaRegexParser::hasAnchor);
        }
        if (node instanceof Group g) {
            return hasAnchor(g.body());
        }
        return node instanceof Repeat r && hasAnchor(r.body());
    }

    /** The largest product of nested counts, the measure RE2 limits to 1000. */
    private static long countProduct(Node node) {
        if (node instanceof Seq s) {
            return s.items().stream()
                    .mapToLong(JavaRegexParser::countProduct)
                    .max()
                    .orElse(1);
        }
        if (node instanceof Alt a) {
            return a.branches().stream()
                    .mapToLong(JavaRegexParser::countProduct)
                    .max()
                    .orElse(1);
        }
        if (node instanceof Group g) {
            return countProduct(g.body());
        }
        if (node instanceof Repeat r) {
            return Math.max(1, r.max() == -1 ? r.min() : r.max()) * countProduct(r.body());
        }
        return 1;
    }
}
