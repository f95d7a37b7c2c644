package dev.assay.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.error.AssayException;
import dev.assay.error.MalformedDataException;
import dev.assay.error.SourceUnavailableException;
import dev.assay.source.ByteRange;
import dev.assay.source.FileLocation;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

class S3FailureTest {
    @RegisterExtension
    static final S3ProxyFixture S3 = new S3ProxyFixture();

    private static final String KEY = "data/blob.bin";
    private static final byte[] DATA = bytes(50_000);

    private String bucket;
    private FaultProxy faults;

    @BeforeEach
    void setUp() throws IOException {
        bucket = S3.bucket();
        S3.put(bucket, KEY, DATA);
        faults = new FaultProxy(S3.endpoint());
    }

    @AfterEach
    void tearDown() throws IOException {
        faults.close();
    }

    private static byte[] bytes(int n) {
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            out[i] = (byte) (i * 13 + 1);
        }
        return out;
    }

    private static byte[] array(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }

    private S3FileStore throughFaults() {
        return S3.source(bucket, faults.endpoint()).store();
    }

    /** Every message in the cause chain, where a secret must never appear. */
    private static String messages(Throwable e) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            out.append(t).append('\n');
            for (Throwable s : t.getSuppressed()) {
                out.append(s).append('\n');
            }
        }
        return out.toString();
    }

    @Nested
    class Retries {
        @Test
        void a_throttled_read_is_retried_until_it_succeeds() {
            faults.fail(2, FaultProxy.slowDown());
            S3FileStore store = throughFaults();

            ByteBuffer read = store.file(KEY).read(100, 1000);

            assertThat(array(read)).isEqualTo(Arrays.copyOfRange(DATA, 100, 1100));
            assertThat(faults.requests()).hasSize(3);
            assertThat(store.requests()).isEqualTo(1);
        }

        @Test
        void throttled_listings_and_5xx_are_retried() {
            faults.fail(1, FaultProxy.slowDown())
                    .fail(1, new FaultProxy.Respond(429, "TooManyRequests", "slow down"))
                    .fail(1, new FaultProxy.Respond(500, "InternalError", "oops"));

            assertThat(throughFaults().list()).hasSize(1);
            assertThat(faults.requests()).hasSize(4);
        }

        @Test
        void throttling_that_never_ends_fails_after_the_attempts() {
            faults.fail(10, FaultProxy.slowDown());
            S3FileStore store = throughFaults();

            assertThatThrownBy(() -> store.file(KEY).read(0, 10))
                    .isInstanceOf(SourceUnavailableException.class)
                    .hasMessageStartingWith("cannot read s3://" + bucket + "/" + KEY + " at " + faults.endpoint()
                            + ": 503 SlowDown, request id fault-proxy after 5 attempts");
            assertThat(faults.requests()).hasSize(5);
        }

        @Test
        void a_body_cut_short_is_read_again() {
            faults.fail(1, new FaultProxy.CutBody(300));
            S3FileStore store = throughFaults();

            ByteBuffer read = store.file(KEY).read(0, 20_000);

            assertThat(array(read)).isEqualTo(Arrays.copyOfRange(DATA, 0, 20_000));
            assertThat(faults.requests()).hasSize(2);
            assertThat(store.requests()).isEqualTo(2);
        }

        @Test
        void a_stream_cut_short_resumes_from_the_next_byte() throws IOException {
            faults.fail(1, new FaultProxy.CutBody(7_000));
            S3FileStore store = throughFaults();

            try (InputStream in = store.file(KEY).open(1_000)) {
                assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(DATA, 1_000, DATA.length));
            }
            assertThat(faults.requests()).hasSize(2);
            assertThat(store.bytesReceived()).isEqualTo(DATA.length - 1_000);
        }

        @Test
        void a_stream_never_splices_in_a_replaced_object() throws IOException {
            faults.fail(1, new FaultProxy.CutBody(1_000));
            FileLocation file = throughFaults().file(KEY);

            try (InputStream in = file.open(0)) {
                assertThat(in.readNBytes(500)).isEqualTo(Arrays.copyOfRange(DATA, 0, 500));
                S3.put(bucket, KEY, bytes(60_000 + 1));
                assertThatThrownBy(in::readAllBytes)
                        .isInstanceOf(SourceUnavailableException.class)
                        .hasMessageStartingWith("s3://" + bucket + "/" + KEY + " changed while it was read (its ETag"
                                + " is no longer ");
            }
        }

        @Test
        void coalesced_reads_survive_throttling() {
            faults.fail(3, FaultProxy.slowDown());
            FileLocation file = throughFaults().file(KEY);
            List<ByteRange> ranges =
                    List.of(new ByteRange(0, 10), new ByteRange(20_000, 10), new ByteRange(40_000, 10));

            List<ByteBuffer> read = file.readRanges(ranges, 0);

            assertThat(array(read.get(2))).isEqualTo(Arrays.copyOfRange(DATA, 40_000, 40_010));
        }
    }

    @Nested
    class ShortReads {
        @Test
        void a_body_always_cut_short_is_malformed_data_with_the_counts() {
            faults.fail(5, new FaultProxy.CutBody(100));
            FileLocation file = throughFaults().file(KEY);

            assertThatThrownBy(() -> file.read(0, 1_000))
                    .isInstanceOf(MalformedDataException.class)
                    .hasMessageStartingWith("s3://" + bucket + "/" + KEY
                            + ": expected 1000 bytes at offset 0 but received 100 before the response broke off, in"
                            + " each of 5 attempts (a truncated body");
        }

        @Test
        void a_stream_always_cut_short_is_malformed_data_with_the_counts() {
            faults.fail(5, new FaultProxy.CutBody(100));
            FileLocation file = throughFaults().file(KEY);

            assertThatThrownBy(() -> {
                        try (InputStream in = file.open(0)) {
                            in.readAllBytes();
                        }
                    })
                    .isInstanceOf(MalformedDataException.class)
                    .hasMessageStartingWith("s3://" + bucket + "/" + KEY
                            + ": the body broke off at byte 500 of 50000 expected in each of 5 attempts");
        }
    }

    @Nested
    class Access {
        @Test
        void denied_access_names_the_object_and_the_permission() {
            faults.fail(1, new FaultProxy.Respond(403, "AccessDenied", "Access Denied"));
            FileLocation file = throughFaults().file(KEY);

            assertThatThrownBy(() -> file.read(0, 10))
                    .isInstanceOf(SourceUnavailableException.class)
                    .hasMessage("access denied to s3://" + bucket + "/" + KEY
                            + " (403 AccessDenied, request id fault-proxy) with the credentials from the credentials"
                            + " provider given to S3Source.credentials(...); they need s3:GetObject on s3://" + bucket
                            + "/" + KEY);
        }

        @Test
        void denied_listing_names_the_bucket_permission() {
            faults.fail(1, new FaultProxy.Respond(403, "AccessDenied", "Access Denied"));

            assertThatThrownBy(() -> throughFaults().list())
                    .isInstanceOf(SourceUnavailableException.class)
                    .hasMessageEndingWith("they need s3:ListBucket on bucket '" + bucket + "'");
        }

        @Test
        void a_wrong_secret_is_rejected_without_showing_it() {
            String secret = "wrong-secret-2b8e61f0";
            S3FileStore store = S3.source(bucket)
                    .credentials(StaticCredentialsProvider.create(
                            AwsBasicCredentials.create(S3ProxyFixture.ACCESS_KEY, secret)))
                    .store();

            AssayException e = (AssayException) org.assertj.core.api.Assertions.catchThrowable(store::list);

            assertThat(e)
                    .isInstanceOf(SourceUnavailableException.class)
                    .hasMessageStartingWith("the credentials from the credentials provider given to"
                            + " S3Source.credentials(...) were rejected by " + S3.endpoint() + " (403"
                            + " SignatureDoesNotMatch");
            assertThat(messages(e)).doesNotContain(secret).doesNotContain(S3ProxyFixture.SECRET_KEY);
        }

        @Test
        void an_unknown_access_key_is_rejected() {
            S3FileStore store = S3.source(bucket)
                    .credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("nobody", "nothing")))
                    .store();

            assertThatThrownBy(() -> store.file(KEY).read(0, 1))
                    .isInstanceOf(SourceUnavailableException.class)
                    .hasMessageStartingWith("the credentials from the credentials provider given to"
                            + " S3Source.credentials(...) were rejected by " + S3.endpoint() + " (403")
                    .hasMessageContaining("check the access key id and the secret key");
        }

        @Test
        void credentials_of_a_profile_are_used_and_a_rejected_profile_is_named() {
            S3Source base = S3Source.bucket(bucket)
                    .endpoint(S3.endpoint())
                    .pathStyle(true)
                    .retries(2, Duration.ofMillis(1));

            assertThat(base.profile("assay-test").store().list()).hasSize(1);
            Throwable e = org.assertj.core.api.Assertions.catchThrowable(
                    () -> base.profile("assay-wrong-secret").store().list());
            assertThat(e)
                    .isInstanceOf(SourceUnavailableException.class)
                    .hasMessageStartingWith(
                            "the credentials from profile 'assay-wrong-secret' were rejected by " + S3.endpoint());
            assertThat(messages(e)).doesNotContain("wrong-secret-7d3a9c51e8");
        }

        @Test
        void missing_credentials_say_how_to_provide_them() {
            S3FileStore store = S3Source.bucket(bucket)
                    .endpoint(S3.endpoint())
                    .pathStyle(true)
                    .profile("nobody")
                    .store();

            assertThatThrownBy(store::list)
                    .isInstanceOf(SourceUnavailableException.class)
                    .hasMessage("no AWS credentials found in profile 'nobody' to list s3://" + bucket + "/; provide"
                            + " them with the environment variables AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, a"
                            + " profile in ~/.aws/credentials (S3Source.profile(...), the option s3.profile or"
                            + " --profile), or an instance or container role");
        }

        @Test
        void an_unreachable_endpoint_is_named() throws IOException {
            int port;
            try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = free.getLocalPort();
            }
            URI nowhere = URI.create("http://127.0.0.1:" + port);
            S3FileStore store =
                    S3.source(bucket, nowhere).retries(2, Duration.ofMillis(1)).store();

            assertThatThrownBy(store::list)
                    .isInstanceOf(SourceUnavailableException.class)
                    .hasMessageStartingWith("cannot reach " + nowhere + " to list s3://" + bucket
                            + "/ after 2 attempts: connection refused");
        }
    }
}
