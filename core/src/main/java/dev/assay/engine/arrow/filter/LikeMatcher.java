package dev.assay.engine.arrow.filter;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.apache.arrow.memory.util.MemoryUtil;

/**
 * Matches UTF-8 bytes in memory against a SQL LIKE pattern without decoding them: {@code %} matches any run of
 * characters, {@code _} one character (one UTF-8 sequence), anything else its own bytes. Greedy with backtracking to
 * the last {@code %} only, which is exact for these two wildcards and linear for the usual prefix, suffix and infix
 * patterns. Immutable and thread-safe.
 */
final class LikeMatcher {
    private static final int ANY_ONE = -1;
    private static final int ANY_MANY = -2;

    /** The shapes with a faster test than the general matcher. */
    private enum Shape {
        EXACT,
        PREFIX,
        SUFFIX,
        CONTAINS,
        GENERAL
    }

    /** Pattern bytes 0..255, or {@link #ANY_ONE} or {@link #ANY_MANY}. */
    private final int[] pattern;

    private final Shape shape;
    /** The literal bytes of an EXACT, PREFIX, SUFFIX or CONTAINS pattern. */
    private final byte[] literal;

    private LikeMatcher(int[] pattern) {
        this.pattern = pattern;
        int wildcards = 0;
        for (int token : pattern) {
            wildcards += token == ANY_ONE ? 1000 : token == ANY_MANY ? 1 : 0;
        }
        boolean leading = pattern.length > 0 && pattern[0] == ANY_MANY;
        boolean trailing = pattern.length > 0 && pattern[pattern.length - 1] == ANY_MANY;
        if (wildcards == 0) {
            shape = Shape.EXACT;
        } else if (wildcards == 1 && trailing) {
            shape = Shape.PREFIX;
        } else if (wildcards == 1 && leading) {
            shape = Shape.SUFFIX;
        } else if (wildcards == 2 && leading && trailing && pattern.length > 1) {
            shape = Shape.CONTAINS;
        } else {
            shape = Shape.GENERAL;
        }
        int from = leading ? 1 : 0;
        int to = trailing ? pattern.length - 1 : pattern.length;
        literal = new byte[shape == Shape.GENERAL ? 0 : Math.max(0, to - from)];
        for (int i = 0; i < literal.length; i++) {
            literal[i] = (byte) pattern[from + i];
        }
    }

    static LikeMatcher compile(String pattern, Optional<Character> escape) {
        int[] compiled = new int[pattern.length() * 4];
        int size = 0;
        for (int i = 0; i < pattern.length(); ) {
            int codePoint = pattern.codePointAt(i);
            i += Character.charCount(codePoint);
            if (escape.isPresent() && codePoint == escape.get() && i < pattern.length()) {
                codePoint = pattern.codePointAt(i);
                i += Character.charCount(codePoint);
            } else if (codePoint == '%') {
                // Consecutive %s are one.
                if (size == 0 || compiled[size - 1] != ANY_MANY) {
                    compiled[size++] = ANY_MANY;
                }
                continue;
            } else if (codePoint == '_') {
                compiled[size++] = ANY_ONE;
                continue;
            }
            for (byte b : new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8)) {
                compiled[size++] = b & 0xFF;
            }
        }
        return new LikeMatcher(Arrays.copyOf(compiled, size));
    }

    /** True when the {@code length} bytes at {@code address} match the whole pattern. */
    boolean matches(long address, int length) {
        switch (shape) {
            case EXACT:
                return length == literal.length && startsWith(address, literal);
            case PREFIX:
                return length >= literal.length && startsWith(address, literal);
            case SUFFIX:
                return length >= literal.length && startsWith(address + length - literal.length, literal);
            case CONTAINS:
                for (int start = 0; start + literal.length <= length; start++) {
                    if (startsWith(address + start, literal)) {
                        return true;
                    }
                }
                return false;
            case GENERAL:
                return matchesGeneral(address, length);
        }
        throw new AssertionError(shape);
    }

    private static boolean startsWith(long address, byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (MemoryUtil.getByte(address + i) != bytes[i]) {
                return false;
            }
        }
        return true;
    }

    private boolean matchesGeneral(long address, int length) {
        int p = 0;
        int t = 0;
        int starP = -1;
        int starT = 0;
        while (t < length) {
            if (p < pattern.length) {
                int token = pattern[p];
                if (token == ANY_MANY) {
                    starP = p++;
                    starT = t;
                    continue;
                }
                if (token == ANY_ONE) {
                    t = nextCharacter(address, t, length);
                    p++;
                    continue;
                }
                if ((MemoryUtil.getByte(address + t) & 0xFF) == token) {
                    p++;
                    t++;
                    continue;
                }
            }
            if (starP < 0) {
                return false;
            }
            p = starP + 1;
            starT = nextCharacter(address, starT, length);
            t = starT;
        }
        while (p < pattern.length && pattern[p] == ANY_MANY) {
            p++;
        }
        return p == pattern.length;
    }

    /** The index after the UTF-8 sequence starting at {@code t}; malformed bytes count one each. */
    private static int nextCharacter(long address, int t, int length) {
        int lead = MemoryUtil.getByte(address + t) & 0xFF;
        int size = lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        return Math.min(t + size, length);
    }
}
