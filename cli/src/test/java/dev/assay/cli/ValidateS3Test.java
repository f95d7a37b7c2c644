package dev.assay.cli;

import static dev.assay.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.cli.CliRun.Result;
import dev.assay.parquet.ParquetFiles;
import dev.assay.s3.S3ProxyFixture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code assay validate} on s3:// data in an in-process s3proxy, with the credentials of profile
 * {@code assay-test} in the test AWS files surefire points the SDK at (never this machine's ~/.aws).
 */
class ValidateS3Test {
    @RegisterExtension
    static final S3ProxyFixture S3 = new S3ProxyFixture();

    private static final String WRONG_SECRET = "wrong-secret-7d3a9c51e8"; // profile assay-wrong-secret

    @TempDir
    Path dir;

    private String bucket;

    @BeforeEach
    void newBucket() {
        bucket = S3.bucket();
    }

    private Result validate(String suite, String data, String profile) throws IOException {
        Path suiteFile = dir.resolve("suite.json");
        Files.writeString(suiteFile, suite);
        return run(
                "validate",
                "--suite",
                suiteFile.toString(),
                "--data",
                data,
                "--s3-endpoint",
                S3.endpoint().toString(),
                "--s3-path-style",
                "--region",
                "us-east-1",
                "--profile",
                profile,
                "--ascii");
    }

    private static String suite(String name, String... expectations) {
        return "{\"name\": \"" + name + "\", \"expectations\": [" + String.join(", ", expectations) + "]}";
    }

    private static String expect(String type, String kwargs) {
        return "{\"type\": \"" + type + "\", \"kwargs\": {" + kwargs + "}}";
    }

    private static final String PASSING = suite(
            "trips",
            expect("expect_table_row_count_to_equal", "\"value\": 1000"),
            expect("expect_column_values_to_be_in_set", "\"column\": \"payment\", \"value_set\": [\"card\", \"cash\"]"),
            expect("expect_column_mean_to_be_between", "\"column\": \"fare\", \"min_value\": 10, \"max_value\": 20"));

    private static final String FAILING = suite(
            "strict",
            expect("expect_column_values_to_be_in_set", "\"column\": \"payment\", \"value_set\": [\"card\"]"));

    /** 1000 trips: id 1..1000, payment card or cash, fare 10.00 .. 19.99. */
    private void putParquet(String key) throws IOException {
        ParquetFiles writer = ParquetFiles.schema(
                        "message trips { required int64 id; required binary payment (STRING); required double fare; }")
                .codec(CompressionCodecName.SNAPPY)
                .rowGroupRows(400);
        List<Group> rows = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            rows.add(writer.row()
                    .append("id", (long) i + 1)
                    .append("payment", i % 3 == 0 ? "cash" : "card")
                    .append("fare", 10 + i / 100.0));
        }
        S3.put(bucket, key, Files.readAllBytes(writer.write(dir.resolve("trips.parquet"), rows)));
    }

    private void putGzipCsv(String key) throws IOException {
        StringBuilder csv = new StringBuilder("id,payment,fare\n");
        for (int i = 0; i < 1000; i++) {
            csv.append(i + 1)
                    .append(',')
                    .append(i % 3 == 0 ? "cash" : "card")
                    .append(',')
                    .append(10 + i / 100.0)
                    .append('\n');
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(csv.toString().getBytes(StandardCharsets.UTF_8));
        }
        S3.put(bucket, key, bytes.toByteArray());
    }

    @Test
    void parquet_under_a_prefix_passes() throws IOException {
        putParquet("raw/trips.parquet");

        Result r = validate(PASSING, "s3://" + bucket + "/raw/", "assay-test");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("Suite trips on raw: PASSED");
    }

    @Test
    void gzip_csv_under_a_prefix_passes() throws IOException {
        putGzipCsv("raw/trips.csv.gz");

        Result r = validate(PASSING, "s3://" + bucket + "/raw/", "assay-test");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("Suite trips on raw: PASSED");
    }

    @Test
    void a_failing_suite_exits_one() throws IOException {
        putParquet("raw/trips.parquet");

        Result r = validate(FAILING, "s3://" + bucket + "/raw/", "assay-test");

        assertThat(r.code()).as(r.err()).isEqualTo(1);
        assertThat(r.out()).startsWith("Suite strict on raw: FAILED");
    }

    @Test
    void a_missing_bucket_exits_two_naming_it() throws IOException {
        Result r = validate(PASSING, "s3://no-such-bucket/raw/", "assay-test");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err())
                .matches(java.util.regex.Pattern.quote("assay: bucket 'no-such-bucket' does not exist at "
                                + S3.endpoint() + " (404 NoSuchBucket, request id ")
                        + "[0-9A-F]+\\)" + System.lineSeparator());
    }

    @Test
    void wrong_credentials_exit_two_without_the_secret() throws IOException {
        putParquet("raw/trips.parquet");

        Result r = validate(PASSING, "s3://" + bucket + "/raw/", "assay-wrong-secret");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err())
                .startsWith(
                        "assay: the credentials from profile 'assay-wrong-secret' were rejected by " + S3.endpoint());
        assertThat(r.out() + r.err()).doesNotContain(WRONG_SECRET).doesNotContain(S3ProxyFixture.SECRET_KEY);
    }
}
