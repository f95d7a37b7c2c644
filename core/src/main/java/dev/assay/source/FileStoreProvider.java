package dev.assay.source;

import java.util.Map;

/**
 * Opens stores for one URI scheme, found with {@link java.util.ServiceLoader}: a connector module lists
 * its provider in {@code META-INF/services/dev.assay.source.FileStoreProvider}, and {@link
 * FileStores#open} then reaches its stores by URI. Implementations are thread-safe.
 */
public interface FileStoreProvider {
    /** The URI scheme this provider serves, lower case, e.g. {@code s3}. */
    String scheme();

    /**
     * A store rooted at {@code root}.
     *
     * @param root a URI of this provider's scheme, such as {@code s3://bucket/prefix/}
     * @param options settings for the store, with keys the provider documents (such as {@code
     *     s3.endpoint}); unknown keys of this provider's scheme are an error, other keys are ignored
     * @throws dev.assay.error.AssayException with {@code INVALID_CONFIGURATION} for a malformed URI or option
     */
    FileStore open(String root, Map<String, String> options);
}
