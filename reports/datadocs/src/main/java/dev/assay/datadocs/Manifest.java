package dev.assay.datadocs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.store.Store;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a site already shows, kept in the site at {@value #KEY}: every rendered run's summary, the
 * results that could not be read (so they are not read again), each suite's expectations as its newest
 * run had them, and a hash of every page other than run pages (so unchanged pages are not written
 * again). Not thread-safe.
 */
final class Manifest {
    static final String KEY = ".assay/manifest.json";
    private static final int VERSION = 1;
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    final Map<String, RunSummary> runs = new HashMap<>();
    final Map<String, String> broken = new TreeMap<>();
    final Map<String, SuiteState> suites = new TreeMap<>();
    final Map<String, String> pages = new TreeMap<>();

    /** A suite's expectations as of its newest run. */
    record SuiteState(Instant time, List<SuiteLine> expectations) {
        SuiteState {
            expectations = List.copyOf(expectations);
        }
    }

    /**
     * The site's manifest; empty when there is none.
     *
     * @throws IOException when there is one that cannot be read, with the reason
     */
    static Manifest read(Store site) throws IOException {
        Optional<byte[]> bytes = site.read(KEY);
        Manifest m = new Manifest();
        if (bytes.isEmpty()) {
            return m;
        }
        JsonNode root = JSON.readTree(bytes.get());
        if (root == null || root.path("version").asInt() != VERSION) {
            throw new IOException("unknown manifest version " + (root == null ? "" : root.path("version")));
        }
        for (JsonNode r : root.path("runs")) {
            RunSummary s = new RunSummary(
                    r.path("key").asText(),
                    r.path("page").asText(),
                    r.path("run_id").asText(),
                    r.path("suite").asText(),
                    r.path("asset").asText(),
                    r.path("batch").asText(),
                    Instant.parse(r.path("time").asText()),
                    r.path("checkpoint").asText(),
                    r.path("success").asBoolean(),
                    r.path("evaluated").asInt(),
                    r.path("successful").asInt(),
                    r.path("success_percent").asDouble());
            m.runs.put(s.key(), s);
        }
        root.path("broken")
                .properties()
                .forEach(e -> m.broken.put(e.getKey(), e.getValue().asText()));
        root.path("suites").properties().forEach(e -> {
            List<SuiteLine> lines = new ArrayList<>();
            for (JsonNode l : e.getValue().path("expectations")) {
                lines.add(new SuiteLine(
                        l.path("group").asText(),
                        l.path("phrase").asText(),
                        l.path("type").asText(),
                        l.path("dimension").asText()));
            }
            m.suites.put(
                    e.getKey(),
                    new SuiteState(Instant.parse(e.getValue().path("time").asText()), lines));
        });
        root.path("pages")
                .properties()
                .forEach(e -> m.pages.put(e.getKey(), e.getValue().asText()));
        return m;
    }

    byte[] toJson() throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", VERSION);
        ArrayNode runArray = root.putArray("runs");
        runs.values().stream().sorted(DataDocs.NEWEST_FIRST).forEach(s -> {
            ObjectNode r = runArray.addObject();
            r.put("key", s.key());
            r.put("page", s.page());
            r.put("run_id", s.runId());
            r.put("suite", s.suite());
            r.put("asset", s.asset());
            r.put("batch", s.batch());
            r.put("time", s.time().toString());
            r.put("checkpoint", s.checkpoint());
            r.put("success", s.success());
            r.put("evaluated", s.evaluated());
            r.put("successful", s.successful());
            r.put("success_percent", s.successPercent());
        });
        ObjectNode brokenNode = root.putObject("broken");
        broken.forEach(brokenNode::put);
        ObjectNode suiteNode = root.putObject("suites");
        suites.forEach((name, state) -> {
            ObjectNode s = suiteNode.putObject(name);
            s.put("time", state.time().toString());
            ArrayNode lines = s.putArray("expectations");
            for (SuiteLine l : state.expectations()) {
                lines.addObject()
                        .put("group", l.group())
                        .put("phrase", l.phrase())
                        .put("type", l.type())
                        .put("dimension", l.dimension());
            }
        });
        ObjectNode pageNode = root.putObject("pages");
        pages.forEach(pageNode::put);
        return JSON.writeValueAsBytes(root);
    }
}
