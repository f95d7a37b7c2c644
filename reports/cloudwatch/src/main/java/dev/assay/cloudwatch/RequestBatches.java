package dev.assay.cloudwatch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Splits data points into PutMetricData requests within CloudWatch's limits: at most 1000 metrics and 1 MB a
 * request. Sizes are estimated as JSON, which is larger than the CBOR the SDK sends (and larger than the
 * query protocol's form for all but unusual names), so a planned request never exceeds the limit.
 */
final class RequestBatches {
    private RequestBatches() {}

    static List<List<MetricPoint>> split(String namespace, List<MetricPoint> points, int maxMetrics, long maxBytes) {
        List<List<MetricPoint>> batches = new ArrayList<>();
        long envelope = envelopeBytes(namespace);
        List<MetricPoint> current = new ArrayList<>();
        long bytes = envelope;
        for (MetricPoint p : points) {
            long size = estimatedBytes(p);
            if (!current.isEmpty() && (current.size() == maxMetrics || bytes + size > maxBytes)) {
                batches.add(current);
                current = new ArrayList<>();
                bytes = envelope;
            }
            current.add(p);
            bytes += size;
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }

    /** {"Namespace":"...","MetricData":[]} */
    static long envelopeBytes(String namespace) {
        return 32 + jsonBytes(namespace);
    }

    /**
     * {"MetricName":"...","Dimensions":[{"Name":"...","Value":"..."},...],"Timestamp":...,"Value":...,
     * "Unit":"..."}, with every string counted as if each character needed a six-byte escape when it is not
     * plain ASCII.
     */
    static long estimatedBytes(MetricPoint p) {
        long size = 100 + jsonBytes(p.name()) + jsonBytes(p.unit().cloudWatchName());
        for (Map.Entry<String, String> d : p.dimensions().entrySet()) {
            size += 28 + jsonBytes(d.getKey()) + jsonBytes(d.getValue());
        }
        return size;
    }

    /** Bytes of {@code s} in a JSON string: a printable ASCII character is one, anything else at most six. */
    private static long jsonBytes(String s) {
        long plain = s.chars()
                .filter(c -> c >= 0x20 && c < 0x7f && c != '"' && c != '\\')
                .count();
        return plain + 6 * (s.length() - plain);
    }
}
