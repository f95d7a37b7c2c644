package dev.assay.testing;

import dev.assay.expectation.CompoundColumnsUnique;
import dev.assay.model.Expectation;
import dev.assay.model.KwargWriter;
import dev.assay.result.Errored;
import dev.assay.result.ExpectationResult;
import dev.assay.result.Failed;
import dev.assay.result.ResultText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Failure messages: each unsuccessful expectation in plain language, with a few unexpected values and
 * their rows. Stateless and thread-safe.
 */
final class FailureText {
    private FailureText() {}

    /** The column an expectation is about, or empty for a table-level one. */
    static String column(Expectation expectation) {
        KwargWriter writer = new KwargWriter();
        expectation.writeKwargs(writer);
        return writer.asMap().get("column") instanceof String column ? column : "";
    }

    /** What an expectation is about: {@code " on column 'a'"}, {@code " on columns 'a', 'b'"}, or empty. */
    private static String subject(Expectation expectation) {
        KwargWriter writer = new KwargWriter();
        expectation.writeKwargs(writer);
        Map<String, Object> kwargs = writer.asMap();
        if (kwargs.get("column") instanceof String column) {
            return " on column '" + column + "'";
        }
        if (kwargs.get("column_A") instanceof String a && kwargs.get("column_B") instanceof String b) {
            return " on columns '" + a + "', '" + b + "'";
        }
        // Only a compound key's list names the subject; a table's column lists are what it expects.
        if (expectation instanceof CompoundColumnsUnique && kwargs.get("column_list") instanceof List<?> list) {
            return " on columns " + list.stream().map(c -> "'" + c + "'").collect(Collectors.joining(", "));
        }
        return "";
    }

    /** An aggregate's bounds as its kwargs, the column left out: {@code min_value=5.0, max_value=6.0}. */
    private static String expected(Expectation expectation) {
        KwargWriter writer = new KwargWriter();
        expectation.writeKwargs(writer);
        List<String> parts = new ArrayList<>();
        writer.asMap().forEach((k, v) -> {
            if (!k.equals("column") && !k.equals("column_A") && !k.equals("column_B")) {
                parts.add(k + "=" + ResultText.value(v));
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
        out.append("  - ").append(e.type().name()).append(subject(e));
        if (!e.options().rowFilter().isNone()) {
            out.append(" where ").append(e.options().rowFilter().text());
        }
        out.append(' ').append(verdict).append('\n');
        if (r instanceof Failed failed) {
            out.append("      ").append(failed.reason()).append('\n');
            failed.details().observedValue().ifPresent(v -> {
                out.append("      observed: ").append(ResultText.value(v)).append('\n');
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
        boolean values = !failed.resultFormat().excludeUnexpectedValues();
        ResultText.samples(failed).ifPresent(list -> out.append("      ")
                .append(values ? "unexpected values: " : "unexpected rows: ")
                .append(list)
                .append('\n'));
    }
}
