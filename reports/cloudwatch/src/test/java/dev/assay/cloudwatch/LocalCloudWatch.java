package dev.assay.cloudwatch;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORParser;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * A local HTTP endpoint that takes PutMetricData requests as the real SDK sends them (Smithy RPC v2 CBOR,
 * SigV4 for the service {@code monitoring}), decodes them and answers as CloudWatch does. A request that is
 * not what CloudWatch expects is answered with 400 and recorded in {@link #problems()}. Failures can be
 * scripted: the next requests, or every request, get an error reply.
 */
final class LocalCloudWatch implements AutoCloseable {
    static final String PATH = "/service/GraniteServiceVersion20100801/operation/PutMetricData";
    static final String ACCESS_KEY = "assay-test-access-key";

    private static final CBORMapper CBOR = new CBORMapper();

    /** One decoded request. */
    record Request(String namespace, List<Datum> data, int bodyBytes, boolean gzipped, String signingRegion) {}

    /** One decoded MetricDatum. */
    record Datum(String metricName, Map<String, String> dimensions, Instant timestamp, double value, String unit) {}

    /** An error reply. */
    record Failure(int status, String type, String queryError) {}

    private final HttpServer server;
    private final List<Request> accepted = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private final Deque<Failure> nextFailures = new ArrayDeque<>();
    private Failure alwaysFail;
    private int failAfterAccepted = -1;
    private Failure failAfter;
    private int attempts;

    LocalCloudWatch() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The next request gets {@code failure}, then requests succeed again. */
    synchronized void failNext(Failure failure) {
        nextFailures.add(failure);
    }

    /** Every request gets {@code failure}. */
    synchronized void failAlways(Failure failure) {
        alwaysFail = failure;
    }

    static Failure internalError() {
        return new Failure(500, "InternalServiceFault", "InternalServiceError;Receiver");
    }

    static Failure throttling() {
        return new Failure(400, "Throttling", "Throttling;Sender");
    }

    /** Once {@code accepted} requests have succeeded, every request gets {@code failure}. */
    synchronized void failAfter(int accepted, Failure failure) {
        failAfterAccepted = accepted;
        failAfter = failure;
    }

    /** The requests answered with success, in order. */
    synchronized List<Request> accepted() {
        return List.copyOf(accepted);
    }

    /** Every data point accepted, in order. */
    synchronized List<Datum> data() {
        return accepted.stream().flatMap(r -> r.data().stream()).toList();
    }

    /** Requests received, whatever the reply. */
    synchronized int attempts() {
        return attempts;
    }

    /** Requests that were not what CloudWatch expects, and why. */
    synchronized List<String> problems() {
        return List.copyOf(problems);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] body = ex.getRequestBody().readAllBytes();
            synchronized (this) {
                attempts++;
            }
            String problem = check(ex);
            boolean gzipped = "gzip".equals(ex.getRequestHeaders().getFirst("Content-Encoding"));
            Request request = null;
            if (problem == null) {
                try {
                    if (gzipped) {
                        body = new GZIPInputStream(new ByteArrayInputStream(body)).readAllBytes();
                    }
                    request = decode(body, gzipped, signingRegion(ex));
                } catch (IOException | RuntimeException e) {
                    problem = "cannot decode the body: " + e;
                }
            }
            Failure failure;
            synchronized (this) {
                if (problem != null) {
                    problems.add(problem);
                    failure = new Failure(400, "InvalidParameterValue", null);
                } else {
                    failure = alwaysFail != null ? alwaysFail : nextFailures.poll();
                    if (failure == null && failAfterAccepted >= 0 && accepted.size() >= failAfterAccepted) {
                        failure = failAfter;
                    }
                    if (failure == null) {
                        accepted.add(request);
                    }
                }
            }
            ex.getResponseHeaders().add("Smithy-Protocol", "rpc-v2-cbor");
            ex.getResponseHeaders().add("Content-Type", "application/cbor");
            ex.getResponseHeaders().add("x-amzn-RequestId", "req-" + attempts());
            if (failure == null) {
                ex.sendResponseHeaders(200, 1);
                ex.getResponseBody().write(new byte[] {(byte) 0xA0});
                return;
            }
            if (failure.queryError() != null) {
                ex.getResponseHeaders().add("x-amzn-query-error", failure.queryError());
            }
            Map<String, String> error = new LinkedHashMap<>();
            error.put("__type", "com.amazonaws.cloudwatch#" + failure.type());
            error.put("message", problem == null ? "scripted " + failure.type() : problem);
            byte[] reply = CBOR.writeValueAsBytes(error);
            ex.sendResponseHeaders(failure.status(), reply.length);
            ex.getResponseBody().write(reply);
        }
    }

    private static String check(HttpExchange ex) {
        if (!"POST".equals(ex.getRequestMethod())
                || !PATH.equals(ex.getRequestURI().getPath())) {
            return "unexpected request " + ex.getRequestMethod() + " " + ex.getRequestURI();
        }
        var h = ex.getRequestHeaders();
        if (!"application/cbor".equals(h.getFirst("Content-Type"))) {
            return "Content-Type is " + h.getFirst("Content-Type");
        }
        if (!"rpc-v2-cbor".equals(h.getFirst("Smithy-Protocol"))) {
            return "Smithy-Protocol is " + h.getFirst("Smithy-Protocol");
        }
        String auth = h.getFirst("Authorization");
        if (auth == null
                || !auth.startsWith("AWS4-HMAC-SHA256 Credential=" + ACCESS_KEY + "/")
                || !auth.contains("/monitoring/aws4_request")) {
            return "not signed with SigV4 for monitoring by " + ACCESS_KEY + ": " + auth;
        }
        return null;
    }

    /** The region of the SigV4 credential scope: Credential=key/date/REGION/monitoring/aws4_request. */
    private static String signingRegion(HttpExchange ex) {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        String scope = auth.substring(auth.indexOf("Credential=") + "Credential=".length(), auth.indexOf(','));
        return scope.split("/")[2];
    }

    private static Request decode(byte[] body, boolean gzipped, String region) throws IOException {
        checkTimestampTags(body);
        JsonNode root = CBOR.readTree(body);
        List<Datum> data = new ArrayList<>();
        for (JsonNode d : root.path("MetricData")) {
            Map<String, String> dims = new LinkedHashMap<>();
            for (JsonNode dim : d.path("Dimensions")) {
                dims.put(dim.get("Name").asText(), dim.get("Value").asText());
            }
            BigDecimal seconds = d.get("Timestamp").decimalValue();
            Instant at = Instant.ofEpochMilli(seconds.movePointRight(3)
                    .setScale(0, RoundingMode.HALF_EVEN)
                    .longValueExact());
            data.add(new Datum(
                    d.get("MetricName").asText(),
                    dims,
                    at,
                    d.get("Value").asDouble(),
                    d.get("Unit").asText()));
        }
        if (data.size() > 1000) {
            throw new IllegalArgumentException(data.size() + " metrics in one request; CloudWatch takes 1000");
        }
        if (body.length > 1_048_576) {
            throw new IllegalArgumentException(body.length + " bytes in one request; CloudWatch takes 1 MB");
        }
        return new Request(root.get("Namespace").asText(), data, body.length, gzipped, region);
    }

    /** CloudWatch reads a timestamp as CBOR tag 1 (epoch seconds); anything else is refused. */
    private static void checkTimestampTags(byte[] body) throws IOException {
        try (CBORParser p = new CBORFactory().createParser(body)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t.isScalarValue() && "Timestamp".equals(p.currentName()) && p.getCurrentTag() != 1) {
                    throw new IllegalArgumentException("Timestamp without tag 1: tag " + p.getCurrentTag());
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
