package dev.assay.checkpoint.actions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.assay.checkpoint.CheckpointRun;
import dev.assay.checkpoint.ValidationRun;
import dev.assay.model.Expectation;
import dev.assay.result.Errored;
import dev.assay.result.ExpectationResult;
import dev.assay.result.Failed;
import dev.assay.result.ResultText;
import dev.assay.result.ValidationResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON bodies {@code send_webhook} posts: Assay's own summary of a run, or a Slack message. Neither
 * holds row values (samples): a chat channel is no place for the data itself. Stateless and thread-safe.
 */
final class WebhookPayload {
    /** Slack cuts a section's text at 3,000 characters; stay under it. */
    static final int SLACK_SECTION_TEXT = 3000;
    /** Validations listed in a Slack message; Slack allows 50 blocks. */
    static final int SLACK_VALIDATIONS = 20;
    /** Unsuccessful expectations listed per validation in a Slack message. */
    static final int SLACK_FAILURES = 10;

    private static final ObjectWriter JSON = JsonMapper.builder().build().writer();

    private WebhookPayload() {}

    /** The Assay summary: the run, and per validation its statistics and unsuccessful expectations. */
    static String assay(CheckpointRun run, Optional<String> docsUrl) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("checkpoint", run.checkpoint());
        out.put("run_id", run.runId());
        out.put("success", run.success());
        out.put("started_at", run.startedAt().toString());
        out.put("statistics", runStatistics(run));
        List<Object> validations = new ArrayList<>();
        for (ValidationRun v : run.validations()) {
            ValidationResult result = v.result();
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("suite", result.suiteName());
            entry.put("asset", v.asset());
            entry.put("batch", result.batchName());
            entry.put("success", result.success());
            ValidationResult.Statistics s = result.statistics();
            Map<String, Object> stats = new LinkedHashMap<>();
            stats.put("evaluated_expectations", s.evaluated());
            stats.put("successful_expectations", s.successful());
            stats.put("unsuccessful_expectations", s.unsuccessful());
            stats.put("success_percent", s.successPercent());
            entry.put("statistics", stats);
            List<Object> failed = new ArrayList<>();
            for (ExpectationResult r : result.unsuccessful()) {
                Expectation e = r.expectation();
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("expectation_type", e.type().name());
                String columns = ResultText.columns(e);
                item.put("column", columns.isEmpty() ? null : columns);
                item.put(
                        "row_condition",
                        e.options().rowFilter().isNone()
                                ? null
                                : e.options().rowFilter().text());
                item.put("status", r instanceof Errored ? "errored" : "failed");
                item.put("reason", reason(r));
                failed.add(item);
            }
            entry.put("failed_expectations", failed);
            entry.put("result_key", v.stored().map(k -> k.key()).orElse(null));
            validations.add(entry);
        }
        out.put("validations", validations);
        out.put("docs_url", docsUrl.orElse(null));
        return json(out);
    }

    /**
     * A Slack message: {@code text} (what notifications show) and a few {@code section} blocks, one per
     * validation, listing what failed. Mattermost, Rocket.Chat and others read the same shape.
     */
    static String slack(CheckpointRun run, Optional<String> docsUrl) {
        int failedValidations = (int)
                run.validations().stream().filter(v -> !v.result().success()).count();
        int total = run.validations().size();
        String verdict = run.success() ? "passed" : "failed";
        String counts = run.success()
                ? total + " of " + total + " validations passed"
                : failedValidations + " of " + total + " validations failed";
        String text = "Checkpoint " + escape(run.checkpoint()) + " " + verdict + ": " + counts;
        List<Object> blocks = new ArrayList<>();
        StringBuilder head = new StringBuilder();
        head.append(run.success() ? ":white_check_mark: " : ":x: ")
                .append("*Checkpoint ")
                .append(escape(run.checkpoint()))
                .append(' ')
                .append(verdict)
                .append("*: ")
                .append(counts)
                .append("\nRun ")
                .append(escape(run.runId()))
                .append(", started ")
                .append(run.startedAt());
        docsUrl.ifPresent(url -> head.append("\n<").append(escape(url)).append("|Data docs>"));
        blocks.add(section(head.toString()));
        List<ValidationRun> shown = run.validations().subList(0, Math.min(SLACK_VALIDATIONS, total));
        for (ValidationRun v : shown) {
            blocks.add(section(validation(v)));
        }
        if (total > shown.size()) {
            int more = total - shown.size();
            blocks.add(section("… and " + more + " more " + (more == 1 ? "validation" : "validations")));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("text", text);
        out.put("blocks", blocks);
        return json(out);
    }

    private static String validation(ValidationRun v) {
        ValidationResult result = v.result();
        ValidationResult.Statistics s = result.statistics();
        StringBuilder out = new StringBuilder();
        out.append(result.success() ? ":white_check_mark: *" : ":x: *")
                .append(escape(result.suiteName()))
                .append("* @ ")
                .append(escape(v.asset()))
                .append(" / ")
                .append(escape(result.batchName()))
                .append(": ")
                .append(s.successful())
                .append(" of ")
                .append(s.evaluated())
                .append(" expectations passed");
        List<ExpectationResult> unsuccessful = result.unsuccessful();
        for (ExpectationResult r : unsuccessful.subList(0, Math.min(SLACK_FAILURES, unsuccessful.size()))) {
            Expectation e = r.expectation();
            out.append("\n• `").append(e.type().name()).append('`');
            String columns = ResultText.columns(e);
            if (!columns.isEmpty()) {
                out.append(" (").append(escape(columns)).append(')');
            }
            out.append(r instanceof Errored ? " errored: " : ": ").append(escape(reason(r)));
        }
        if (unsuccessful.size() > SLACK_FAILURES) {
            out.append("\n• … and ")
                    .append(unsuccessful.size() - SLACK_FAILURES)
                    .append(" more");
        }
        return clip(out.toString(), SLACK_SECTION_TEXT);
    }

    private static Map<String, Object> runStatistics(CheckpointRun run) {
        int evaluated = 0;
        int successful = 0;
        int successfulValidations = 0;
        for (ValidationRun v : run.validations()) {
            ValidationResult.Statistics s = v.result().statistics();
            evaluated += s.evaluated();
            successful += s.successful();
            successfulValidations += v.result().success() ? 1 : 0;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("validations", run.validations().size());
        out.put("successful_validations", successfulValidations);
        out.put("evaluated_expectations", evaluated);
        out.put("successful_expectations", successful);
        out.put("unsuccessful_expectations", evaluated - successful);
        return out;
    }

    private static String reason(ExpectationResult r) {
        if (r instanceof Failed failed) {
            return failed.reason();
        }
        if (r instanceof Errored errored) {
            return errored.message();
        }
        return "";
    }

    private static Map<String, Object> section(String mrkdwn) {
        Map<String, Object> text = new LinkedHashMap<>();
        text.put("type", "mrkdwn");
        text.put("text", mrkdwn);
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("type", "section");
        block.put("text", text);
        return block;
    }

    /**
     * Slack's escaping: {@code &}, {@code <} and {@code >} would otherwise start entities and links; control
     * characters (in a column name, say) are left out, as chat clients show them as boxes or not at all.
     */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().filter(c -> !Character.isISOControl(c)).forEach(out::appendCodePoint);
        return out.toString().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String clip(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }

    private static String json(Map<String, Object> tree) {
        try {
            return JSON.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a webhook payload as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
