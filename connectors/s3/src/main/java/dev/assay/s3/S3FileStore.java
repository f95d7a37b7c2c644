package dev.assay.s3;

import dev.assay.source.FileLocation;
import dev.assay.source.FileStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The objects under a bucket and key prefix, as a {@link FileStore}: listed with ListObjectsV2 and read
 * with ranged GETs. Get one from {@link S3Source#store()} or, by URI, from {@link
 * dev.assay.source.FileStores#open}.
 *
 * <p>Counts what it asks of S3, so a caller can see that only the needed bytes were fetched: {@link
 * #requests()} (each LIST page, HEAD and GET Assay issues; the SDK's retries of one request count once)
 * and {@link #bytesReceived()} (object bytes received, including bytes read through to coalesce nearby
 * ranges and bytes of reads that were retried).
 *
 * <p>Thread-safe. The S3 client is built on first use and shared; {@link #close()} releases it and the
 * threads that fetch ranges concurrently.
 */
public final class S3FileStore implements FileStore, AutoCloseable {
    /** How many coalesced reads of one {@link FileLocation#readRanges} call run at once. */
    static final int READ_CONCURRENCY = 4;

    private static final Logger LOG = LoggerFactory.getLogger(S3FileStore.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final S3Settings settings;
    private final LongAdder bytes = new LongAdder();
    private final LongAdder requests = new LongAdder();
    private final Object lock = new Object();
    private S3Client client; // guarded by lock
    private ThreadPoolExecutor readers; // guarded by lock

    S3FileStore(S3Settings settings) {
        this.settings = settings;
    }

    /** {@code s3://bucket/prefix}, the prefix empty or ending in {@code /}. */
    @Override
    public String root() {
        return "s3://" + settings.bucket() + "/" + settings.prefix();
    }

    /** The bucket, never null. */
    public String bucket() {
        return settings.bucket();
    }

    /** The key prefix, empty or ending in {@code /}; never null. */
    public String prefix() {
        return settings.prefix();
    }

    /**
     * Every object under the prefix, all pages of the listing, with keys relative to the prefix and sorted;
     * "folder" marker keys (ending in {@code /}) are left out.
     *
     * @throws dev.assay.error.SourceUnavailableException for a missing bucket, denied access, rejected or
     *     missing credentials, or an unreachable endpoint
     */
    @Override
    public List<StoredFile> list() {
        String prefix = settings.prefix();
        List<StoredFile> out = new ArrayList<>();
        String token = null;
        do {
            ListObjectsV2Request.Builder request =
                    ListObjectsV2Request.builder().bucket(settings.bucket()).maxKeys(settings.pageSize());
            if (!prefix.isEmpty()) {
                request.prefix(prefix);
            }
            if (token != null) {
                request.continuationToken(token);
            }
            ListObjectsV2Response page;
            try {
                requests.increment();
                page = client().listObjectsV2(request.build());
            } catch (RuntimeException e) {
                throw S3Errors.translate(e, settings, null, "list");
            }
            for (S3Object o : page.contents()) {
                String key = o.key();
                String relative = key.substring(Math.min(prefix.length(), key.length()));
                if (key.endsWith("/") || relative.isEmpty() || !key.startsWith(prefix)) {
                    continue;
                }
                if (relative.startsWith("/")) {
                    LOG.debug("skipping key {}: an empty folder name after the prefix", key);
                    continue;
                }
                out.add(new StoredFile(relative, new S3File(this, key, o.size() == null ? -1 : o.size())));
            }
            token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
        } while (token != null);
        out.sort(Comparator.comparing(StoredFile::path));
        return List.copyOf(out);
    }

    /** The object {@code prefix + relativePath}, never null; its length is asked of S3 when first needed. */
    @Override
    public FileLocation file(String relativePath) {
        String path = relativePath.startsWith("/") ? relativePath.substring(1) : relativePath;
        return new S3File(this, settings.prefix() + path, -1);
    }

    /** Object bytes received from S3 since the store was made or {@linkplain #resetCounters() reset}. */
    public long bytesReceived() {
        return bytes.sum();
    }

    /** LIST, HEAD and GET requests issued since the store was made or {@linkplain #resetCounters() reset}. */
    public long requests() {
        return requests.sum();
    }

    /** Sets {@link #bytesReceived()} and {@link #requests()} to zero. */
    public void resetCounters() {
        bytes.reset();
        requests.reset();
    }

    /**
     * Closes the S3 client if this store built it (not one given with {@link S3Source#client}) and stops
     * the threads of concurrent reads. The store builds a new client if used again.
     */
    @Override
    public void close() {
        synchronized (lock) {
            if (client != null && settings.client() == null) {
                client.close();
            }
            client = null;
            if (readers != null) {
                readers.shutdown();
                readers = null;
            }
        }
    }

    S3Client client() {
        synchronized (lock) {
            if (client == null) {
                client = settings.client() != null ? settings.client() : S3Clients.build(settings);
            }
            return client;
        }
    }

    ExecutorService readers() {
        synchronized (lock) {
            if (readers == null) {
                readers = new ThreadPoolExecutor(16, 16, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "assay-s3-read-" + THREADS.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
                readers.allowCoreThreadTimeOut(true);
            }
            return readers;
        }
    }

    S3Settings settings() {
        return settings;
    }

    void countRequest() {
        requests.increment();
    }

    void countBytes(long n) {
        bytes.add(n);
    }

    @Override
    public String toString() {
        return "S3FileStore[" + root() + "]";
    }
}
