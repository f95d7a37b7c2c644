package dev.assay.s3;

import dev.assay.error.MalformedDataException;
import dev.assay.error.SourceUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * The bytes of an object from a position on, streamed from one GET. When the body breaks off (a reset
 * connection, a response shorter than its {@code Content-Length}), the stream asks again from the next
 * byte it has not handed out, with {@code If-Match} on the first response's ETag so that a changed object
 * is never spliced; it gives up after the store's number of attempts without 1 MiB of progress between
 * breaks. Failures are unchecked Assay
 * exceptions, as {@link dev.assay.source.FileLocation} promises. Not thread-safe, as streams are not.
 */
final class S3ObjectStream extends InputStream {
    private static final Logger LOG = LoggerFactory.getLogger(S3ObjectStream.class);

    /** Bytes read without a break after which earlier breaks are forgiven: a long stream may break now and then. */
    static final long FORGIVE_AFTER = 1 << 20;

    private final S3File file;
    private long position;
    private long end = -1; // the offset after the last byte, once a response said
    private String etag;
    private ResponseInputStream<GetObjectResponse> body;
    private int failures;
    private long lastBreak;
    private boolean eof;
    private boolean closed;

    S3ObjectStream(S3File file, long position) {
        this.file = file;
        this.position = position;
        this.lastBreak = position;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (closed) {
            throw new IOException("stream of " + file.uri() + " is closed");
        }
        if (length == 0) {
            return 0;
        }
        while (!eof) {
            if (body == null && !connect()) {
                eof = true;
                break;
            }
            IOException broken;
            try {
                int n = body.read(buffer, offset, length);
                if (n > 0) {
                    position += n;
                    file.store().countBytes(n);
                    return n;
                }
                if (n < 0 && (end < 0 || position >= end)) {
                    eof = true;
                    release(false);
                    break;
                }
                broken = new IOException("the response ended at byte " + position + " of " + end);
            } catch (IOException e) {
                broken = e;
            } catch (SdkClientException e) {
                if (!(e.getCause() instanceof IOException io)) {
                    throw S3Errors.translate(e, file.store().settings(), file.key(), "read");
                }
                broken = io;
            }
            release(true);
            if (position - lastBreak >= FORGIVE_AFTER) {
                failures = 0;
            }
            lastBreak = position;
            failures++;
            if (failures >= file.store().settings().attempts()) {
                throw new MalformedDataException(
                        file.uri() + ": the body broke off at byte " + position
                                + (end >= 0 ? " of " + end + " expected" : "") + " in each of " + failures
                                + " attempts (a truncated body: " + S3Errors.describe(broken) + ")",
                        broken);
            }
            LOG.debug(
                    "stream of {} broke off at byte {}, resuming ({} of {}): {}",
                    file.uri(),
                    position,
                    failures,
                    file.store().settings().attempts(),
                    broken.toString());
            file.pause(failures);
        }
        return -1;
    }

    /** Opens a GET from {@link #position}; false when the position is already the end of the object. */
    private boolean connect() {
        if (end >= 0 && position >= end) {
            return false;
        }
        try {
            body = file.get(position == 0 ? null : "bytes=" + position + "-", etag);
        } catch (AwsServiceException e) {
            if (e.statusCode() == 416) {
                long length = file.length();
                if (position == length) {
                    return false;
                }
                throw file.shortObject(position, 1, Math.max(0, length - position));
            }
            if (e.statusCode() == 412) {
                throw new SourceUnavailableException(
                        file.uri() + " changed while it was read (its ETag is no longer " + etag + "); read it again",
                        e);
            }
            throw S3Errors.translate(e, file.store().settings(), file.key(), "read");
        } catch (RuntimeException e) {
            throw S3Errors.translate(e, file.store().settings(), file.key(), "read");
        }
        GetObjectResponse response = body.response();
        if (etag == null) {
            etag = response.eTag();
        }
        if (response.contentLength() != null) {
            end = position + response.contentLength();
        }
        return true;
    }

    private void release(boolean abort) {
        if (body == null) {
            return;
        }
        if (abort) {
            // Do not drain what is left of a broken or unwanted body to keep the connection.
            body.abort();
        }
        try {
            body.close();
        } catch (IOException e) {
            // The body is done with either way; a failed close loses nothing already handed out.
        }
        body = null;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            release(!eof);
        }
    }
}
