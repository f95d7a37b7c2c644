package dev.assay.store;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.error.StoreUnavailableException;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The metric history: every validation run's metrics, by data asset and time, kept in a {@link Store}
 * under {@code metrics/<asset>/<run time>-<run id>.json} (one object per run, never overwritten).
 * Thread-safe.
 */
public final class MetricHistory {
    /** The folder under which the history is stored. */
    public static final String PREFIX = "metrics/";

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final Store store;

    public MetricHistory(Store store) {
        this.store = requireNonNull(store, "store is null");
    }

    /** The store the history is in. */
    public Store store() {
        return store;
    }

    /**
     * Adds a run's metrics, never replacing another record: a record with the same asset, time and run id
     * as one already kept (two batches of one asset validated at one fixed instant) gets a numbered key.
     *
     * @return the key it was stored under
     */
    public String record(MetricRecord record) {
        requireNonNull(record, "record is null");
        String stem = PREFIX + StoreKeys.segment(record.asset()) + "/" + ResultKey.TIME.format(record.time()) + "-"
                + record.runId();
        ObjectNode node = JSON.createObjectNode();
        node.put("asset", record.asset());
        node.put("batch", record.batch());
        node.put("suite", record.suite());
        node.put("time", record.time().toString());
        node.put("run_id", record.runId());
        ObjectNode values = node.putObject("values");
        record.values().forEach(values::put);
        byte[] json;
        try {
            json = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        String key = stem + ".json";
        for (int n = 2; !store.create(key, json); n++) {
            key = stem + "-" + n + ".json";
        }
        return key;
    }

    /** The assets that have a history, sorted. */
    public List<String> assets() {
        return store.list(PREFIX).stream()
                .map(k -> k.substring(PREFIX.length()))
                .filter(k -> k.indexOf('/') > 0)
                .map(k -> StoreKeys.decode(k.substring(0, k.indexOf('/'))))
                .distinct()
                .sorted()
                .toList();
    }

    /** Every recorded run of {@code asset}, oldest first. */
    public List<MetricRecord> records(String asset) {
        return records(asset, Integer.MAX_VALUE);
    }

    /** The newest {@code limit} recorded runs of {@code asset}, oldest first, reading only those. */
    public List<MetricRecord> records(String asset, int limit) {
        requireNonNull(asset, "asset is null");
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0, got " + limit);
        }
        List<String> keys = store.list(PREFIX + StoreKeys.segment(asset) + "/");
        List<String> wanted = keys.subList(Math.max(0, keys.size() - limit), keys.size());
        List<MetricRecord> out = new ArrayList<>(wanted.size());
        for (String key : wanted) {
            parse(key, store.read(key)).ifPresent(out::add);
        }
        out.sort(Comparator.comparing(MetricRecord::time));
        return out;
    }

    /**
     * The newest {@code limit} recorded runs of {@code asset} that {@code filter} accepts, oldest first. Reads
     * records newest first and stops once {@code limit} are found, so a long history costs only the records
     * it needs (plus those the filter turns down).
     *
     * @param asset the data asset, never null
     * @param limit how many records to return at most, at least 1
     * @param filter which records count, such as those holding a given metric; never null
     * @throws StoreUnavailableException if a record cannot be read or parsed
     */
    public List<MetricRecord> records(String asset, int limit, Predicate<MetricRecord> filter) {
        requireNonNull(asset, "asset is null");
        requireNonNull(filter, "filter is null");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        List<String> keys = store.list(PREFIX + StoreKeys.segment(asset) + "/");
        List<MetricRecord> out = new ArrayList<>();
        for (int i = keys.size() - 1; i >= 0 && out.size() < limit; i--) {
            parse(keys.get(i), store.read(keys.get(i))).filter(filter).ifPresent(out::add);
        }
        out.sort(Comparator.comparing(MetricRecord::time));
        return out;
    }

    private Optional<MetricRecord> parse(String key, Optional<byte[]> bytes) {
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(bytes.get());
            Map<String, Double> values = new LinkedHashMap<>();
            node.path("values").properties().forEach(e -> {
                if (e.getValue().isNumber()) {
                    values.put(e.getKey(), e.getValue().doubleValue());
                }
            });
            return Optional.of(new MetricRecord(
                    node.path("asset").asText(),
                    node.path("batch").asText(),
                    node.path("suite").asText(),
                    Instant.parse(node.path("time").asText()),
                    node.path("run_id").asText(),
                    values));
        } catch (IOException | RuntimeException e) {
            throw new StoreUnavailableException(
                    "the metric history object " + key + " in " + store.root() + " is not valid: " + e.getMessage(), e);
        }
    }
}
