package dev.assay.maven;

import dev.assay.model.Expectation;
import dev.assay.result.Errored;
import dev.assay.result.ExpectationResult;
import dev.assay.result.Failed;
import dev.assay.result.ResultText;
import dev.assay.result.ValidationResult;
import java.util.List;

/**
 * The plain-language list of the expectations that did not hold, for the message of a failed build: per
 * validation that failed, its suite and batch, then each failed expectation with its reason and a few of the
 * unexpected values, and each one that could not be evaluated with its error. Stateless.
 */
final class Breaches {
    private Breaches() {}

    /**
     * The list for {@code results}, of which at least one failed.
     *
     * @param unicode {@code ✗} and {@code !} as marks, or plain ASCII {@code FAIL} and {@code ERROR}
     */
    static String describe(List<ValidationResult> results, boolean unicode) {
        StringBuilder out = new StringBuilder();
        long failed =
                results.stream().mapToLong(r -> r.statistics().unsuccessful()).sum();
        out.append(failed == 1 ? "1 expectation" : failed + " expectations").append(" did not hold:");
        for (ValidationResult result : results) {
            if (result.success()) {
                continue;
            }
            ValidationResult.Statistics s = result.statistics();
            out.append("\n\nSuite ")
                    .append(result.suiteName())
                    .append(" on ")
                    .append(result.batchName())
                    .append(": ")
                    .append(s.unsuccessful())
                    .append(" of ")
                    .append(s.evaluated())
                    .append(" failed");
            for (ExpectationResult r : result.unsuccessful()) {
                out.append("\n  ");
                if (r instanceof Failed f) {
                    out.append(unicode ? "✗ " : "FAIL  ").append(subject(r.expectation()));
                    out.append("\n      ").append(f.reason());
                    ResultText.samples(f).ifPresent(samples -> out.append("\n      ")
                            .append(f.resultFormat().excludeUnexpectedValues() ? "rows: " : "samples: ")
                            .append(samples));
                } else if (r instanceof Errored e) {
                    out.append(unicode ? "! " : "ERROR ").append(subject(r.expectation()));
                    out.append("\n      could not be evaluated: ").append(e.message());
                }
            }
        }
        return out.toString();
    }

    /** The expectation's type, columns and row condition, as the summary names them. */
    private static String subject(Expectation expectation) {
        StringBuilder out = new StringBuilder(expectation.type().name());
        String columns = ResultText.columns(expectation);
        if (!columns.isEmpty()) {
            out.append("  ").append(columns);
        }
        if (!expectation.options().rowFilter().isNone()) {
            out.append(" where ").append(expectation.options().rowFilter().text());
        }
        return out.toString();
    }
}
