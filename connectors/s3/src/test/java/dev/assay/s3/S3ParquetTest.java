package dev.assay.s3;

import static dev.assay.expectation.Expectations.column;
import static dev.assay.expectation.Expectations.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.engine.Validator;
import dev.assay.error.MalformedDataException;
import dev.assay.error.SourceUnavailableException;
import dev.assay.model.ExpectationSuite;
import dev.assay.parquet.ParquetFiles;
import dev.assay.result.ValidationResult;
import dev.assay.source.Batch;
import dev.assay.source.BatchRequest;
import dev.assay.source.DataAsset;
import dev.assay.source.FileSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parquet objects validated over S3 as they are locally, reading only what the suite needs: the column chunks of
 * the suite's columns, or only the footer when its statistics settle the suite.
 */
class S3ParquetTest {
    @RegisterExtension
    static final S3ProxyFixture S3 = new S3ProxyFixture();

    private static final String KEY = "raw/trips.parquet";
    private static final int ROWS = 300_000;

    @TempDir
    static Path files;

    private static Path tripsFile;
    private static byte[] trips;

    private String bucket;
    private FaultProxy faults;

    /** A trips table of 13 columns, 300,000 rows in 6 snappy row groups, written once for every test. */
    @BeforeAll
    static void writeTrips() throws IOException {
        ParquetFiles writer = ParquetFiles.schema("message trips {"
                        + " required int64 trip_id;"
                        + " required int32 vendor_id;"
                        + " required int64 pickup_at (TIMESTAMP(MICROS,true));"
                        + " required int64 dropoff_at (TIMESTAMP(MICROS,true));"
                        + " required int32 passenger_count;"
                        + " required double trip_distance;"
                        + " required int32 pickup_location;"
                        + " required int32 dropoff_location;"
                        + " required binary store_and_fwd_flag (STRING);"
                        + " required binary payment_type (STRING);"
                        + " required double fare_amount;"
                        + " optional double tip_amount;"
                        + " required double total_amount; }")
                .codec(CompressionCodecName.SNAPPY)
                .rowGroupRows(50_000);
        Random random = new Random(42);
        String[] payments = {"card", "cash", "no_charge", "dispute"};
        List<Group> rows = new ArrayList<>(ROWS);
        long start = 1_704_067_200_000_000L; // 2024-01-01T00:00:00Z in microseconds
        for (int i = 0; i < ROWS; i++) {
            long pickup = start + i * 9_000_000L + random.nextInt(9_000_000);
            double fare = Math.round((2.5 + random.nextDouble() * 80) * 100) / 100.0;
            Group row = writer.row()
                    .append("trip_id", (long) i + 1)
                    .append("vendor_id", 1 + random.nextInt(3))
                    .append("pickup_at", pickup)
                    .append("dropoff_at", pickup + 60_000_000L + random.nextInt(3_600_000) * 1_000L)
                    .append("passenger_count", random.nextInt(7))
                    .append("trip_distance", random.nextDouble() * 30)
                    .append("pickup_location", 1 + random.nextInt(265))
                    .append("dropoff_location", 1 + random.nextInt(265))
                    .append("store_and_fwd_flag", random.nextInt(50) == 0 ? "Y" : "N")
                    .append("payment_type", i % 10_007 == 0 ? "voided" : payments[random.nextInt(payments.length)])
                    .append("fare_amount", fare);
            double tip = 0;
            if (i % 13 != 0) {
                tip = random.nextDouble() * 15;
                row.append("tip_amount", tip);
            }
            rows.add(row.append("total_amount", fare + tip + random.nextDouble()));
        }
        tripsFile = writer.write(Files.createDirectories(files.resolve("raw")).resolve("trips.parquet"), rows);
        trips = Files.readAllBytes(tripsFile);
    }

    @BeforeEach
    void setUp() throws IOException {
        bucket = S3.bucket();
        S3.put(bucket, KEY, trips);
        faults = new FaultProxy(S3.endpoint());
    }

    @AfterEach
    void tearDown() throws IOException {
        faults.close();
    }

    private String uri() {
        return "s3://" + bucket + "/" + KEY;
    }

    private static final ExpectationSuite TWO_COLUMNS = ExpectationSuite.named("trips")
            .expect(column("payment_type").inSet("card", "cash", "no_charge", "dispute"))
            .expect(column("fare_amount").meanBetween(40, 45))
            .build();

    private static final ExpectationSuite STATISTICS_ONLY = ExpectationSuite.named("trips-footer")
            .expect(table().rowCountEquals(ROWS))
            .expect(column("vendor_id").notNull())
            .expect(column("trip_id").minBetween(1, 1))
            .expect(column("trip_id").maxBetween(ROWS, ROWS))
            .build();

    private static ValidationResult locally(ExpectationSuite suite) {
        DataAsset here = FileSource.folder(files).asset("trips", "raw/*.parquet");
        return Validator.create().validate(here.batch(BatchRequest.all()), suite);
    }

    /** The same results, to the last bit: the engine merges floating-point moments in split order. */
    private static void assertSameOutcome(ValidationResult remote, ValidationResult local) {
        assertThat(remote.results()).isEqualTo(local.results());
        assertThat(remote.batchName()).isEqualTo(local.batchName());
        assertThat(remote.run().rowsScanned()).isEqualTo(local.run().rowsScanned());
        assertThat(remote.success()).isEqualTo(local.success());
    }

