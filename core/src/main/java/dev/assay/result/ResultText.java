package dev.assay.result;

import static java.util.Objects.requireNonNull;

import dev.assay.model.Dimension;
import dev.assay.model.Expectation;
import dev.assay.model.KwargWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Renders a {@link ValidationResult} as a short summary for a terminal, readable at 100 columns:
 *
 * <pre>
 * Suite trips on trips.csv: FAILED · 4/6 expectations passed · 5,000 rows scanned · 1.2 s
 *
 * Completeness: 1/2 passed
 *   ✓ expect_column_values_to_not_be_null  trip_id
 *   ✗ expect_column_values_to_not_be_null  passenger_count
 *       12 of 5000 values (0.24%) are null
 *       samples: null (row 17), null (row 230), null (row 1101)
 * Validity: 3/4 passed
 *   ! expect_column_values_to_match_regex  booking_code
 *       error: invalid regex '^B(' ...
 * </pre>
 *
 * <p>Expectations are grouped by dimension, in suite order within a group. A failure shows its reason
 * and up to five unexpected values with their rows (none when the result format excludes values); an
 * errored expectation shows its message. Stateless and thread-safe.
 */
public final class ResultText {
    /** The width lines are kept to. */
    static final int WIDTH = 100;
    /** The most unexpected values shown per failure. */
    static final int SAMPLES = 5;

    private static final int SHOWN_VALUE = 40;
    private static final String ITEM_INDENT = "  ";
    private static final String DETAIL_INDENT = "      ";

    private ResultText() {}

    /**
     * The summary with Unicode marks ({@code ✓ ✗ !}).
     *
     * @param result the result, never null
     * @return the text, one line per expectation plus headings, ending with a newline
     */
    public static String render(ValidationResult result) {
        return render(result, true);
    }

    /**
     * The summary, with Unicode marks or in plain ASCII.
     *
     * @param result the result, never null
     * @param unicode true for {@code ✓ ✗ ! ·}; false for plain ASCII ({@code ok FAIL ERROR |}), where any
     *     other non-ASCII character (in a value, say) is written as {@code \}{@code uXXXX}
     * @return the text, ending with a newline
     */
    public static String render(ValidationResult result, boolean unicode) {
        requireNonNull(result, "result is null");
        Marks marks = unicode ? Marks.UNICODE : Marks.ASCII;
        StringBuilder out = new StringBuilder();
        out.append(header(result, marks)).append("\n\n");
        Map<Dimension, List<ExpectationResult>> groups = new EnumMap<>(Dimension.class);
        for (ExpectationResult r : result.results()) {
            groups.computeIfAbsent(r.expectation().type().dimension(), d -> new ArrayList<>())
                    .add(r);
        }
        Map<Dimension, ValidationResult.Statistics> stats = result.statisticsByDimension();
        for (Map.Entry<Dimension, List<ExpectationResult>> group : groups.entrySet()) {
            ValidationResult.Statistics s = stats.get(group.getKey());
            out.append(capitalized(group.getKey().jsonName()))
                    .append(": ")
                    .append(s.successful())
                    .append('/')
                    .append(s.evaluated())
                    .append(" passed\n");
            for (ExpectationResult r : group.getValue()) {
                item(r, marks, out);
            }
        }
        if (result.results().isEmpty()) {
            out.append("The suite has no expectations.\n");
        }
        return out.toString();
    }

