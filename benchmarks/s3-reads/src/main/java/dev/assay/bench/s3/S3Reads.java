package dev.assay.bench.s3;

import dev.assay.engine.Validator;
import dev.assay.result.ValidationResult;
import dev.assay.s3.S3FileStore;
import dev.assay.s3.S3Source;
import dev.assay.source.Batch;
import dev.assay.source.BatchRequest;
import dev.assay.suite.SuiteFiles;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Uploads a Parquet file to an in-process s3proxy on 127.0.0.1 and validates suites over it through
 * assay-s3, reporting for each the bytes the S3 client received (object bytes), the requests made and
 * the wall time of the validation. Usage: S3Reads FILE.parquet SUITE.json...
 */
public final class S3Reads {
    private static final String KEY = "bench";
    private static final String SECRET = "bench-secret";

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        long size = Files.size(file);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(new TransientNio2BlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, KEY, SECRET)
                .build();
        proxy.start();
        while (!proxy.getState().equals("STARTED")) {
            Thread.sleep(5);
        }
        URI endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
        StaticCredentialsProvider credentials =
                StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY, SECRET));
        try (S3Client admin = S3Client.builder()
                .endpointOverride(endpoint)
                .forcePathStyle(true)
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            admin.createBucket(b -> b.bucket("lake"));
            admin.putObject(b -> b.bucket("lake").key("raw/trips/" + file.getFileName()), RequestBody.fromFile(file));
        }
        System.out.printf("object: s3://lake/raw/trips/%s, %,d bytes, via s3proxy at %s%n", file.getFileName(), size,
                endpoint);
        try (S3Source lake = S3Source.bucket("lake")
                .endpoint(endpoint)
                .pathStyle(true)
                .region("us-east-1")
                .credentials(credentials)) {
            for (int i = 1; i < args.length; i++) {
                for (int run = 1; run <= 2; run++) {
                    S3FileStore store = lake.store();
                    store.resetCounters();
                    long start = System.nanoTime();
                    Batch batch = lake.asset("trips", "raw/trips/*.parquet").batch(BatchRequest.all());
                    ValidationResult result =
                            Validator.create().validate(batch, SuiteFiles.read(Path.of(args[i])));
                    double secs = (System.nanoTime() - start) / 1e9;
                    System.out.printf(
                            "%s (run %d): %,d bytes received = %.1f%% of the object, %d requests, %.2f s, scans %d,"
                                    + " success %s, %d of %d expectations from statistics%n",
                            Path.of(args[i]).getFileName(), run, store.bytesReceived(),
                            100.0 * store.bytesReceived() / size, store.requests(), secs, result.run().scans(),
                            result.success(), result.run().metricsSources().size(), result.results().size());
                }
            }
        } finally {
            proxy.stop();
        }
    }
}
