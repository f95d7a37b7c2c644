package dev.assay.s3;

import dev.assay.error.AssayException;
import dev.assay.error.MalformedDataException;
import dev.assay.error.SourceUnavailableException;
import dev.assay.source.ByteRange;
import dev.assay.source.FileLocation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;

/**
 * One object, read with ranged GETs. The SDK retries a request that fails before its body arrives
 * (throttling, 5xx, refused connections); this class retries a body that breaks off, from where it
 * broke. Thread-safe.
 */
final class S3File implements FileLocation {
    private static final Logger LOG = LoggerFactory.getLogger(S3File.class);

    private final S3FileStore store;
    private final String key;
    private volatile long length; // -1 until known

    S3File(S3FileStore store, String key, long length) {
        this.store = store;
        this.key = key;
        this.length = length;
    }

    @Override
    public String uri() {
        return "s3://" + store.bucket() + "/" + key;
    }

    String key() {
        return key;
    }

    S3FileStore store() {
        return store;
    }

    @Override
    public long length() {
        long known = length;
        if (known < 0) {
            try {
                store.countRequest();
                Long size = store.client()
                        .headObject(HeadObjectRequest.builder()
                                .bucket(store.bucket())
                                .key(key)
                                .build())
                        .contentLength();
                known = size == null ? 0 : size;
            } catch (RuntimeException e) {
                throw S3Errors.translate(e, store.settings(), key, "read");
            }
            length = known;
        }
        return known;
    }

