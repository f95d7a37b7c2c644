package dev.assay.store;

import java.util.Map;

/**
 * Opens stores for one URI scheme, found with {@link java.util.ServiceLoader}: a connector lists its
 * provider in {@code META-INF/services/dev.assay.store.StoreProvider} ({@code assay-s3} serves {@code
 * s3://}). Implementations are thread-safe.
 */
public interface StoreProvider {
    /** The URI scheme this provider serves, lower case, e.g. {@code s3}. */
    String scheme();

    /**
     * A store rooted at {@code root}.
     *
     * @param root a URI of this provider's scheme, such as {@code s3://bucket/assay/}
     * @param options settings with keys the provider documents (such as {@code s3.endpoint}); unknown keys
     *     of this provider's scheme are an error, others are ignored
     * @throws dev.assay.error.AssayException with {@code INVALID_CONFIGURATION} for a malformed URI or option
     */
    Store open(String root, Map<String, String> options);
}
