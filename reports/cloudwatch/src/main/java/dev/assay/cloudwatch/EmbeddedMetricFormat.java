package dev.assay.cloudwatch;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.error.AssayException;
import dev.assay.error.ErrorCode;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Writes validations as CloudWatch Embedded Metric Format: one JSON object per line, which CloudWatch Logs
 * turns into metrics when the lines reach a log group (a Lambda function's or a container's standard output
 * with the awslogs driver or the CloudWatch agent). No AWS call is made, so no credentials or network are
 * needed.
 *
 * <p>Points that share a timestamp and dimensions go into one object (at most 100 metrics and 100 values
 * of a metric each): a validation's four metrics make one line, and each expectation's metrics, with their
 * {@code Expectation} and {@code Column} dimensions, one more. A line looks like
 *
 * <pre>{@code
 * {"_aws":{"Timestamp":1763683200000,"CloudWatchMetrics":[{"Namespace":"Assay",
 *   "Dimensions":[["Suite","DataAsset","Checkpoint"]],"Metrics":[{"Name":"ValidationSuccess","Unit":"None"},...]}]},
 *  "Suite":"orders","DataAsset":"orders_csv","Checkpoint":"nightly","ValidationSuccess":1.0,...}
 * }</pre>
 *
 * (on one line). Non-ASCII characters are escaped, so the lines read the same whatever the stream's
 * encoding. The lines of one {@link #write} are written together and flushed, never interleaved with other
 * writes to the same stream. Thread-safe.
 */
public final class EmbeddedMetricFormat {
    private static final JsonMapper JSON =
            JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private final MetricSchema schema;
    private final Supplier<PrintStream> out;
    private final String where;
    private final Clock clock;

    private EmbeddedMetricFormat(MetricSchema schema, Supplier<PrintStream> out, String where, Clock clock) {
        this.schema = schema;
        this.out = out;
        this.where = where;
        this.clock = clock;
    }

    /**
     * Writes to standard output ({@link System#out} as it is at each write), where Lambda and container log
     * drivers pick the lines up.
     */
    public static EmbeddedMetricFormat toStandardOutput(MetricSchema schema) {
        requireNonNull(schema, "schema is null");
        return new EmbeddedMetricFormat(schema, () -> System.out, "standard output", Clock.systemUTC());
    }

    /** Writes to {@code out} (never null), which the caller keeps open and closes. */
    public static EmbeddedMetricFormat to(PrintStream out, MetricSchema schema) {
        requireNonNull(out, "out is null");
        requireNonNull(schema, "schema is null");
        return new EmbeddedMetricFormat(schema, () -> out, "the given stream", Clock.systemUTC());
    }

    /** This writer with timestamps checked against {@code clock} (never null) instead of the system's. */
    public EmbeddedMetricFormat withClock(Clock clock) {
        return new EmbeddedMetricFormat(schema, out, where, requireNonNull(clock, "clock is null"));
    }

    /** The schema the metrics follow, never null. */
    public MetricSchema schema() {
        return schema;
    }

    /**
     * Writes the metrics of {@code validations} (never null) as EMF lines.
     *
     * @return what was written: {@code requests} counts the lines
     * @throws AssayException with {@code INVALID_CONFIGURATION} for a validation CloudWatch would reject (see
     *     {@link MetricSchema#metrics(List)}), or {@code STORE_UNAVAILABLE} when the stream reports an error
     */
    public PublishSummary write(List<Validation> validations) {
        ValidationMetrics metrics = schema.metrics(validations, clock);
        List<String> lines = lines(metrics);
        PrintStream stream = out.get();
        synchronized (stream) {
            StringBuilder all = new StringBuilder();
            for (String line : lines) {
                all.append(line).append('\n');
            }
            stream.print(all);
            stream.flush();
        }
        if (stream.checkError()) {
            throw new AssayException(
                    ErrorCode.STORE_UNAVAILABLE,
                    "cannot write Embedded Metric Format lines for CloudWatch namespace " + schema.namespace() + " to "
                            + where + ": the stream reports an error");
        }
        return new PublishSummary(schema.namespace(), metrics.points().size(), lines.size(), metrics.skippedValues());
    }

    /** Where {@link #write} writes, for messages: {@code standard output} or {@code the given stream}. */
    public String destination() {
        return where;
    }

    /**
     * The EMF lines (without line ends) for {@code validations} (never null), without writing them.
     *
     * @throws AssayException as {@link #write}
     */
    public List<String> lines(List<Validation> validations) {
        return lines(schema.metrics(validations, clock));
    }

    private List<String> lines(ValidationMetrics metrics) {
        Map<GroupKey, Map<String, Deque<MetricPoint>>> groups = new LinkedHashMap<>();
        for (MetricPoint p : metrics.points()) {
            groups.computeIfAbsent(new GroupKey(p.timestamp(), p.dimensions()), k -> new LinkedHashMap<>())
                    .computeIfAbsent(p.name(), n -> new ArrayDeque<>())
                    .add(p);
        }
        List<String> lines = new ArrayList<>();
        groups.forEach((key, byName) -> {
            while (byName.values().stream().anyMatch(q -> !q.isEmpty())) {
                lines.add(line(metrics.namespace(), key, byName));
            }
        });
        return lines;
    }

    /** One object: up to 100 metrics with values left, up to 100 values each, taken from the queues. */
    private static String line(String namespace, GroupKey key, Map<String, Deque<MetricPoint>> byName) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode aws = root.putObject("_aws");
        aws.put("Timestamp", key.timestamp().toEpochMilli());
        ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
        directive.put("Namespace", namespace);
        ArrayNode dimensionSet = directive.putArray("Dimensions").addArray();
        key.dimensions().keySet().forEach(dimensionSet::add);
        ArrayNode definitions = directive.putArray("Metrics");
        key.dimensions().forEach(root::put);
        int metrics = 0;
        for (Map.Entry<String, Deque<MetricPoint>> e : byName.entrySet()) {
            Deque<MetricPoint> queue = e.getValue();
            if (queue.isEmpty()) {
                continue;
            }
            if (metrics == CloudWatchLimits.EMF_MAX_METRICS) {
                break;
            }
            metrics++;
            definitions
                    .addObject()
                    .put("Name", e.getKey())
                    .put("Unit", queue.peek().unit().cloudWatchName());
            if (queue.size() == 1) {
                root.put(e.getKey(), queue.poll().value());
            } else {
                ArrayNode values = root.putArray(e.getKey());
                for (int i = 0; i < CloudWatchLimits.EMF_MAX_VALUES && !queue.isEmpty(); i++) {
                    values.add(queue.poll().value());
                }
            }
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new AssayException(ErrorCode.INTERNAL, "cannot write an Embedded Metric Format object", e);
        }
    }

    private record GroupKey(Instant timestamp, Map<String, String> dimensions) {}
}
