package dev.assay.checkpoint.actions;

import static dev.assay.expectation.Expectations.column;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.assay.Assay;
import dev.assay.checkpoint.CheckpointAction;
import dev.assay.checkpoint.CheckpointRun;
import dev.assay.checkpoint.ValidationRun;
import dev.assay.error.AssayException;
import dev.assay.error.ErrorCode;
import dev.assay.model.ExpectationSuite;
import dev.assay.model.RowFilter;
import dev.assay.source.InMemoryBatch;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SendWebhookTest {
    private static final String SECRET_PATH = "/services/T000/B000/SECRETTOKEN";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path project;

    private HttpServer server;
    private ExecutorService executor;
    private String url;
    private String shown;
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final Deque<Answer> answers = new ArrayDeque<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<Duration> sleeps = new ArrayList<>();

    /** What the server got. */
    record Request(String method, String path, Map<String, String> headers, String body) {}

    /** What the server answers: a status, a body, headers; {@code hang} holds the answer until the test ends. */
    record Answer(int status, String body, Map<String, String> headers, boolean hang) {
        static Answer of(int status, String body) {
            return new Answer(status, body, Map.of(), false);
        }
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        executor = Executors.newCachedThreadPool();
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort() + SECRET_PATH;
        shown = "http://127.0.0.1:" + server.getAddress().getPort() + "/***";
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0)));
        requests.add(new Request(
                exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers, body));
        Answer answer;
        synchronized (answers) {
            answer = answers.isEmpty() ? Answer.of(200, "ok") : answers.poll();
        }
        if (answer.hang()) {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private void answer(Answer... scripted) {
        synchronized (answers) {
            answers.addAll(List.of(scripted));
        }
    }

    private CheckpointAction action(Map<String, Object> config) {
        return new SendWebhookProvider(sleeps::add).create(config);
    }

    private Map<String, Object> config(Object... keysAndValues) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("url", url);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            config.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return config;
    }

    private String run(CheckpointAction action, CheckpointRun run) throws Exception {
        return action.run(run, new Runs.Project(project));
    }

    private JsonNode posted() throws IOException {
        assertThat(requests).hasSize(1);
        return JSON.readTree(requests.get(0).body());
    }

    @Nested
    class Assay_format {
        @Test
        void posts_the_run_with_each_validation_and_what_failed() throws Exception {
            String summary = run(action(config("docs_url", "https://docs.example.com/index.html")), Runs.failed());

            assertThat(summary).isEqualTo("posted to 127.0.0.1 (HTTP 200)");
            Request request = requests.get(0);
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo(SECRET_PATH);
            assertThat(request.headers()).containsEntry("content-type", "application/json; charset=utf-8");
            JsonNode body = posted();
            assertThat(body.path("checkpoint").asText()).isEqualTo("nightly");
            assertThat(body.path("run_id").asText()).isEqualTo("r1a2b3");
            assertThat(body.path("success").isBoolean()).isTrue();
            assertThat(body.path("success").asBoolean()).isFalse();
            assertThat(body.path("started_at").asText()).isEqualTo("2024-05-02T06:00:00Z");
            assertThat(body.path("docs_url").asText()).isEqualTo("https://docs.example.com/index.html");
            assertThat(body.path("statistics").toString())
                    .isEqualTo("{\"validations\":2,\"successful_validations\":1,\"evaluated_expectations\":7,"
                            + "\"successful_expectations\":4,\"unsuccessful_expectations\":3}");
            JsonNode customers = body.path("validations").get(0);
            assertThat(customers.path("suite").asText()).isEqualTo("customers");
            assertThat(customers.path("asset").asText()).isEqualTo("customers");
            assertThat(customers.path("batch").asText()).isEqualTo("customers.csv");
            assertThat(customers.path("success").asBoolean()).isTrue();
            assertThat(customers.path("failed_expectations").size()).isZero();
            assertThat(customers.path("result_key").asText())
                    .isEqualTo("validations/customers/customers/customers.csv/20240502T060000.000000Z-r1a2b3.json");
            JsonNode orders = body.path("validations").get(1);
            assertThat(orders.path("success").asBoolean()).isFalse();
            assertThat(orders.path("result_key").isNull()).isTrue();
            assertThat(orders.path("statistics").toString())
                    .isEqualTo("{\"evaluated_expectations\":5,\"successful_expectations\":2,"
                            + "\"unsuccessful_expectations\":3,\"success_percent\":40.0}");
            JsonNode failed = orders.path("failed_expectations");
            assertThat(failed.size()).isEqualTo(3);
            assertThat(failed.get(0).toString())
                    .isEqualTo("{\"expectation_type\":\"expect_column_values_to_be_in_set\",\"column\":\"status\","
                            + "\"row_condition\":null,\"status\":\"failed\","
                            + "\"reason\":\"2 of 4 values (50%) are not in {'open', 'paid'}\"}");
            assertThat(failed.get(1).path("expectation_type").asText()).isEqualTo("expect_column_mean_to_be_between");
            assertThat(failed.get(1).path("reason").asText()).isEqualTo("the mean 25 is not [0, 10]");
            assertThat(failed.get(2).path("status").asText()).isEqualTo("errored");
            assertThat(failed.get(2).path("column").asText()).isEqualTo("region\u0001<x>&");
            assertThat(failed.get(2).path("reason").asText()).startsWith("Column 'region\u0001<x>&' not found");
        }

        @Test
        void leaves_row_values_out() throws Exception {
            run(action(config()), Runs.failed());

            // The failing statuses were '<script>alert(1)</script>' and 'a & b': data, not for a chat channel.
            assertThat(requests.get(0).body()).doesNotContain("script").doesNotContain("a & b");
        }

        @Test
        void names_a_row_condition_and_sends_null_for_an_unset_docs_url() throws Exception {
            InMemoryBatch batch = InMemoryBatch.named("amounts.csv")
                    .column("id", "int64", 1L, 2L, 3L)
                    .column("amount", "float64", 1.0, 50.0, 70.0)
                    .build();
            ExpectationSuite suite = ExpectationSuite.named("amounts")
                    .expect(column("amount").meanBetween(0, 10).where(RowFilter.parse("id > 1")))
                    .build();
            CheckpointRun run = new CheckpointRun(
                    "c",
                    "r",
                    Runs.STARTED,
                    List.of(new ValidationRun("amounts", Assay.validate(batch, suite), Optional.empty())));

            run(action(config()), run);

            JsonNode body = posted();
            assertThat(body.path("docs_url").isNull()).isTrue();
            JsonNode failed =
                    body.path("validations").get(0).path("failed_expectations").get(0);
            assertThat(failed.path("column").asText()).isEqualTo("amount");
            assertThat(failed.path("row_condition").asText()).isEqualTo("id > 1");
        }
    }

    @Nested
    class Slack_format {
        @Test
        void posts_a_text_and_a_section_per_validation() throws Exception {
            run(action(config("format", "slack", "docs_url", "https://docs.example.com/?a=1&b=2")), Runs.failed());

            JsonNode body = posted();
            assertThat(body.path("text").asText()).isEqualTo("Checkpoint nightly failed: 1 of 2 validations failed");
            JsonNode blocks = body.path("blocks");
            assertThat(blocks.size()).isEqualTo(3);
            assertThat(blocks.get(0).path("type").asText()).isEqualTo("section");
            assertThat(blocks.get(0).path("text").path("type").asText()).isEqualTo("mrkdwn");
            assertThat(blocks.get(0).path("text").path("text").asText())
                    .isEqualTo(":x: *Checkpoint nightly failed*: 1 of 2 validations failed\n"
                            + "Run r1a2b3, started 2024-05-02T06:00:00Z\n"
                            + "<https://docs.example.com/?a=1&amp;b=2|Data docs>");
            assertThat(blocks.get(1).path("text").path("text").asText())
                    .isEqualTo(
                            ":white_check_mark: *customers* @ customers / customers.csv: 2 of 2 expectations passed");
            assertThat(blocks.get(2).path("text").path("text").asText())
                    .isEqualTo(":x: *orders* @ orders / orders-2024-05-01.csv: 2 of 5 expectations passed\n"
                            + "• `expect_column_values_to_be_in_set` (status): 2 of 4 values (50%) are not in"
                            + " {'open', 'paid'}\n"
                            + "• `expect_column_mean_to_be_between` (amount): the mean 25 is not [0, 10]\n"
                            + "• `expect_column_values_to_not_be_null` (region&lt;x&gt;&amp;) errored: Column"
                            + " 'region&lt;x&gt;&amp;' not found in dataset 'orders-2024-05-01.csv'; available"
                            + " columns: [id, status, amount]");
        }

        @Test
        void a_passed_run_says_so() throws Exception {
            run(action(config("format", "slack", "on", "always")), Runs.passed());

            JsonNode body = posted();
            assertThat(body.path("text").asText()).isEqualTo("Checkpoint nightly passed: 1 of 1 validations passed");
            assertThat(body.path("blocks").get(0).path("text").path("text").asText())
                    .startsWith(":white_check_mark: *Checkpoint nightly passed*");
        }

        @Test
        void lists_at_most_ten_failures_per_validation() throws Exception {
            InMemoryBatch batch = InMemoryBatch.named("amounts.csv")
                    .column("amount", "float64", 20.0, 30.0)
                    .build();
            ExpectationSuite.Builder suite = ExpectationSuite.named("amounts");
            for (int i = 1; i <= 12; i++) {
                suite.expect(column("amount").meanBetween(0, i));
            }
            CheckpointRun run = new CheckpointRun(
                    "c",
                    "r",
                    Runs.STARTED,
                    List.of(new ValidationRun("amounts", Assay.validate(batch, suite.build()), Optional.empty())));

            run(action(config("format", "slack")), run);

            String section =
                    posted().path("blocks").get(1).path("text").path("text").asText();
            assertThat(section.lines().filter(l -> l.startsWith("• `expect_column_mean_to_be_between`")))
                    .hasSize(10);
            assertThat(section).endsWith("\n• … and 2 more");
        }

        @Test
        void lists_at_most_twenty_validations() throws Exception {
            CheckpointRun failed = Runs.failed();
            List<ValidationRun> many = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                many.addAll(failed.validations());
            }
            CheckpointRun big = new CheckpointRun("big", "r", failed.startedAt(), many);

            run(action(config("format", "slack")), big);

            JsonNode blocks = posted().path("blocks");
            assertThat(blocks.size()).isEqualTo(1 + 20 + 1);
            assertThat(blocks.get(21).path("text").path("text").asText()).isEqualTo("… and 4 more validations");
        }
    }

    @Nested
    class When_to_post {
        @Test
        void by_default_only_a_failed_run_is_posted() throws Exception {
            String summary = run(action(config()), Runs.passed());

            assertThat(summary).isEqualTo("not posted: the checkpoint passed and on is 'failure'");
            assertThat(requests).isEmpty();
        }

        @Test
        void on_success_posts_only_a_passed_run() throws Exception {
            CheckpointAction action = action(config("on", "success"));

            assertThat(run(action, Runs.failed())).isEqualTo("not posted: the checkpoint failed and on is 'success'");
            assertThat(requests).isEmpty();
            assertThat(run(action, Runs.passed())).isEqualTo("posted to 127.0.0.1 (HTTP 200)");
            assertThat(requests).hasSize(1);
        }

        @Test
        void on_always_posts_every_run() throws Exception {
            CheckpointAction action = action(config("on", "always"));

            run(action, Runs.failed());
            run(action, Runs.passed());

            assertThat(requests)
                    .extracting(r -> JSON.readTree(r.body()).path("success").asBoolean())
                    .containsExactly(false, true);
        }
    }

    @Nested
    class Retries {
        @Test
        void tries_again_after_a_server_error_and_reports_the_attempt() throws Exception {
            answer(Answer.of(500, "oops"), Answer.of(200, "ok"));

            String summary = run(action(config()), Runs.failed());

            assertThat(summary).isEqualTo("posted to 127.0.0.1 (HTTP 200) on attempt 2 of 3");
            assertThat(requests).hasSize(2);
            assertThat(requests.get(1).body()).isEqualTo(requests.get(0).body());
            assertThat(sleeps).containsExactly(Duration.ofSeconds(1));
        }

        @Test
        void waits_as_long_as_a_429_asks() throws Exception {
            answer(new Answer(429, "slow down", Map.of("Retry-After", "7"), false), Answer.of(204, ""));

            String summary = run(action(config()), Runs.failed());

            assertThat(summary).isEqualTo("posted to 127.0.0.1 (HTTP 204) on attempt 2 of 3");
            assertThat(sleeps).containsExactly(Duration.ofSeconds(7));
        }

        @Test
        void gives_up_after_the_last_attempt_naming_what_went_wrong() {
            answer(Answer.of(503, "busy"), Answer.of(502, "bad gateway"), Answer.of(503, "still\nbusy"));

            assertThatThrownBy(() -> run(action(config()), Runs.failed()))
                    .isInstanceOf(AssayException.class)
                    .hasMessage("send_webhook: posting to " + shown + " failed after 3 attempts: HTTP 503: still busy")
                    .extracting(e -> ((AssayException) e).code())
                    .isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
            assertThat(requests).hasSize(3);
            assertThat(sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
        }

        @Test
        void a_client_error_fails_at_once() {
            answer(Answer.of(400, "invalid_payload"));

            assertThatThrownBy(() -> run(action(config()), Runs.failed()))
                    .isInstanceOf(AssayException.class)
                    .hasMessage("send_webhook: " + shown + " answered HTTP 400: invalid_payload; not retried, as the"
                            + " request itself was refused (check the url and headers)")
                    .extracting(e -> ((AssayException) e).code())
                    .isEqualTo(ErrorCode.INVALID_CONFIGURATION);
            assertThat(requests).hasSize(1);
            assertThat(sleeps).isEmpty();
        }

        @Test
        void an_answer_that_quotes_the_url_does_not_leak_its_token() {
            answer(Answer.of(404, "no hook at " + SECRET_PATH));

            assertThatThrownBy(() -> run(action(config("retries", 0)), Runs.failed()))
                    .hasMessage("send_webhook: " + shown + " answered HTTP 404: no hook at ***; not retried, as the"
                            + " request itself was refused (check the url and headers)");
        }

        @Test
        void a_server_that_does_not_answer_in_time_fails_with_the_timeout() {
            answer(new Answer(200, "late", Map.of(), true), new Answer(200, "late", Map.of(), true));

            assertThatThrownBy(() -> run(action(config("timeout", "200ms", "retries", 1)), Runs.failed()))
                    .isInstanceOf(AssayException.class)
                    .hasMessage(
                            "send_webhook: posting to " + shown + " failed after 2 attempts: no answer within 200 ms")
                    .satisfies(e -> assertThat(chain(e)).doesNotContain("SECRETTOKEN"));
            assertThat(sleeps).containsExactly(Duration.ofSeconds(1));
        }

        @Test
        void a_refused_connection_is_retried_then_reported() throws Exception {
            int closedPort;
            try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                closedPort = socket.getLocalPort();
            }
            String refused = "http://127.0.0.1:" + closedPort + SECRET_PATH;

            assertThatThrownBy(() -> run(action(Map.of("url", refused)), Runs.failed()))
                    .isInstanceOf(AssayException.class)
                    .hasMessageStartingWith("send_webhook: posting to http://127.0.0.1:" + closedPort
                            + "/*** failed after 3 attempts: could not connect")
                    .satisfies(e -> assertThat(chain(e)).doesNotContain("SECRETTOKEN"));
            assertThat(sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
        }
    }

    @Test
    void sends_the_configured_headers() throws Exception {
        run(action(config("headers", Map.of("Authorization", "Bearer s3cret", "X-Team", "data"))), Runs.failed());

        assertThat(requests.get(0).headers())
                .containsEntry("authorization", "Bearer s3cret")
                .containsEntry("x-team", "data");
    }

    @Nested
    class Configuration {
        @Test
        void the_url_is_required() {
            assertThatThrownBy(() -> action(Map.of("format", "slack")))
                    .isInstanceOf(AssayException.class)
                    .hasMessage("send_webhook: url is required")
                    .extracting(e -> ((AssayException) e).code())
                    .isEqualTo(ErrorCode.INVALID_CONFIGURATION);
        }

        @Test
        void rejects_an_unknown_key_and_suggests_the_known_one() {
            assertThatThrownBy(() -> action(config("fromat", "slack")))
                    .hasMessage("send_webhook: unknown key 'fromat' (did you mean 'format'?); known keys here: url,"
                            + " format, on, headers, timeout, retries, docs_url");
        }

        @Test
        void rejects_bad_values_naming_the_key() {
            assertThatThrownBy(() -> action(config("format", "teams")))
                    .hasMessage("send_webhook: format must be one of assay, slack, got 'teams'");
            assertThatThrownBy(() -> action(config("on", "sometimes")))
                    .hasMessage("send_webhook: on must be one of failure, success, always, got 'sometimes'");
            assertThatThrownBy(() -> action(config("timeout", "soon")))
                    .hasMessage("send_webhook: timeout 'soon' is not a duration; use ISO-8601 (PT6H, P2D) or a number"
                            + " with ms, s, m, h, d or w");
            assertThatThrownBy(() -> action(config("timeout", "0s")))
                    .hasMessage("send_webhook: timeout must be more than zero, got '0s'");
            assertThatThrownBy(() -> action(config("retries", 11)))
                    .hasMessage("send_webhook: retries must be at most 10, got 11");
            assertThatThrownBy(() -> action(config("retries", "three")))
                    .hasMessage("send_webhook: retries must be a whole number, got 'three'");
            assertThatThrownBy(() -> action(config("headers", List.of("a"))))
                    .hasMessage("send_webhook: headers must be a mapping, got a list");
        }

        @Test
        void rejects_a_url_that_is_not_http_without_showing_it() {
            assertThatThrownBy(() -> action(Map.of("url", "ftp://example.com/SECRETTOKEN")))
                    .hasMessage("send_webhook: url must be an http or https URL; its scheme is 'ftp'");
            assertThatThrownBy(() -> action(Map.of("url", "hooks.slack.com/services/SECRETTOKEN")))
                    .hasMessage("send_webhook: url must be an http or https URL; it has no scheme");
            assertThatThrownBy(() -> action(Map.of("url", "https://hooks.slack.com/SECRET TOKEN")))
                    .hasMessage("send_webhook: url is not a valid URL (Illegal character in path at index 30)");
        }

        @Test
        void rejects_a_header_the_http_client_sets_itself() {
            assertThatThrownBy(() -> action(config("headers", Map.of("Host", "evil.example.com"))))
                    .hasMessage("send_webhook: headers.Host cannot be sent: the name is not a valid header or is one"
                            + " the HTTP client sets itself, or the value holds a line break");
        }

        @Test
        void takes_a_timeout_in_seconds_as_a_number() throws Exception {
            answer(new Answer(200, "late", Map.of(), true));

            assertThatThrownBy(() -> run(action(config("timeout", 0.25, "retries", 0)), Runs.failed()))
                    .hasMessage(
                            "send_webhook: posting to " + shown + " failed after 1 attempt: no answer within 250 ms");
        }
    }

    @Test
    void masks_everything_after_the_host() {
        assertThat(SendWebhook.masked(URI.create("https://hooks.slack.com/services/T0/B0/XYZ")))
                .isEqualTo("https://hooks.slack.com/***");
        assertThat(SendWebhook.masked(URI.create("https://user:pw@example.com:8443/hook?token=abc")))
                .isEqualTo("https://example.com:8443/***");
        assertThat(SendWebhook.masked(URI.create("https://example.com?token=abc")))
                .isEqualTo("https://example.com/***");
        assertThat(SendWebhook.masked(URI.create("https://example.com/"))).isEqualTo("https://example.com");
    }

    private static String chain(Throwable e) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            out.append(t).append('\n');
        }
        return out.toString();
    }
}
