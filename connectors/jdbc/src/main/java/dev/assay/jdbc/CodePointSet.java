package dev.assay.jdbc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A set of Unicode code points as sorted, disjoint, non-adjacent ranges: what a character class, a
 * literal or {@code .} of a {@link PortableRegex} matches. Immutable and thread-safe.
 */
final class CodePointSet {
    static final int MAX = Character.MAX_CODE_POINT;
    static final CodePointSet EMPTY = new CodePointSet(new int[0]);
    static final CodePointSet ALL = range(0, MAX);
    static final CodePointSet SURROGATES = range(Character.MIN_SURROGATE, Character.MAX_SURROGATE);

    /** Java's {@code \d}, {@code \w} and {@code \s} without UNICODE_CHARACTER_CLASS: ASCII only. */
    static final CodePointSet DIGIT = range('0', '9');

    static final CodePointSet WORD =
            DIGIT.union(range('A', 'Z')).union(range('a', 'z')).union(of('_'));
    static final CodePointSet SPACE = range('\t', '\r').union(of(' '));
    /** What Java's {@code .} does not match without DOTALL or UNIX_LINES. */
    static final CodePointSet LINE_TERMINATORS =
            of('\n').union(of('\r')).union(of('\u0085')).union(of('\u2028')).union(of('\u2029'));

    /** lo0, hi0, lo1, hi1, ... sorted; ranges neither overlap nor touch. */
    private final int[] bounds;

    private CodePointSet(int[] bounds) {
        this.bounds = bounds;
    }

    static CodePointSet of(int codePoint) {
        return range(codePoint, codePoint);
    }

    static CodePointSet range(int from, int to) {
        return new CodePointSet(new int[] {from, to});
    }

    CodePointSet union(CodePointSet other) {
        int[] all = Arrays.copyOf(bounds, bounds.length + other.bounds.length);
        System.arraycopy(other.bounds, 0, all, bounds.length, other.bounds.length);
        int[][] ranges = new int[all.length / 2][];
        for (int i = 0; i < ranges.length; i++) {
            ranges[i] = new int[] {all[2 * i], all[2 * i + 1]};
        }
        Arrays.sort(ranges, (a, b) -> Integer.compare(a[0], b[0]));
        List<int[]> merged = new ArrayList<>();
        for (int[] r : ranges) {
            int[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && r[0] <= last[1] + 1) {
                last[1] = Math.max(last[1], r[1]);
            } else {
                merged.add(r.clone());
            }
        }
        int[] result = new int[merged.size() * 2];
        for (int i = 0; i < merged.size(); i++) {
            result[2 * i] = merged.get(i)[0];
            result[2 * i + 1] = merged.get(i)[1];
        }
        return new CodePointSet(result);
    }

    CodePointSet complement() {
        List<Integer> result = new ArrayList<>();
        int next = 0;
        for (int i = 0; i < bounds.length; i += 2) {
            if (bounds[i] > next) {
                result.add(next);
                result.add(bounds[i] - 1);
            }
            next = bounds[i + 1] + 1;
        }
        if (next <= MAX) {
            result.add(next);
            result.add(MAX);
        }
        return new CodePointSet(result.stream().mapToInt(Integer::intValue).toArray());
    }

    CodePointSet minus(CodePointSet other) {
        return complement().union(other).complement();
    }

    boolean contains(int codePoint) {
        for (int i = 0; i < bounds.length; i += 2) {
            if (codePoint >= bounds[i] && codePoint <= bounds[i + 1]) {
                return true;
            }
        }
        return false;
    }

    boolean isEmpty() {
        return bounds.length == 0;
    }

    /** Whether this set holds exactly one code point. */
    boolean isSingle() {
        return bounds.length == 2 && bounds[0] == bounds[1];
    }

    int first() {
        return bounds[0];
    }

    int rangeCount() {
        return bounds.length / 2;
    }

    int from(int range) {
        return bounds[2 * range];
    }

    int to(int range) {
        return bounds[2 * range + 1];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CodePointSet s && Arrays.equals(bounds, s.bounds);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bounds);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < bounds.length; i += 2) {
            text.append(String.format("%X-%X", bounds[i], bounds[i + 1])).append(i + 2 < bounds.length ? "," : "");
        }
        return text.append(']').toString();
    }
}
