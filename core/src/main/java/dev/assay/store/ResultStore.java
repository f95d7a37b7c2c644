package dev.assay.store;

import static java.util.Objects.requireNonNull;

import dev.assay.error.StoreUnavailableException;
import dev.assay.result.ResultJson;
import dev.assay.result.ValidationResult;
import dev.assay.source.BatchIdentity;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Validation results kept in a {@link Store}, as the JSON of {@link ResultJson}, keyed by suite, data
 * asset, batch and run time (see {@link ResultKey}). Saving never overwrites: two runs at once, even in
 * two processes, get two keys. Thread-safe.
 */
public final class ResultStore {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_ATTEMPTS = 10;

    private final Store store;

    public ResultStore(Store store) {
        this.store = requireNonNull(store, "store is null");
    }

    /** The store the results are in. */
    public Store store() {
        return store;
    }

    /**
     * Stores {@code result} as a new object; the JSON's {@code meta} gains {@code run_id}, {@code
     * data_asset}, {@code batch_key} and whatever {@code extraMeta} holds (such as {@code checkpoint}).
     *
     * @return the key it was stored under
     * @throws dev.assay.error.StoreUnavailableException when the store cannot be written
     */
    public ResultKey save(ValidationResult result, Map<String, ?> extraMeta) {
        requireNonNull(result, "result is null");
        requireNonNull(extraMeta, "extraMeta is null");
        String asset = result.batchIdentity().map(BatchIdentity::asset).orElse(result.batchName());
        String batch = result.batchIdentity()
                .map(BatchIdentity::request)
                .map(request -> request.equals("{}") ? "all" : request)
                .orElse(result.batchName());
        for (int attempt = 1; ; attempt++) {
            ResultKey key =
                    new ResultKey(result.suiteName(), asset, batch, result.run().startedAt(), newRunId());
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put("run_id", key.runId());
            meta.put("data_asset", asset);
            meta.put("batch_key", batch);
            meta.putAll(extraMeta);
            byte[] json = ResultJson.toJson(result, meta).getBytes(StandardCharsets.UTF_8);
            if (store.create(key.key(), json)) {
                return key;
            }
            // Two runs drawing one 48-bit run id in one microsecond is all but impossible; a store that
            // keeps answering "already there" is broken, and must not hang the run.
            if (attempt == MAX_ATTEMPTS) {
                throw new StoreUnavailableException("cannot save the result of suite '" + result.suiteName()
                        + "' in " + store.root() + ": " + MAX_ATTEMPTS + " new keys such as " + key.key()
                        + " were each reported as already there");
            }
        }
    }

    /** Every stored result's key, newest first ({@link ResultKey#NEWEST_FIRST}); other objects are skipped. */
    public List<ResultKey> list() {
        return store.list(ResultKey.PREFIX).stream()
                .map(ResultKey::parse)
                .flatMap(Optional::stream)
                .sorted(ResultKey.NEWEST_FIRST)
                .toList();
    }

    /** The stored JSON of a result, or empty when there is none under {@code key}. */
    public Optional<String> read(ResultKey key) {
        return store.read(key.key()).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
    }

    /** A new run id: 12 random lower-case hex digits. */
    public static String newRunId() {
        return String.format("%012x", RANDOM.nextLong() & 0xffff_ffff_ffffL);
    }
}
