package dev.assay.source;

import java.nio.file.Path;
import java.util.List;

/**
 * A place that holds files under one root: a local folder, or a bucket and key prefix. A {@link
 * FileSource} declares data assets over a store; connectors add stores for other schemes (the {@code
 * assay-s3} module adds {@code s3://}) through a {@link FileStoreProvider}. Implementations are
 * thread-safe.
 */
public interface FileStore {
    /** The root, for messages: a folder path or a URI such as {@code s3://bucket/prefix/}. Never null. */
    String root();

    /**
     * Every file under the root, each with its path relative to the root ({@code /}-separated, never
     * starting with {@code /}), sorted by that path. Listed anew on every call.
     *
     * @throws dev.assay.error.SourceUnavailableException when the root cannot be listed (a missing folder
     *     or bucket, denied access)
     */
    List<StoredFile> list();

    /**
     * The file at {@code relativePath} under the root, without checking that it exists: a missing file
     * fails when it is read.
     */
    FileLocation file(String relativePath);

    /** The files of a local folder. */
    static FileStore local(Path folder) {
        return new LocalFileStore(folder);
    }

    /**
     * A listed file.
     *
     * @param path the path relative to the store's root, {@code /}-separated
     * @param location how to read it
     */
    record StoredFile(String path, FileLocation location) {}
}