    @Override
    public ByteBuffer read(long position, int count) {
        if (position < 0 || count < 0) {
            throw new IllegalArgumentException("bad read of " + count + " bytes at " + position + " of " + uri());
        }
        if (count == 0) {
            return ByteBuffer.allocate(0);
        }
        byte[] out = new byte[count];
        int attempts = store.settings().attempts();
        IOException broken = null;
        int received = 0;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            received = 0;
            try (ResponseInputStream<GetObjectResponse> in =
                    get("bytes=" + position + "-" + (position + count - 1), null)) {
                checkLength(in.response(), position, count);
                received = readFully(in, out);
                if (received == count) {
                    return ByteBuffer.wrap(out);
                }
                broken = new IOException("the response ended after " + received + " of " + count + " bytes");
            } catch (IOException e) {
                broken = e;
            } catch (SdkClientException e) {
                if (!(e.getCause() instanceof IOException io)) {
                    throw S3Errors.translate(e, store.settings(), key, "read");
                }
                broken = io;
            } catch (AwsServiceException e) {
                if (e.statusCode() == 416) {
                    throw shortObject(position, count, 0);
                }
                throw S3Errors.translate(e, store.settings(), key, "read");
            } catch (RuntimeException e) {
                throw S3Errors.translate(e, store.settings(), key, "read");
            }
            if (attempt < attempts) {
                LOG.debug(
                        "read of {} bytes at {} of {} broke off after {} bytes, attempt {} of {}: {}",
                        count,
                        position,
                        uri(),
                        received,
                        attempt,
                        attempts,
                        broken.toString());
                pause(attempt);
            }
        }
        throw new MalformedDataException(
                uri() + ": expected " + count + " bytes at offset " + position + " but received " + received
                        + " before the response broke off, in each of " + attempts + " attempts (a truncated body: "
                        + S3Errors.describe(broken) + ")",
                broken);
    }

    /**
     * The bytes from {@code position} to the end, streamed; a body that breaks off is resumed from the
     * next byte, as long as the object is unchanged.
     */
    @Override
    public InputStream open(long position) {
        if (position < 0) {
            throw new IllegalArgumentException("bad position " + position + " in " + uri());
        }
        return new S3ObjectStream(this, position);
    }

    /**
     * Coalesces nearby ranges, then fetches the coalesced reads up to {@value S3FileStore#READ_CONCURRENCY}
     * at a time, this thread taking part.
     */
    @Override
    public List<ByteBuffer> readRanges(List<ByteRange> ranges, long maxGap) {
        List<ByteRange> reads = ByteRange.coalesce(ranges, maxGap);
        ByteBuffer[] fetched = new ByteBuffer[reads.size()];
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean failed = new AtomicBoolean();
        Runnable worker = () -> {
            int i;
            while (!failed.get() && (i = next.getAndIncrement()) < reads.size()) {
                ByteRange r = reads.get(i);
                try {
                    fetched[i] = read(r.offset(), Math.toIntExact(r.length()));
                } catch (RuntimeException e) {
                    failed.set(true);
                    throw e;
                }
            }
        };
        int helpers = Math.min(S3FileStore.READ_CONCURRENCY, reads.size()) - 1;
        List<Future<?>> futures = new ArrayList<>(Math.max(helpers, 0));
        for (int h = 0; h < helpers; h++) {
            futures.add(store.readers().submit(worker));
        }
        RuntimeException first = null;
        try {
            worker.run();
        } catch (RuntimeException e) {
            first = e;
        }
        boolean interrupted = false;
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (ExecutionException e) {
                if (first == null) {
                    first = e.getCause() instanceof RuntimeException r
                            ? r
                            : new SourceUnavailableException("cannot read " + uri() + ": " + e.getCause(), e);
                }
            } catch (InterruptedException e) {
                interrupted = true;
                failed.set(true);
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
            throw new SourceUnavailableException("interrupted while reading " + uri());
        }
        if (first != null) {
            throw first;
        }
        return ByteRange.slice(ranges, reads, Arrays.asList(fetched));
    }

    /** One GET of {@code range} (null: the whole object), counted. */
    ResponseInputStream<GetObjectResponse> get(String range, String ifMatch) {
        GetObjectRequest.Builder request =
                GetObjectRequest.builder().bucket(store.bucket()).key(key);
        if (range != null) {
            request.range(range);
        }
        if (ifMatch != null) {
            request.ifMatch(ifMatch);
        }
        store.countRequest();
        return store.client().getObject(request.build());
    }

    /** Fails when the object holds fewer than {@code count} bytes from {@code position}. */
    private void checkLength(GetObjectResponse response, long position, int count) {
        Long contentLength = response.contentLength();
        if (contentLength != null && contentLength < count) {
            long total = totalOf(response.contentRange());
            if (total >= 0) {
                length = total;
            }
            throw shortObject(position, count, contentLength);
        }
    }

    MalformedDataException shortObject(long position, long count, long available) {
        long total = length;
        if (total < 0) {
            try {
                total = length();
            } catch (AssayException e) {
                total = -1;
            }
        }
        return new MalformedDataException(uri() + ": expected " + count + " bytes at offset " + position
                + " but the object holds only " + available + " bytes from there"
                + (total >= 0 ? " (it is " + total + " bytes long)" : "")
                + "; it is truncated or changed after it was listed");
    }

    /** The total length in a {@code Content-Range: bytes a-b/total} header, or -1. */
    static long totalOf(String contentRange) {
        if (contentRange == null) {
            return -1;
        }
        int slash = contentRange.lastIndexOf('/');
        try {
            return slash < 0
                    ? -1
                    : Long.parseLong(contentRange.substring(slash + 1).trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private int readFully(InputStream in, byte[] out) throws IOException {
        int n = 0;
        while (n < out.length) {
            int r = in.read(out, n, out.length - n);
            if (r < 0) {
                break;
            }
            n += r;
            store.countBytes(r);
        }
        return n;
    }

    /** Waits before the next attempt: full-jitter exponential backoff, as the SDK's retries. */
    void pause(int attempt) {
        long base = Math.max(1, store.settings().baseDelay().toMillis());
        long cap = Math.min(S3Clients.MAX_DELAY.toMillis(), base << Math.min(attempt, 20));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(cap + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceUnavailableException("interrupted while reading " + uri(), e);
        }
    }

    @Override
    public String toString() {
        return uri();
    }
}
