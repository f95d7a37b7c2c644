package dev.assay.s3;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * An in-memory s3proxy on 127.0.0.1, started once per test class, checking AWS v2/v4 signatures against
 * one test identity, so wrong credentials are refused as S3 would refuse them. Public in this module's test-jar for
 * the CLI's tests; its keys match the {@code assay-test} profile of {@code src/test/resources/aws/credentials}.
 */
public final class S3ProxyFixture implements BeforeAllCallback, AfterAllCallback {
    public static final String ACCESS_KEY = "assay-test-access-key";
    public static final String SECRET_KEY = "assay-test-secret-4f1c2e9b";
    public static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));

    private static final AtomicInteger BUCKETS = new AtomicInteger();

    private S3Proxy proxy;
    private URI endpoint;
    private S3Client admin;
    private long startupMillis;
    private String startedBy;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (proxy != null) {
            return; // a @Nested class of the class that started it
        }
        startedBy = context.getUniqueId();
        long start = System.nanoTime();
        proxy = S3Proxy.builder()
                .blobStore(new TransientNio2BlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        proxy.start();
        while (!proxy.getState().equals("STARTED")) {
            Thread.sleep(5);
        }
        startupMillis = (System.nanoTime() - start) / 1_000_000;
        endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
        admin = S3Client.builder()
                .endpointOverride(endpoint)
                .forcePathStyle(true)
                .region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS)
                .httpClient(UrlConnectionHttpClient.create())
                // HttpURLConnection and Jetty sometimes part ways over "Expect: 100-continue" on uploads
                // ("Error writing request body to server"); the fixture's uploads do without it.
                .overrideConfiguration(c -> c.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public SdkHttpRequest modifyHttpRequest(
                            Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
                        return context.httpRequest().toBuilder()
                                .removeHeader("Expect")
                                .build();
                    }
                }))
                .build();
        System.out.println("s3proxy started in " + startupMillis + " ms at " + endpoint);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (!context.getUniqueId().equals(startedBy)) {
            return;
        }
        if (admin != null) {
            admin.close();
        }
        if (proxy != null) {
            proxy.stop();
        }
        proxy = null;
        admin = null;
    }

    public URI endpoint() {
        return endpoint;
    }

    public long startupMillis() {
        return startupMillis;
    }

    public S3Client admin() {
        return admin;
    }

    /** A new, empty bucket. */
    public String bucket() {
        String name = "bucket-" + BUCKETS.incrementAndGet();
        admin.createBucket(b -> b.bucket(name));
        return name;
    }

    public void put(String bucket, String key, byte[] bytes) {
        admin.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(bytes));
    }

    public void put(String bucket, String key, String text) {
        put(bucket, key, text.getBytes(StandardCharsets.UTF_8));
    }

    public void delete(String bucket, String key) {
        admin.deleteObject(b -> b.bucket(bucket).key(key));
    }

    /** A source for {@code bucket} with the test credentials and quick retries. */
    public S3Source source(String bucket) {
        return source(bucket, endpoint);
    }

    /** A source for {@code bucket} reached through {@code via} (a fault-injecting proxy). */
    public S3Source source(String bucket, URI via) {
        return S3Source.bucket(bucket)
                .endpoint(via)
                .pathStyle(true)
                .region("us-east-1")
                .credentials(CREDENTIALS)
                .retries(5, Duration.ofMillis(2));
    }
}
