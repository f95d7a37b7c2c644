package dev.assay.testing;

import dev.assay.model.Expectation;
import dev.assay.model.KwargWriter;
import dev.assay.result.Errored;
import dev.assay.result.ExpectationResult;
import dev.assay.result.Failed;
import dev.assay.result.ResultDetails;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Failure messages: each unsuccessful expectation in plain language, with a few unexpected values and
 * their rows. Stateless and thread-safe.
 */
final class FailureText {
    /** The most unexpected values shown per failure. */
    static final int SAMPLES = 5;

    private static final int SHOWN_VALUE = 40;

    private FailureText() {}

    /** The column an expectation is about, or empty for a table-level one. */
    static String column(Expectation expectation) {
        KwargWriter writer = new KwargWriter();
        expectation.writeKwargs(writer);
        return writer.asMap().get("column") instanceof String column ? column : "";
    }

    /** An aggregate's bounds as its kwargs, the column left out: {@code min_value=5.0, max_value=6.0}. */
    private static String expected(Expectation expectation) {
        KwargWriter writer = new KwargWriter();
        expectation.writeKwargs(writer);
        List<String> parts = new ArrayList<>();
        writer.asMap().forEach((k, v) -> {
            if (!k.equals("column")) {
                parts.add(k + "=" + show(v));
            }
        });
        return String.join(", ", parts);
    }

    /** One item per result: a heading line, then indented reason and samples; no trailing newline. */
    static String describe(List<? extends ExpectationResult> results) {
        StringBuilder out = new StringBuilder();
        for (ExpectationResult r : results) {
            describe(r, out);
        }
        return out.toString().stripTrailing();
    }

    /** A percentage with at most two decimals: {@code 33.33}, {@code 50}. */
    static String percent(double value) {
        return java.math.BigDecimal.valueOf(value)
                .setScale(2, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros()
                .toPlainString();
    }

    /** Escapes {@code %} so that AssertJ's message formatting leaves the text as it is. */
    static String literal(String text) {
        return text.replace("%", "%%");
    }

    private static void describe(ExpectationResult r, StringBuilder out) {
        Expectation e = r.expectation();
        String verdict = r instanceof Failed ? "failed" : r instanceof Errored ? "errored" : "passed";
        out.append("  - ").append(e.type().name());
        String column = column(e);
        if (!column.isEmpty()) {
            out.append(" on column '").append(column).append('\'');
        }
        if (!e.options().rowFilter().isNone()) {
            out.append(" where ").append(e.options().rowFilter().text());
        }
        out.append(' ').append(verdict).append('\n');
        if (r instanceof Failed failed) {
            out.append("      ").append(failed.reason()).append('\n');
            failed.details().observedValue().ifPresent(v -> {
                out.append("      observed: ").append(show(v)).append('\n');
                String expected = expected(e);
                if (!expected.isEmpty()) {
                    out.append("      expected: ").append(expected).append('\n');
                }
            });
            samples(failed, out);
        } else if (r instanceof Errored errored) {
            out.append("      error: ").append(errored.message()).append('\n');
        }
    }

    private static void samples(Failed failed, StringBuilder out) {
        ResultDetails details = failed.details();
        boolean values = !failed.resultFormat().excludeUnexpectedValues();
        int shown = Math.min(
                SAMPLES,
                values
                        ? details.unexpectedValues().size()
                        : details.unexpectedIndex().size());
        if (shown == 0) {
            return;
        }
        List<String> items = new ArrayList<>(shown);
        for (int i = 0; i < shown; i++) {
            String row = i < details.unexpectedIndex().size()
                    ? row(details.unexpectedIndex().get(i))
                    : "";
            if (values) {
                String value = show(details.unexpectedValues().get(i));
                items.add(row.isEmpty() ? value : value + " (" + row + ")");
            } else {
                items.add(row);
            }
        }
        long total = details.counts().map(ResultDetails.Counts::unexpectedCount).orElse((long)
                details.unexpectedValues().size());
        String more = total > shown ? String.format(Locale.ROOT, ", %,d more", total - shown) : "";
        out.append("      ")
                .append(values ? "unexpected values: " : "unexpected rows: ")
                .append(String.join(", ", items))
                .append(more)
                .append('\n');
    }

    private static String row(Object index) {
        if (index instanceof Map<?, ?> map) {
            List<String> parts = new ArrayList<>();
            map.forEach((k, v) -> parts.add(k + "=" + v));
            return String.join(", ", parts);
        }
        return "row " + index;
    }

    private static String show(Object value) {
        if (value == null) {
            return "null";
        }
        String text = value.toString().replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
        if (text.length() > SHOWN_VALUE) {
            text = text.substring(0, SHOWN_VALUE - 3) + "...";
        }
        return value instanceof String ? "'" + text + "'" : text;
    }
}
