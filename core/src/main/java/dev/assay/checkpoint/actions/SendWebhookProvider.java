package dev.assay.checkpoint.actions;

import static java.util.Objects.requireNonNull;

import dev.assay.checkpoint.CheckpointAction;
import dev.assay.checkpoint.CheckpointActionProvider;
import dev.assay.project.Config;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Serves the action {@code send_webhook}: posts a JSON summary of the run to a URL, such as a Slack
 * incoming webhook. Keys:
 *
 * <ul>
 *   <li>{@code url} (required): an {@code http} or {@code https} URL. Write a secret URL as {@code
 *       ${NAME}}: the project replaces it by the environment variable {@code NAME} when it reads the
 *       checkpoint, so it stays out of the file. Messages show only its scheme and host.
 *   <li>{@code format}: {@code assay} (default; Assay's summary) or {@code slack} ({@code text} and
 *       blocks).
 *   <li>{@code on}: {@code failure} (default: only when a validation failed), {@code success} or {@code
 *       always}.
 *   <li>{@code headers}: a map of extra request headers (secrets as {@code ${NAME}}, as for the URL).
 *   <li>{@code timeout}: per attempt, to connect and to get an answer (default {@code 10s}).
 *   <li>{@code retries}: how often a post is tried again after a connection failure, a timeout, HTTP 429
 *       or a 5xx answer (default 2, so 3 attempts), waiting 1 s, 2 s, 4 s… (or the answer's {@code
 *       Retry-After}) in between. Any other 4xx fails at once.
 *   <li>{@code docs_url}: a link to the data docs, put in the message.
 * </ul>
 *
 * <p>Thread-safe.
 */
public final class SendWebhookProvider implements CheckpointActionProvider {
    static final String TYPE = "send_webhook";
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    static final int DEFAULT_RETRIES = 2;

    private final SendWebhook.Sleeper sleeper;

    /** The provider {@link java.util.ServiceLoader} creates: waits between attempts for real. */
    public SendWebhookProvider() {
        this(d -> Thread.sleep(d.toMillis()));
    }

    /** A provider waiting between attempts with {@code sleeper}. */
    SendWebhookProvider(SendWebhook.Sleeper sleeper) {
        this.sleeper = requireNonNull(sleeper, "sleeper is null");
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public CheckpointAction create(Map<String, Object> config) {
        Config c = new Config(TYPE, "", config);
        Optional<String> urlText = c.optionalString("url");
        String format = c.choice("format", List.of("assay", "slack"), "assay");
        String on = c.choice("on", List.of("failure", "success", "always"), "failure");
        Map<String, String> headers = c.map("headers").stringEntries();
        Duration timeout = c.duration("timeout", DEFAULT_TIMEOUT);
        int retries = c.integer("retries", DEFAULT_RETRIES, 0, 10);
        Optional<String> docsUrl = c.optionalString("docs_url").map(String::trim);
        c.done("url", "format", "on", "headers", "timeout", "retries", "docs_url");

        String urlValue = urlText.filter(u -> !u.isBlank()).orElseThrow(() -> c.error("url", "is required"));
        URI url = url(c, urlValue.trim());
        checkHeaders(c, url, headers);
        return new SendWebhook(url, format.equals("slack"), on, headers, timeout, retries, docsUrl, sleeper);
    }

    /** The URL, checked; messages never show it, as it may hold a token. */
    private static URI url(Config c, String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            // e's message quotes the URL: leave it out.
            throw c.error("url", "is not a valid URL (" + e.getReason() + " at index " + e.getIndex() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw c.error(
                    "url",
                    "must be an http or https URL; "
                            + (scheme.isEmpty() ? "it has no scheme" : "its scheme is '" + scheme + "'"));
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw c.error("url", "has no host");
        }
        return uri;
    }

    /** Headers the HTTP client manages itself (Host, Content-Length, Connection…) cannot be set. */
    private static void checkHeaders(Config c, URI url, Map<String, String> headers) {
        HttpRequest.Builder probe = HttpRequest.newBuilder(url);
        for (Map.Entry<String, String> h : headers.entrySet()) {
            try {
                probe.setHeader(h.getKey(), h.getValue());
            } catch (IllegalArgumentException e) {
                // The JDK's message may quote the value, which may be a secret.
                throw c.error(
                        "headers." + h.getKey(),
                        "cannot be sent: the name is not a valid header or is one the HTTP client sets itself,"
                                + " or the value holds a line break");
            }
        }
    }
}