    private static String header(ValidationResult result, Marks marks) {
        ValidationResult.Statistics s = result.statistics();
        long errored =
                result.results().stream().filter(r -> r instanceof Errored).count();
        ValidationResult.RunInfo run = result.run();
        List<String> parts = new ArrayList<>();
        parts.add((result.success() ? "PASSED" : "FAILED"));
        parts.add(s.successful() + "/" + s.evaluated() + " expectations passed"
                + (errored > 0 ? " (" + errored + " errored)" : ""));
        if (run.engine().equals("sql")) {
            // Computed in the database: what left it is the telling figure, not rows read there.
            parts.add(String.format(
                    Locale.ROOT,
                    "%,d %s in the database, %,d %s fetched",
                    run.scans(),
                    run.scans() == 1 ? "query" : "queries",
                    run.rowsScanned(),
                    run.rowsScanned() == 1 ? "row" : "rows"));
        } else {
            parts.add(String.format(Locale.ROOT, "%,d rows scanned", run.rowsScanned())
                    + (run.badRows() > 0 ? String.format(Locale.ROOT, ", %,d bad", run.badRows()) : ""));
        }
        parts.add(duration(run.elapsed()));
        String tail = ": " + String.join(marks.separator, parts);
        String suite = "Suite " + marks.text(result.suiteName()) + " on ";
        String batch = marks.text(result.batchName());
        int room = WIDTH - suite.length() - tail.length();
        if (batch.length() > room && room > 10) {
            // Long paths lose their start: the file name is the telling part.
            batch = marks.ellipsis + batch.substring(batch.length() - room + marks.ellipsis.length());
        }
        return suite + batch + tail;
    }

    private static void item(ExpectationResult r, Marks marks, StringBuilder out) {
        String mark = r instanceof Passed ? marks.passed : r instanceof Failed ? marks.failed : marks.errored;
        String line = ITEM_INDENT + mark + " " + r.expectation().type().name();
        String subject = marks.text(subject(r.expectation()));
        if (!subject.isEmpty()) {
            line += "  " + subject;
        }
        out.append(clip(line, WIDTH, marks)).append('\n');
        if (r instanceof Failed failed) {
            wrap(marks.text(failed.reason()), out);
            samples(failed, marks, out);
        } else if (r instanceof Errored errored) {
            wrap("error: " + marks.text(errored.message()), out);
        }
    }

    /** The column(s) an expectation is about, from its kwargs, and its row condition. */
    private static String subject(Expectation e) {
        List<String> parts = new ArrayList<>();
        String columns = columns(e);
        if (!columns.isEmpty()) {
            parts.add(columns);
        }
        if (!e.options().rowFilter().isNone()) {
            parts.add("where " + e.options().rowFilter().text());
        }
        return String.join(" ", parts);
    }

    /**
     * The column or columns an expectation is about, as the summary names them: {@code passenger_count},
     * {@code dropoff_ts, pickup_ts}; empty for a table-level expectation. The row condition is not part of
     * it. For other reports of a result, such as JUnit XML or a webhook.
     *
     * @param expectation the expectation, never null
     * @return the column names joined by {@code ", "}, or the empty string
     */
    public static String columns(Expectation expectation) {
        requireNonNull(expectation, "expectation is null");
        KwargWriter writer = new KwargWriter();
        expectation.writeKwargs(writer);
        Map<String, Object> kwargs = writer.asMap();
        List<String> parts = new ArrayList<>();
        if (kwargs.get("column") instanceof String column) {
            parts.add(column);
        }
        if (kwargs.get("column_A") instanceof String a && kwargs.get("column_B") instanceof String b) {
            parts.add(a + ", " + b);
        }
        if (expectation.type().kind().isMap() && kwargs.get("column_list") instanceof Collection<?> list) {
            parts.add(String.join(", ", list.stream().map(String::valueOf).toList()));
        }
        return String.join(" ", parts);
    }

    private static void samples(Failed failed, Marks marks, StringBuilder out) {
        boolean values = !failed.resultFormat().excludeUnexpectedValues();
        sampleList(failed, marks).ifPresent(list -> wrap((values ? "samples: " : "rows: ") + list, out));
    }

    /**
     * The first unexpected values of a failed check with their rows, as the summary lists them: {@code 'lost'
     * (row 2), null (order_id=7), 3 more} (strings quoted, control characters escaped, long values cut); only
     * the rows when the result format leaves values out. For other reports of a result, such as test
     * assertions.
     *
     * @return the list, or empty when the result kept no sample
     */
    public static Optional<String> samples(Failed failed) {
        return sampleList(failed, Marks.UNICODE);
    }

