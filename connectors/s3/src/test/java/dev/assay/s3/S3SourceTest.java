package dev.assay.s3;

import static dev.assay.expectation.Expectations.column;
import static dev.assay.expectation.Expectations.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.engine.Validator;
import dev.assay.error.AssayException;
import dev.assay.error.ErrorCode;
import dev.assay.model.ExpectationSuite;
import dev.assay.result.ValidationResult;
import dev.assay.source.BatchRequest;
import dev.assay.source.DataAsset;
import dev.assay.source.FileDataSource;
import dev.assay.source.FileSource;
import dev.assay.source.FileStore;
import dev.assay.source.FileStores;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class S3SourceTest {
    @RegisterExtension
    static final S3ProxyFixture S3 = new S3ProxyFixture();

    @TempDir
    Path local;

    private String bucket;

    @BeforeEach
    void newBucket() {
        bucket = S3.bucket();
    }

    /** Writes the same file to the bucket and to the local folder. */
    private void both(String path, byte[] bytes) throws IOException {
        S3.put(bucket, path, bytes);
        Path file = local.resolve(path);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }

    private void both(String path, String text) throws IOException {
        both(path, text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static String trips(int from, int rows) {
        StringBuilder csv = new StringBuilder("id,fare,city\n");
        for (int i = from; i < from + rows; i++) {
            csv.append(i)
                    .append(',')
                    .append(i % 17 == 0 ? "-1.5" : (i % 50) + ".25")
                    .append(',');
            csv.append(i % 11 == 0 ? "" : "city" + (i % 5)).append('\n');
        }
        return csv.toString();
    }

    private static final ExpectationSuite SUITE = ExpectationSuite.named("trips")
            .expect(table().rowCountBetween(1, 1_000_000))
            .expect(column("id").unique())
            .expect(column("fare").between(0, 100))
            .expect(column("city").notNull())
            .build();

    private static void assertSameOutcome(ValidationResult remote, ValidationResult local) {
        assertThat(remote.results()).isEqualTo(local.results());
        assertThat(remote.batchName()).isEqualTo(local.batchName());
        assertThat(remote.batchIdentity()).isEqualTo(local.batchIdentity());
        assertThat(remote.run().rowsScanned()).isEqualTo(local.run().rowsScanned());
        assertThat(remote.success()).isEqualTo(local.success());
    }

    @Nested
    class CsvOverS3 {
        @Test
        void hive_partitions_of_plain_csv_validate_as_they_do_locally() throws IOException {
            both("raw/year=2023/part-0.csv", trips(0, 500));
            both("raw/year=2024/part-0.csv", trips(500, 700));
            both("raw/year=2024/part-1.csv", trips(1200, 300));
            both("raw/year=2024/_SUCCESS", "");
            S3Source source = S3.source(bucket);
            DataAsset remote = source.asset("trips", "raw/year={year}/*.csv");
            DataAsset here = FileSource.folder(local).asset("trips", "raw/year={year}/*.csv");

            ValidationResult fromS3 = Validator.create().validate(remote.batch(BatchRequest.of("year", "2024")), SUITE);
            ValidationResult fromDisk = Validator.create().validate(here.batch(BatchRequest.of("year", "2024")), SUITE);

            assertSameOutcome(fromS3, fromDisk);
            assertThat(fromS3.run().rowsScanned()).isEqualTo(1000);
            assertThat(fromS3.success()).isFalse();
            assertThat(remote.availableBatches())
                    .containsExactly(BatchRequest.of("year", "2023"), BatchRequest.of("year", "2024"));
            assertThat(fromS3.batchIdentity().orElseThrow().files())
                    .containsExactly("raw/year=2024/part-0.csv", "raw/year=2024/part-1.csv");
        }

        @Test
        void gzip_csv_under_a_prefix_validates_as_it_does_locally() throws IOException {
            both("lake/trips/year=2024/month=01/a.csv.gz", gzip(trips(0, 2000)));
            both("lake/trips/year=2024/month=02/a.csv.gz", gzip(trips(2000, 100)));
            FileDataSource source = S3.source(bucket).prefix("lake/");
            DataAsset remote = source.asset("trips", "trips/year={year}/month={month}/*.csv.gz");
            DataAsset here =
                    FileSource.folder(local.resolve("lake")).asset("trips", "trips/year={year}/month={month}/*.csv.gz");

            ValidationResult fromS3 = Validator.create().validate(remote.latestBatch(), SUITE);
            ValidationResult fromDisk = Validator.create().validate(here.latestBatch(), SUITE);

            assertSameOutcome(fromS3, fromDisk);
            assertThat(fromS3.batchName()).isEqualTo("trips [year=2024, month=02]");
            assertThat(fromS3.run().rowsScanned()).isEqualTo(100);
        }

        @Test
        void nested_prefixes_and_a_double_star_pattern_find_every_file() throws IOException {
            both("raw/a/b/c/1.csv", trips(0, 10));
            both("raw/a/2.csv", trips(10, 10));
            both("raw/3.csv", trips(20, 10));
            S3Source source = S3.source(bucket).prefix("raw/");

            ValidationResult result =
                    Validator.create().validate(source.asset("all", "**/*.csv").batch(BatchRequest.all()), SUITE);

            assertThat(result.run().rowsScanned()).isEqualTo(30);
            assertThat(result.batchIdentity().orElseThrow().files()).containsExactly("3.csv", "a/2.csv", "a/b/c/1.csv");
        }

        @Test
        void streaming_csv_fetches_each_object_once() throws IOException {
            String csv = trips(0, 40_000);
            both("raw/year=2024/big.csv", csv);
            S3Source source = S3.source(bucket);

            Validator.create()
                    .validate(source.asset("trips", "raw/year={year}/*.csv").latestBatch(), SUITE);

            // Type inference reads the first 10,000 rows again, but never the whole object twice.
            assertThat(source.store().bytesReceived()).isLessThan(csv.length() * 3L / 2);
        }
    }

    @Nested
    class Client {
        @Test
        void the_store_and_its_client_are_shared_by_every_asset() {
            S3Source source = S3.source(bucket);
            S3.put(bucket, "x.csv", "id\n1\n");

            source.asset("a", "*.csv").latestBatch();
            source.asset("b", "*.csv").latestBatch();

            assertThat(source.store()).isSameAs(source.store());
            assertThat(source.store().client()).isSameAs(source.store().client());
            assertThat(source.store().requests()).isEqualTo(2); // one listing per latestBatch
            source.close();
        }

        @Test
        void a_client_given_by_the_caller_is_used_and_left_open() {
            S3.put(bucket, "x.csv", "id\n1\n");
            S3Source source = S3Source.bucket(bucket).client(S3.admin());

            assertThat(source.store().list()).hasSize(1);
            source.close();
            assertThat(S3.admin().listBuckets().buckets()).isNotEmpty();
        }

        @Test
        void bad_settings_are_configuration_errors() {
            assertThatThrownBy(() -> S3Source.bucket("a/b"))
                    .isInstanceOf(AssayException.class)
                    .hasMessage("bucket name 'a/b' is not valid; give the bare name, e.g. 'analytics-lake'");
            assertThatThrownBy(() -> S3Source.bucket("b").endpoint(java.net.URI.create("ftp://x")))
                    .hasMessage("endpoint 'ftp://x' is not an http or https URL with a host, e.g."
                            + " http://127.0.0.1:9000");
            assertThatThrownBy(() -> S3Source.bucket("b").retries(0, java.time.Duration.ZERO))
                    .hasMessage("retries need at least 1 attempt and a delay >= 0, got 0 and PT0S");
        }

        @Test
        void the_endpoint_in_messages_has_no_user_info() {
            S3Source source = S3Source.bucket("b").endpoint(java.net.URI.create("http://user:pw@127.0.0.1:1/?k=v"));

            assertThat(source.store().settings().where()).isEqualTo("http://127.0.0.1:1/");
        }
    }

    @Nested
    class Provider {
        private Map<String, String> options() {
            Map<String, String> o = new LinkedHashMap<>();
            o.put("s3.endpoint", S3.endpoint().toString());
            o.put("s3.path-style", "true");
            o.put("s3.region", "us-east-1");
            o.put("s3.profile", "assay-test");
            o.put("csv.delimiter", ";");
            return o;
        }

        @Test
        void opens_an_s3_uri_with_options() {
            S3.put(bucket, "raw/year=2024/a.csv", "id\n1\n");
            S3.put(bucket, "other/b.csv", "id\n1\n");

            FileStore store = FileStores.open("s3://" + bucket + "/raw/", options());

            assertThat(store).isInstanceOf(S3FileStore.class);
            assertThat(store.root()).isEqualTo("s3://" + bucket + "/raw/");
            assertThat(store.list()).extracting(FileStore.StoredFile::path).containsExactly("year=2024/a.csv");
        }

        @Test
        void a_split_location_reads_as_an_asset() {
            S3.put(bucket, "raw/year=2024/a.csv", "id\n1\n2\n");
            FileStores.Location where = FileStores.split("s3://" + bucket + "/raw/year=2024/*.csv");

            ValidationResult result = Validator.create()
                    .validate(
                            FileSource.at(where.root(), options())
                                    .asset("a", where.pattern())
                                    .latestBatch(),
                            ExpectationSuite.named("s")
                                    .expect(table().rowCountBetween(2, 2))
                                    .build());

            assertThat(result.success()).isTrue();
        }

        @Test
        void the_region_comes_from_the_profile_without_an_endpoint() {
            S3Source source = S3StoreProvider.source("s3://" + bucket, Map.of("s3.profile", "assay-test"));
            String pinned = System.clearProperty("aws.region"); // the SDK's chain puts aws.region first
            try (software.amazon.awssdk.services.s3.S3Client client =
                    S3Clients.build(source.store().settings())) {
                assertThat(source.root()).isEqualTo("s3://" + bucket + "/");
                assertThat(client.serviceClientConfiguration().region().id()).isEqualTo("eu-west-1");
            } finally {
                System.setProperty("aws.region", pinned);
            }
        }

        @Test
        void an_endpoint_without_a_region_falls_back_to_the_configured_or_us_east_1() {
            S3Source source = S3StoreProvider.source("s3://" + bucket, Map.of("s3.endpoint", "http://127.0.0.1:9"));
            String pinned = System.clearProperty("aws.region");
            String profile = System.clearProperty("aws.profile");
            try (software.amazon.awssdk.services.s3.S3Client client =
                    S3Clients.build(source.store().settings())) {
                // The test config has no default profile.
                assertThat(client.serviceClientConfiguration().region().id()).isEqualTo("us-east-1");
            } finally {
                System.setProperty("aws.region", pinned);
                System.setProperty("aws.profile", profile);
            }
        }

        @Test
        void an_unknown_s3_option_is_named_with_the_valid_ones() {
            assertThatThrownBy(() -> FileStores.open("s3://b/", Map.of("s3.endpiont", "http://x")))
                    .isInstanceOf(AssayException.class)
                    .hasMessage("unknown S3 option 's3.endpiont'; valid options: s3.endpoint, s3.path-style,"
                            + " s3.region, s3.profile")
                    .extracting(e -> ((AssayException) e).code())
                    .isEqualTo(ErrorCode.INVALID_CONFIGURATION);
        }

        @Test
        void bad_option_values_are_configuration_errors() {
            assertThatThrownBy(() -> FileStores.open("s3://b/", Map.of("s3.path-style", "yes")))
                    .hasMessage("option s3.path-style must be true or false, got 'yes'");
            assertThatThrownBy(() -> FileStores.open("s3://b/", Map.of("s3.endpoint", "http://a b")))
                    .hasMessage("option s3.endpoint is not a URL: 'http://a b'; write e.g. http://127.0.0.1:9000");
            assertThatThrownBy(() -> FileStores.open("s3://b/", Map.of("s3.endpoint", "localhost:9000")))
                    .isInstanceOf(AssayException.class)
                    .hasMessageStartingWith("endpoint 'localhost:9000' is not an http or https URL");
        }

        @Test
        void malformed_uris_are_configuration_errors() {
            for (String uri : List.of("s3://", "s3:///key", "s3://b?x=1", "s3://bad bucket/")) {
                assertThatThrownBy(() -> FileStores.open(uri, Map.of()))
                        .as(uri)
                        .isInstanceOf(AssayException.class)
                        .hasMessage("'" + uri + "' is not an S3 location; write s3://bucket/ or s3://bucket/prefix/")
                        .extracting(e -> ((AssayException) e).code())
                        .isEqualTo(ErrorCode.INVALID_CONFIGURATION);
            }
        }
    }
}
