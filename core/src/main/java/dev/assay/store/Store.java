package dev.assay.store;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A place that keeps Assay's own files — suites, validation results, checkpoints, metric history, a data
 * docs site — as objects under keys: a local folder, or a bucket and prefix. Every write is atomic: a
 * reader sees either the old object or the whole new one, never a part, even when the writer dies
 * mid-write. Implementations are thread-safe and safe for several processes sharing one store.
 *
 * <p>Keys are {@code /}-separated relative paths of non-empty segments without {@code .} or {@code ..}
 * (see {@link StoreKeys#check(String)}). Connectors add stores for other schemes through a {@link
 * StoreProvider}; {@link Stores#open} picks one by URI.
 */
public interface Store extends AutoCloseable {
    /** Where the store is, for messages: a folder path or a URI such as {@code s3://bucket/prefix/}. */
    String root();

    /**
     * The object at {@code key}, or empty when there is none.
     *
     * @throws dev.assay.error.StoreUnavailableException when the store cannot be read
     */
    Optional<byte[]> read(String key);

    /**
     * Writes {@code content} at {@code key}, replacing what was there, atomically.
     *
     * @throws dev.assay.error.StoreUnavailableException when the store cannot be written
     */
    void write(String key, byte[] content);

    /**
     * Writes {@code content} at {@code key} only if no object is there, atomically: of two processes
     * creating one key at once, exactly one succeeds.
     *
     * @return true when this call created the object, false when one was already there (left unchanged)
     * @throws dev.assay.error.StoreUnavailableException when the store cannot be written
     */
    boolean create(String key, byte[] content);

    /**
     * The keys that start with {@code prefix} (empty for all), sorted, listed anew on every call. Objects
     * being written and not yet complete are not listed.
     *
     * @throws dev.assay.error.StoreUnavailableException when the store cannot be listed
     */
    List<String> list(String prefix);

    /**
     * Deletes the object at {@code key}.
     *
     * @return true when there was one
     */
    boolean delete(String key);

    /**
     * Releases what the store holds (an S3 client's connections); a local store holds nothing. The store
     * is not used afterwards.
     */
    @Override
    default void close() {}

    /** A store in a local folder, created on first write. */
    static Store local(Path folder) {
        return new LocalStore(folder);
    }
}
