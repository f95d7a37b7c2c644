package dev.assay.checkpoint.actions;

import static java.util.Objects.requireNonNull;

import dev.assay.checkpoint.ActionContext;
import dev.assay.checkpoint.CheckpointAction;
import dev.assay.checkpoint.CheckpointRun;
import dev.assay.error.AssayException;
import dev.assay.error.ErrorCode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code send_webhook} action: one POST per run, retried on failures that may pass. The URL may hold a
 * token (Slack's does), so messages and logs name only its scheme, host and port. Thread-safe.
 */
final class SendWebhook implements CheckpointAction {
    private static final Logger LOG = LoggerFactory.getLogger(SendWebhook.class);
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_WAIT = Duration.ofSeconds(30);
    private static final int BODY_SHOWN = 200;

    /** Waits between attempts; a seam so tests need not wait. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final URI url;
    private final String shownUrl;
    private final boolean slack;
    private final String on;
    private final Map<String, String> headers;
    private final Duration timeout;
    private final int retries;
    private final Optional<String> docsUrl;
    private final Sleeper sleeper;

    SendWebhook(
            URI url,
            boolean slack,
            String on,
            Map<String, String> headers,
            Duration timeout,
            int retries,
            Optional<String> docsUrl,
            Sleeper sleeper) {
        this.url = requireNonNull(url, "url is null");
        this.shownUrl = masked(url);
        this.slack = slack;
        this.on = requireNonNull(on, "on is null");
        this.headers = Map.copyOf(headers);
        this.timeout = requireNonNull(timeout, "timeout is null");
        this.retries = retries;
        this.docsUrl = requireNonNull(docsUrl, "docsUrl is null");
        this.sleeper = requireNonNull(sleeper, "sleeper is null");
    }

    /** {@code scheme://host[:port]}, plus {@code /***} when there is more: what messages may show. */
    static String masked(URI url) {
        String shown = url.getScheme() + "://" + url.getHost() + (url.getPort() >= 0 ? ":" + url.getPort() : "");
        boolean more = (url.getRawPath() != null
                        && !url.getRawPath().isEmpty()
                        && !url.getRawPath().equals("/"))
                || url.getRawQuery() != null
                || url.getRawFragment() != null;
        return more ? shown + "/***" : shown;
    }

    @Override
    public String run(CheckpointRun run, ActionContext context) throws InterruptedException {
        boolean wanted = on.equals("always") || (on.equals("failure") != run.success());
        if (!wanted) {
            return "not posted: the checkpoint " + (run.success() ? "passed" : "failed") + " and on is '" + on + "'";
        }
        String body = slack ? WebhookPayload.slack(run, docsUrl) : WebhookPayload.assay(run, docsUrl);
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "assay-send-webhook")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::setHeader);
        HttpRequest built = request.build();
        // A client per post: a checkpoint that never posts (on: failure, all passed) starts no HTTP threads.
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        int attempts = retries + 1;
        String problem = "";
        Exception cause = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            Duration wait = backoff(attempt);
            try {
                HttpResponse<String> response = client.send(built, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    return "posted to " + url.getHost() + " (HTTP " + status + ")"
                            + (attempt > 1 ? " on attempt " + attempt + " of " + attempts : "");
                }
                problem = "HTTP " + status + answer(response.body());
                cause = null;
                if (status != 429 && status < 500) {
                    throw new AssayException(
                            ErrorCode.INVALID_CONFIGURATION,
                            "send_webhook: " + shownUrl + " answered " + problem
                                    + "; not retried, as the request itself was refused (check the url and headers)");
                }
                wait = retryAfter(response).orElse(wait);
            } catch (HttpConnectTimeoutException e) {
                problem = "could not connect within " + duration(timeout);
                cause = e;
            } catch (HttpTimeoutException e) {
                problem = "no answer within " + duration(timeout);
                cause = e;
            } catch (ConnectException e) {
                problem = "could not connect (" + scrub(e.getMessage() == null ? "connection refused" : e.getMessage())
                        + ")";
                cause = e;
            } catch (IOException e) {
                problem = "the connection failed (" + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + scrub(e.getMessage())) + ")";
                cause = e;
            }
            if (attempt < attempts) {
                LOG.warn(
                        "send_webhook: attempt {} of {} to {} failed: {}; trying again in {}",
                        attempt,
                        attempts,
                        shownUrl,
                        problem,
                        duration(wait));
                sleeper.sleep(wait);
            }
        }
        throw new AssayException(
                ErrorCode.SERVICE_UNAVAILABLE,
                "send_webhook: posting to " + shownUrl + " failed after " + attempts
                        + (attempts == 1 ? " attempt: " : " attempts: ") + problem,
                cause);
    }

    /** 1 s, 2 s, 4 s… up to {@link #MAX_WAIT}, after attempt {@code attempt}. */
    private static Duration backoff(int attempt) {
        Duration wait = FIRST_BACKOFF.multipliedBy(1L << Math.min(attempt - 1, 10));
        return wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
    }

    /** The wait a 429 or 503 asks for in seconds ({@code Retry-After: 5}), capped at {@link #MAX_WAIT}. */
    private static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                long seconds = Long.parseLong(value.trim());
                return seconds < 0
                        ? Optional.empty()
                        : Optional.of(seconds > MAX_WAIT.toSeconds() ? MAX_WAIT : Duration.ofSeconds(seconds));
            } catch (NumberFormatException e) {
                return Optional.empty(); // an HTTP date: keep the usual backoff
            }
        });
    }

    /** The start of an answer's body, on one line, for the message: services say there what was wrong. */
    private String answer(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String line = scrub(body.strip()).replaceAll("\\s+", " ");
        if (line.length() > BODY_SHOWN) {
            line = line.substring(0, BODY_SHOWN) + "…";
        }
        StringBuilder shown = new StringBuilder();
        line.codePoints().filter(c -> !Character.isISOControl(c)).forEach(shown::appendCodePoint);
        return ": " + shown;
    }

    /** {@code text} with the URL's secret parts (path, query, user info) replaced. */
    private String scrub(String text) {
        String out = text.replace(url.toString(), shownUrl);
        for (String part : new String[] {url.getRawPath(), url.getRawQuery(), url.getRawUserInfo()}) {
            if (part != null && part.length() > 1) {
                out = out.replace(part, "***");
            }
        }
        return out;
    }

    private static String duration(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }
}
