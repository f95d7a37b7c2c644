package dev.assay.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.error.MalformedDataException;
import dev.assay.error.SourceUnavailableException;
import dev.assay.source.ByteRange;
import dev.assay.source.FileLocation;
import dev.assay.source.FileStore.StoredFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class S3FileStoreTest {
    @RegisterExtension
    static final S3ProxyFixture S3 = new S3ProxyFixture();

    private String bucket;

    @BeforeEach
    void newBucket() {
        bucket = S3.bucket();
    }

    private static byte[] bytes(int n) {
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            out[i] = (byte) (i * 31 + 7);
        }
        return out;
    }

    private static byte[] array(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }

    @Nested
    class Listing {
        @Test
        void lists_keys_under_the_prefix_relative_sorted_and_without_folder_markers() {
            S3.put(bucket, "raw/b.csv", "b");
            S3.put(bucket, "raw/a/x.csv", "ax");
            S3.put(bucket, "raw/a/", "");
            S3.put(bucket, "rawdata/other.csv", "no");
            S3.put(bucket, "top.csv", "no");
            S3FileStore store = S3.source(bucket).prefix("raw").store();

            List<StoredFile> files = store.list();

            assertThat(store.root()).isEqualTo("s3://" + bucket + "/raw/");
            assertThat(files).extracting(StoredFile::path).containsExactly("a/x.csv", "b.csv");
            assertThat(files.get(0).location().uri()).isEqualTo("s3://" + bucket + "/raw/a/x.csv");
            assertThat(files.get(0).location().length()).isEqualTo(2);
            assertThat(store.requests()).isEqualTo(1);
        }

        @Test
        void reads_every_page_of_a_long_listing() {
            for (int i = 0; i < 7; i++) {
                S3.put(bucket, "k/" + i + ".csv", "x");
            }
            S3FileStore store = S3.source(bucket).listPageSize(3).store();

            List<StoredFile> files = store.list();

            assertThat(files)
                    .extracting(StoredFile::path)
                    .containsExactly("k/0.csv", "k/1.csv", "k/2.csv", "k/3.csv", "k/4.csv", "k/5.csv", "k/6.csv");
            assertThat(store.requests()).isEqualTo(3);
        }

        @Test
        void keys_with_spaces_and_non_ascii_letters_are_listed_and_read_as_written() {
            S3.put(bucket, "raw/with space/zürich+1.csv", "abc");
            S3FileStore store = S3.source(bucket).prefix("raw/").store();

            StoredFile file = store.list().get(0);

            assertThat(file.path()).isEqualTo("with space/zürich+1.csv");
            assertThat(file.location().uri()).isEqualTo("s3://" + bucket + "/raw/with space/zürich+1.csv");
            assertThat(array(file.location().read(1, 2))).isEqualTo(new byte[] {'b', 'c'});
        }

        @Test
        void an_empty_prefix_lists_nothing() {
            assertThat(S3.source(bucket).prefix("nothing/").store().list()).isEmpty();
        }

        @Test
        void a_missing_bucket_is_named_with_the_endpoint() {
            S3FileStore store = S3.source("no-such-bucket").store();

            assertThatThrownBy(store::list)
                    .isInstanceOf(SourceUnavailableException.class)
                    .hasMessageStartingWith(
                            "bucket 'no-such-bucket' does not exist at " + S3.endpoint() + " (404 NoSuchBucket");
        }
    }

    @Nested
    class Reading {
        private final byte[] data = bytes(10_000);

        @BeforeEach
        void object() {
            S3.put(bucket, "data/blob.bin", data);
        }

        @Test
        void a_ranged_read_fetches_just_the_range() {
            S3FileStore store = S3.source(bucket).store();
            FileLocation file = store.file("data/blob.bin");

            ByteBuffer read = file.read(1000, 250);

            assertThat(array(read)).isEqualTo(Arrays.copyOfRange(data, 1000, 1250));
            assertThat(store.bytesReceived()).isEqualTo(250);
            assertThat(store.requests()).isEqualTo(1);
        }

        @Test
        void the_length_of_an_unlisted_file_is_asked_with_a_head() {
            S3FileStore store = S3.source(bucket).prefix("data/").store();

            assertThat(store.file("blob.bin").length()).isEqualTo(10_000);
            assertThat(store.requests()).isEqualTo(1);
        }

        @Test
        void near_ranges_are_coalesced_and_far_ones_fetched_apart() {
            S3FileStore store = S3.source(bucket).store();
            FileLocation file = store.file("data/blob.bin");
            List<ByteRange> ranges = List.of(
                    new ByteRange(5000, 100), new ByteRange(0, 100), new ByteRange(150, 50), new ByteRange(9900, 100));

            List<ByteBuffer> read = file.readRanges(ranges, 64);

            for (int i = 0; i < ranges.size(); i++) {
                ByteRange r = ranges.get(i);
                assertThat(array(read.get(i))).isEqualTo(Arrays.copyOfRange(data, (int) r.offset(), (int) r.end()));
            }
            assertThat(store.requests()).isEqualTo(3);
            assertThat(store.bytesReceived()).isEqualTo(200 + 100 + 100);
        }

        @Test
        void many_ranges_are_fetched_concurrently_and_returned_in_order() {
            S3FileStore store = S3.source(bucket).store();
            FileLocation file = store.file("data/blob.bin");
            List<ByteRange> ranges = new java.util.ArrayList<>();
            for (int i = 19; i >= 0; i--) {
                ranges.add(new ByteRange(i * 500L, 100));
            }

            List<ByteBuffer> read = file.readRanges(ranges, 0);

            for (int i = 0; i < ranges.size(); i++) {
                ByteRange r = ranges.get(i);
                assertThat(array(read.get(i))).isEqualTo(Arrays.copyOfRange(data, (int) r.offset(), (int) r.end()));
            }
            assertThat(store.requests()).isEqualTo(20);
        }

        @Test
        void two_of_thirteen_columns_cost_less_than_a_quarter_of_the_object() {
            S3FileStore store = S3.source(bucket).store();
            FileLocation file = store.file("data/blob.bin");
            int chunk = 10_000 / 13;
            List<ByteRange> twoColumns = List.of(new ByteRange(2L * chunk, chunk), new ByteRange(9L * chunk, chunk));

            file.readRanges(twoColumns, 64);

            assertThat(store.bytesReceived()).isLessThan(10_000 / 4);
            assertThat(store.requests()).isEqualTo(2);
        }

        @Test
        void open_streams_from_a_position_to_the_end() throws IOException {
            S3FileStore store = S3.source(bucket).store();
            FileLocation file = store.file("data/blob.bin");

            try (InputStream in = file.open(9_000)) {
                assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(data, 9_000, 10_000));
            }
            try (InputStream in = file.open(10_000)) {
                assertThat(in.readAllBytes()).isEmpty();
            }
            assertThat(store.bytesReceived()).isEqualTo(1_000);
        }

        @Test
        void a_read_past_the_end_is_malformed_data_naming_the_counts() {
            FileLocation file = S3.source(bucket).store().file("data/blob.bin");

            assertThatThrownBy(() -> file.read(9_950, 100))
                    .isInstanceOf(MalformedDataException.class)
                    .hasMessage("s3://" + bucket + "/data/blob.bin: expected 100 bytes at offset 9950 but the object"
                            + " holds only 50 bytes from there (it is 10000 bytes long); it is truncated or changed"
                            + " after it was listed");
        }

        @Test
        void a_read_wholly_past_the_end_is_malformed_data() {
            FileLocation file = S3.source(bucket).store().file("data/blob.bin");

            assertThatThrownBy(() -> file.read(20_000, 10))
                    .isInstanceOf(MalformedDataException.class)
                    .hasMessageStartingWith("s3://" + bucket + "/data/blob.bin: expected 10 bytes at offset 20000");
        }

        @Test
        void a_key_deleted_after_listing_says_so() {
            S3FileStore store = S3.source(bucket).store();
            FileLocation file = store.list().get(0).location();
            S3.delete(bucket, "data/blob.bin");

            assertThatThrownBy(() -> file.read(0, 10))
                    .isInstanceOf(SourceUnavailableException.class)
                    .hasMessageStartingWith("s3://" + bucket
                            + "/data/blob.bin not found — it may have been deleted after it was listed (404 NoSuchKey");
            assertThatThrownBy(() -> file.open(0).read())
                    .isInstanceOf(SourceUnavailableException.class)
                    .hasMessageContaining("not found — it may have been deleted after it was listed");
            assertThatThrownBy(() -> store.file("data/blob.bin").length())
                    .isInstanceOf(SourceUnavailableException.class)
                    .hasMessageStartingWith("s3://" + bucket + "/data/blob.bin not found");
        }
    }
}
