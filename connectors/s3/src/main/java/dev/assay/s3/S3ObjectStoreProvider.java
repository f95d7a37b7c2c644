package dev.assay.s3;

import dev.assay.store.Store;
import dev.assay.store.StoreProvider;
import java.util.Map;

/**
 * Opens {@code s3://bucket/prefix/} stores for {@link dev.assay.store.Stores#open}, so a project keeps its
 * results and metric history in S3 by naming a location ({@code stores: {results:
 * s3://bucket/assay/results/}}). The options are those of {@link S3StoreProvider}: {@code s3.endpoint},
 * {@code s3.path-style}, {@code s3.region} and {@code s3.profile}; other keys starting with {@code s3.} are
 * an error, keys of other schemes are ignored. Thread-safe.
 */
public final class S3ObjectStoreProvider implements StoreProvider {
    @Override
    public String scheme() {
        return "s3";
    }

    /**
     * An {@link S3ObjectStore} at {@code root} (never null) with {@code options} (never null).
     *
     * @throws dev.assay.error.AssayException with {@code INVALID_CONFIGURATION} for a malformed URI, an
     *     unknown {@code s3.} option or a bad option value
     */
    @Override
    public Store open(String root, Map<String, String> options) {
        return S3ObjectStore.of(S3StoreProvider.source(root, options));
    }
}
