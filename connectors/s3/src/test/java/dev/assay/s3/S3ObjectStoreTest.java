package dev.assay.s3;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.error.AssayException;
import dev.assay.error.StoreUnavailableException;
import dev.assay.result.ValidationResult;
import dev.assay.store.ResultKey;
import dev.assay.store.ResultStore;
import dev.assay.store.Store;
import dev.assay.store.StoreChild;
import dev.assay.store.StoreContract;
import dev.assay.store.Stores;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

class S3ObjectStoreTest extends StoreContract {
    @RegisterExtension
    static final S3ProxyFixture S3 = new S3ProxyFixture();

    private final List<AutoCloseable> open = new ArrayList<>();
    private String bucket;

    @Override
    protected Store newStore() {
        bucket = S3.bucket();
        // Pages of 100 keys, so the contract's listing of 250 keys takes three.
        return opened(S3ObjectStore.of(S3.source(bucket).prefix("assay/").listPageSize(100)));
    }

    private <T extends AutoCloseable> T opened(T closeable) {
        open.add(closeable);
        return closeable;
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private ResponseBytes<GetObjectResponse> raw(String key) {
        return S3.admin().getObjectAsBytes(b -> b.bucket(bucket).key(key));
    }

    @Test
    void keeps_objects_under_the_prefix_with_a_content_type_by_extension() {
        store().write("validations/s/a/b/20240131T060000.000000Z-abc.json", "{}".getBytes(UTF_8));
        store().write("docs/index.html", "<html></html>".getBytes(UTF_8));

        assertThat(store().root()).isEqualTo("s3://" + bucket + "/assay/");
        ResponseBytes<GetObjectResponse> json = raw("assay/validations/s/a/b/20240131T060000.000000Z-abc.json");
        assertThat(json.asUtf8String()).isEqualTo("{}");
        assertThat(json.response().contentType()).isEqualTo("application/json");
        // s3proxy drops the space before the parameter
        assertThat(raw("assay/docs/index.html").response().contentType().replace(" ", ""))
                .isEqualTo("text/html;charset=utf-8");
    }

    @Test
    void lists_only_valid_keys_under_its_prefix() {
        store().write("a/k", "1".getBytes(UTF_8));
        S3.put(bucket, "outside/k", "no");
        S3.put(bucket, "assayed/k", "no");
        S3.put(bucket, "assay/folder/", "");
        S3.put(bucket, "assay/x/.tmp-reserved", "no");

        assertThat(store().list("")).containsExactly("a/k");
    }

    @Test
    void create_is_a_conditional_put_that_s3proxy_refuses_with_412_when_the_key_exists() {
        store().write("k", "there".getBytes(UTF_8));

        // The raw request, as the store sends it: s3proxy 4.1.0 honours If-None-Match on PUT.
        assertThatThrownBy(() -> S3.admin()
                        .putObject(
                                b -> b.bucket(bucket).key("assay/k").ifNoneMatch("*"),
                                software.amazon.awssdk.core.sync.RequestBody.fromString("other")))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(412);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("PreconditionFailed");
                });
        assertThat(raw("assay/k").asUtf8String()).isEqualTo("there");
    }

    @Test
    void many_threads_saving_the_same_results_at_once_keep_every_one() throws Exception {
        ResultStore results = new ResultStore(store());
        ValidationResult result = StoreChild.result();
        int threads = 6;
        int perThread = 40;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        results.save(result, Map.of("thread", thread));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        List<ResultKey> keys = results.list();
        assertThat(keys).hasSize(threads * perThread);
        Set<String> runIds = new HashSet<>();
        ObjectMapper json = new ObjectMapper();
        for (ResultKey key : keys) {
            assertThat(key.runTime()).isEqualTo(StoreChild.STARTED_AT);
            JsonNode meta = json.readTree(results.read(key).orElseThrow()).get("meta");
            assertThat(meta.get("run_id").asText()).isEqualTo(key.runId());
            runIds.add(key.runId());
        }
        assertThat(runIds).hasSize(threads * perThread);
    }

    @Nested
    class OpenedByLocation {
        @Test
        void a_location_with_options_opens_an_s3_store() {
            Store store = Stores.open(
                    "s3://" + bucket + "/team/results/",
                    Path.of("."),
                    Map.of(
                            "s3.endpoint", S3.endpoint().toString(),
                            "s3.path-style", "true",
                            "s3.profile", "assay-test",
                            "other.key", "ignored"));
            try {
                assertThat(store).isInstanceOf(S3ObjectStore.class);
                assertThat(store.root()).isEqualTo("s3://" + bucket + "/team/results/");
                assertThat(store.create("k.json", "{}".getBytes(UTF_8))).isTrue();
                assertThat(raw("team/results/k.json").asUtf8String()).isEqualTo("{}");
            } finally {
                ((S3ObjectStore) store).close();
            }
        }

        @Test
        void an_unknown_s3_option_is_named() {
            assertThatThrownBy(() -> Stores.open("s3://" + bucket + "/", Path.of("."), Map.of("s3.endpiont", "x")))
                    .isInstanceOf(AssayException.class)
                    .hasMessage("unknown S3 option 's3.endpiont'; valid options: s3.endpoint, s3.path-style,"
                            + " s3.region, s3.profile");
        }

        @Test
        void a_malformed_location_is_named() {
            assertThatThrownBy(() -> Stores.open("s3:///no-bucket", Path.of("."), Map.of()))
                    .isInstanceOf(AssayException.class)
                    .hasMessage("'s3:///no-bucket' is not an S3 location; write s3://bucket/ or s3://bucket/prefix/");
        }
    }

    @Nested
    class Failures {
        private FaultProxy faults;

        private S3ObjectStore through() throws IOException {
            faults = opened(new FaultProxy(S3.endpoint()));
            return opened(S3ObjectStore.of(S3.source(bucket, faults.endpoint()).prefix("assay/")));
        }

        @Test
        void a_create_whose_answer_was_lost_is_retried_and_reports_its_own_object() throws IOException {
            S3ObjectStore store = through();
            faults.fail(1, new FaultProxy.DropResponse());

            assertThat(store.create("k", "mine".getBytes(UTF_8))).isTrue();

            assertThat(faults.requests()).hasSize(3); // the lost PUT, the retry refused with 412, the GET
            assertThat(raw("assay/k").asUtf8String()).isEqualTo("mine");
        }

        @Test
        void a_create_whose_answer_was_lost_but_found_another_object_reports_false() throws IOException {
            store().write("k", "theirs".getBytes(UTF_8));
            S3ObjectStore store = through();
            faults.fail(1, new FaultProxy.DropResponse());

            assertThat(store.create("k", "mine".getBytes(UTF_8))).isFalse();
            assertThat(raw("assay/k").asUtf8String()).isEqualTo("theirs");
        }

        @Test
        void a_create_meeting_a_conflicting_conditional_write_or_throttling_is_retried() throws IOException {
            S3ObjectStore store = through();
            faults.fail(1, new FaultProxy.Respond(409, "ConditionalRequestConflict", "try again"))
                    .fail(1, FaultProxy.slowDown());

            assertThat(store.create("k", "mine".getBytes(UTF_8))).isTrue();
            assertThat(faults.requests()).hasSize(3);
        }

        @Test
        void a_create_that_keeps_failing_names_the_key_code_and_attempts() throws IOException {
            S3ObjectStore store = through();
            faults.fail(5, new FaultProxy.Respond(500, "InternalError", "oops"));

            assertThatThrownBy(() -> store.create("k", "mine".getBytes(UTF_8)))
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasMessage("cannot create s3://" + bucket + "/assay/k at " + faults.endpoint()
                            + ": 500 InternalError, request id fault-proxy after 5 attempts");
        }

        @Test
        void a_denied_write_names_the_key_and_the_permission_it_needs() throws IOException {
            S3ObjectStore store = through();
            faults.fail(5, new FaultProxy.Respond(403, "AccessDenied", "Access Denied"));

            assertThatThrownBy(() -> store.write("r/k.json", "x".getBytes(UTF_8)))
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasMessage("access denied to write s3://" + bucket + "/assay/r/k.json (403 AccessDenied,"
                            + " request id fault-proxy) with the credentials from the credentials provider given"
                            + " to S3Source.credentials(...); they need s3:PutObject on arn:aws:s3:::" + bucket
                            + "/assay/r/k.json");
            assertThatThrownBy(() -> store.list("r/"))
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasMessageStartingWith("access denied to list keys starting with s3://" + bucket + "/assay/r/"
                            + " (403 AccessDenied")
                    .hasMessageEndingWith("they need s3:ListBucket on bucket '" + bucket + "'");
        }

        @Test
        void a_missing_bucket_is_named() {
            Store store = opened(S3ObjectStore.of(S3.source("no-such-bucket")));

            assertThatThrownBy(() -> store.write("k", "x".getBytes(UTF_8)))
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasMessageStartingWith("cannot write s3://no-such-bucket/k: bucket 'no-such-bucket' does not"
                            + " exist at " + S3.endpoint() + " (404 NoSuchBucket");
            assertThatThrownBy(() -> store.read("k"))
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasMessageStartingWith("cannot read s3://no-such-bucket/k: bucket 'no-such-bucket' does not");
        }

        @Test
        void a_missing_bucket_is_named_even_when_the_server_hangs_up_before_the_upload_ends() {
            // s3proxy answers 404 and closes the connection without reading a large body: the client sees
            // a broken upload, and the store asks the bucket what is wrong.
            Store store = opened(S3ObjectStore.of(S3.source("no-such-bucket")));
            byte[] large = new byte[16 * 1024 * 1024];

            assertThatThrownBy(() -> store.write("big", large))
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasMessageStartingWith("cannot write s3://no-such-bucket/big: bucket 'no-such-bucket' does not"
                            + " exist at " + S3.endpoint());
            assertThatThrownBy(() -> store.create("big", large))
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasMessageStartingWith("cannot create s3://no-such-bucket/big: bucket 'no-such-bucket' does not"
                            + " exist at " + S3.endpoint());
        }

        @Test
        void rejected_credentials_are_told_apart_from_denied_access() {
            Store store = opened(S3ObjectStore.of(S3.source(bucket)
                    .credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("wrong", "key")))));

            assertThatThrownBy(() -> store.read("k"))
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasMessageStartingWith("cannot read s3://" + bucket + "/k: the credentials from the credentials"
                            + " provider given to S3Source.credentials(...) were rejected by " + S3.endpoint()
                            + " (403 InvalidAccessKeyId");
        }

        @Test
        void an_unreachable_endpoint_is_named() {
            Store store = opened(S3ObjectStore.of(S3Source.bucket(bucket)
                    .endpoint(URI.create("http://127.0.0.1:9"))
                    .pathStyle(true)
                    .region("us-east-1")
                    .credentials(S3ProxyFixture.CREDENTIALS)
                    .retries(2, Duration.ofMillis(1))));

            assertThatThrownBy(() -> store.create("k", "x".getBytes(UTF_8)))
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasMessageStartingWith("cannot reach http://127.0.0.1:9 to create s3://" + bucket
                            + "/k after 2 attempts: connection refused");
        }
    }
}