    private static Optional<String> sampleList(Failed failed, Marks marks) {
        ResultDetails details = failed.details();
        boolean values = !failed.resultFormat().excludeUnexpectedValues();
        int shown = Math.min(
                SAMPLES,
                values
                        ? details.unexpectedValues().size()
                        : details.unexpectedIndex().size());
        if (shown == 0) {
            return Optional.empty();
        }
        List<String> items = new ArrayList<>(shown);
        for (int i = 0; i < shown; i++) {
            String row = i < details.unexpectedIndex().size()
                    ? row(details.unexpectedIndex().get(i))
                    : "";
            if (values) {
                String value = show(details.unexpectedValues().get(i), marks);
                items.add(row.isEmpty() ? value : value + " (" + row + ")");
            } else {
                items.add(row);
            }
        }
        long total = details.counts().map(ResultDetails.Counts::unexpectedCount).orElse((long)
                details.unexpectedValues().size());
        String more = total > shown ? String.format(Locale.ROOT, ", %,d more", total - shown) : "";
        return Optional.of(String.join(", ", items) + more);
    }

    /** A row id: a 0-based row number, or the values of the index columns. */
    private static String row(Object index) {
        if (index instanceof Map<?, ?> map) {
            List<String> parts = new ArrayList<>();
            map.forEach((k, v) -> parts.add(k + "=" + v));
            return String.join(", ", parts);
        }
        return "row " + index;
    }

    /**
     * A value as the summary writes it: strings quoted, control characters escaped, long values cut; {@code
     * null} for null. For other reports of a result, such as test assertions.
     */
    public static String value(Object value) {
        return show(value, Marks.UNICODE);
    }

    /** A value as it reads in the summary: strings quoted, control characters escaped, long ones cut. */
    private static String show(Object value, Marks marks) {
        if (value == null) {
            return "null";
        }
        String text = value.toString();
        StringBuilder escaped = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (c == '\n') {
                escaped.append("\\n");
            } else if (c == '\r') {
                escaped.append("\\r");
            } else if (c == '\t') {
                escaped.append("\\t");
            } else if (Character.isISOControl(c)) {
                escaped.append(String.format(Locale.ROOT, "\\u%04x", c));
            } else {
                escaped.appendCodePoint(c);
            }
        });
        String shown = clip(marks.text(escaped.toString()), SHOWN_VALUE, marks);
        return value instanceof String ? "'" + shown + "'" : shown;
    }

    /** Appends {@code text} as lines of at most {@link #WIDTH} columns, indented under the item. */
    private static void wrap(String text, StringBuilder out) {
        int width = WIDTH - DETAIL_INDENT.length();
        for (String paragraph : text.split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" ")) {
                if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                    out.append(DETAIL_INDENT).append(line).append('\n');
                    line.setLength(0);
                }
                while (word.length() > width) {
                    // A word longer than a line (a path, a traceback frame) is broken, not lost.
                    out.append(DETAIL_INDENT).append(word, 0, width).append('\n');
                    word = word.substring(width);
                }
                if (line.length() > 0) {
                    line.append(' ');
                }
                line.append(word);
            }
            out.append(DETAIL_INDENT).append(line).append('\n');
        }
    }

    private static String clip(String text, int width, Marks marks) {
        if (text.codePointCount(0, text.length()) <= width) {
            return text;
        }
        int end = text.offsetByCodePoints(0, width - marks.ellipsis.length());
        return text.substring(0, end) + marks.ellipsis;
    }

    private static String duration(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        long seconds = d.toSeconds();
        if (seconds < 3600) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
    }

    private static String capitalized(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private enum Marks {
        UNICODE("\u2713", "\u2717", "!", " \u00b7 ", "\u2026"),
        ASCII("ok   ", "FAIL ", "ERROR", " | ", "...");

        final String passed;
        final String failed;
        final String errored;
        final String separator;
        final String ellipsis;

        Marks(String passed, String failed, String errored, String separator, String ellipsis) {
            this.passed = passed;
            this.failed = failed;
            this.errored = errored;
            this.separator = separator;
            this.ellipsis = ellipsis;
        }

        /** In ASCII, non-ASCII characters as {@code \}{@code uXXXX}, for terminals that cannot show them. */
        String text(String text) {
            if (this == UNICODE) {
                return text;
            }
            StringBuilder out = new StringBuilder(text.length());
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c < 0x80) {
                    out.append(c);
                } else {
                    out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                }
            }
            return out.toString();
        }
    }
}