    private static String percent(long part, long whole) {
        return String.format(java.util.Locale.ROOT, "%.2f%%", 100.0 * part / whole);
    }

    @Test
    void two_of_thirteen_columns_validate_as_locally_reading_under_a_quarter_of_the_object() {
        S3Source source = S3.source(bucket);
        DataAsset remote = source.asset("trips", "raw/*.parquet");
        source.store().resetCounters();

        ValidationResult fromS3 = Validator.create().validate(remote.batch(BatchRequest.all()), TWO_COLUMNS);

        assertSameOutcome(fromS3, locally(TWO_COLUMNS));
        assertThat(fromS3.run().rowsScanned()).isEqualTo(ROWS);
        assertThat(fromS3.run().scans()).isEqualTo(1);
        assertThat(fromS3.success()).isFalse(); // the few 'voided' payments
        long received = source.store().bytesReceived();
        System.out.println("2 of 13 columns over S3: " + received + " of " + trips.length + " bytes ("
                + percent(received, trips.length) + ") in " + source.store().requests() + " requests");
        assertThat(received).isLessThan(trips.length / 4);
    }

    @Test
    void a_statistics_only_suite_reads_only_the_footer() {
        S3Source source = S3.source(bucket);
        DataAsset remote = source.asset("trips", "raw/*.parquet");
        Batch batch = remote.batch(BatchRequest.all());
        source.store().resetCounters();

        ValidationResult fromS3 = Validator.create().validate(batch, STATISTICS_ONLY);

        assertSameOutcome(fromS3, locally(STATISTICS_ONLY));
        assertThat(fromS3.success()).isTrue();
        assertThat(fromS3.run().scans()).isZero();
        long received = source.store().bytesReceived();
        System.out.println("statistics-only suite over S3: " + received + " of " + trips.length + " bytes ("
                + percent(received, trips.length) + ") in " + source.store().requests() + " requests");
        // One read of the last 64 KiB holds the whole footer of this file (checked below): nothing else is read.
        int footerLength = java.nio.ByteBuffer.wrap(trips, trips.length - 8, 4)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .getInt();
        assertThat(footerLength + 8).isLessThan(64 * 1024);
        assertThat(received).isEqualTo(64 * 1024);
        assertThat(source.store().requests()).isEqualTo(1);
        assertThat(received).isLessThan(trips.length / 100);
    }

    @Test
    void a_corrupt_footer_is_malformed_data_naming_the_object() {
        byte[] corrupt = trips.clone();
        // Garbage over the end of the footer, keeping its length and the PAR1 magic.
        Arrays.fill(corrupt, corrupt.length - 8 - 64, corrupt.length - 8, (byte) 0xEE);
        S3.put(bucket, KEY, corrupt);
        Batch batch = S3.source(bucket).asset("trips", "raw/*.parquet").batch(BatchRequest.all());

        assertThatThrownBy(() -> Validator.create().validate(batch, TWO_COLUMNS))
                .isInstanceOf(MalformedDataException.class)
                .hasMessage(
                        uri() + ": corrupt Parquet footer: can not read class org.apache.parquet.format.FileMetaData:"
                                + " don't know what type: 14");
    }

    @Test
    void a_truncated_object_is_malformed_data_naming_the_object() {
        S3.put(bucket, KEY, Arrays.copyOf(trips, trips.length / 2));
        Batch batch = S3.source(bucket).asset("trips", "raw/*.parquet").batch(BatchRequest.all());

        assertThatThrownBy(() -> Validator.create().validate(batch, TWO_COLUMNS))
                .isInstanceOf(MalformedDataException.class)
                .hasMessage(uri() + ": not a Parquet file (no PAR1 magic at the end)");
    }

    @Test
    void a_key_deleted_after_listing_is_unavailable_naming_the_object() {
        Batch batch = S3.source(bucket).asset("trips", "raw/*.parquet").batch(BatchRequest.all());
        S3.delete(bucket, KEY);

        assertThatThrownBy(() -> Validator.create().validate(batch, TWO_COLUMNS))
                .isInstanceOf(SourceUnavailableException.class)
                .hasMessageMatching(java.util.regex.Pattern.quote(
                                uri()
                                        + " not found — it may have been deleted after it was listed (404 NoSuchKey, request id ")
                        + "[0-9A-F]+\\)");
    }

    @Test
    void throttled_reads_are_retried_and_validate_as_locally() {
        S3Source source = S3.source(bucket, faults.endpoint());
        Batch batch = source.asset("trips", "raw/*.parquet").batch(BatchRequest.all());
        int listed = faults.requests().size();
        faults.fail(2, FaultProxy.slowDown());

        ValidationResult fromS3 = Validator.create().validate(batch, TWO_COLUMNS);

        assertSameOutcome(fromS3, locally(TWO_COLUMNS));
        // Every GET the store made (its requests less the one listing) plus the two refused ones.
        assertThat(faults.requests()).hasSize(listed + (int) source.store().requests() - 1 + 2);
        assertThat(faults.requests().get(listed)).startsWith("GET /" + bucket + "/" + KEY);
    }
}
