package dev.assay.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.error.AssayException;
import dev.assay.error.ErrorCode;
import dev.assay.error.MalformedDataException;
import dev.assay.error.SourceUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FileStoresTest {
    @TempDir
    Path dir;

    @Nested
    class Splitting_a_location {
        @ParameterizedTest
        @CsvSource({
            "s3://lake/raw/trips/year=2024/month=01/, s3://lake/raw/trips/year=2024/month=01/, **",
            "s3://lake/raw/trips.parquet, s3://lake/raw/, trips.parquet",
            "s3://lake/raw/*/part-*.parquet, s3://lake/raw/, */part-*.parquet",
            "s3://lake, s3://lake/, **",
            "s3://lake/x.csv, s3://lake/, x.csv",
            "data/trips.csv, data/, trips.csv",
            "data/trips-*.csv, data/, trips-*.csv",
            "trips.csv, ., trips.csv",
            "/abs/a/b.parquet, /abs/a/, b.parquet",
        })
        void splits_into_a_root_and_a_pattern(String location, String root, String pattern) {
            assertThat(FileStores.split(location)).isEqualTo(new FileStores.Location(root, pattern));
        }

        @Test
        void an_existing_local_folder_is_every_file_under_it() {
            assertThat(FileStores.split(dir.toString())).isEqualTo(new FileStores.Location(dir + "/", "**"));
        }
    }

    @Nested
    class Opening_stores {
        @Test
        void a_path_or_file_uri_is_a_local_folder() throws IOException {
            Files.writeString(dir.resolve("a.lines"), "x\n");

            assertThat(FileStores.open(dir.toString(), Map.of()).list())
                    .extracting(FileStore.StoredFile::path)
                    .containsExactly("a.lines");
            assertThat(FileStores.open("file://" + dir, Map.of()).list()).hasSize(1);
        }

        @Test
        void a_scheme_without_a_provider_names_the_missing_module() {
            assertThatThrownBy(() -> FileStores.open("s3://lake/raw/", Map.of()))
                    .isInstanceOf(AssayException.class)
                    .hasMessage("no store serves 's3://' locations (s3://lake/raw/); add the assay-s3 module to the"
                            + " class path")
                    .extracting(e -> ((AssayException) e).code())
                    .isEqualTo(ErrorCode.INVALID_CONFIGURATION);
            assertThatThrownBy(() -> FileStores.open("gs://lake/raw/", Map.of()))
                    .hasMessage("no store serves 'gs://' locations (gs://lake/raw/); known schemes: file");
        }
    }

    @Nested
    class Local_files {
        @Test
        void reads_ranges_and_streams_from_an_offset() throws IOException {
            Path file = dir.resolve("f.bin");
            Files.writeString(file, "0123456789");
            FileLocation f = FileLocation.local(file);

            assertThat(f.length()).isEqualTo(10);
            assertThat(text(f.read(2, 3))).isEqualTo("234");
            try (InputStream in = f.open(7)) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                        .isEqualTo("789");
            }
            List<ByteBuffer> parts =
                    f.readRanges(List.of(new ByteRange(8, 2), new ByteRange(0, 2), new ByteRange(1, 3)), 1);
            assertThat(parts).extracting(FileStoresTest::text).containsExactly("89", "01", "123");
            assertThat(f.localPath()).contains(file);
        }

        @Test
        void a_read_past_the_end_says_the_file_is_truncated() throws IOException {
            Path file = dir.resolve("short.bin");
            Files.writeString(file, "0123");

            assertThatThrownBy(() -> FileLocation.local(file).read(2, 5))
                    .isInstanceOf(MalformedDataException.class)
                    .hasMessage(file + ": unexpected end of file at byte 4 while reading 5 bytes at 2 (the file is"
                            + " truncated or changed while it was read)");
        }

        @Test
        void a_missing_file_is_unavailable() {
            Path missing = dir.resolve("nope.bin");

            assertThatThrownBy(() -> FileLocation.local(missing).read(0, 1))
                    .isInstanceOf(SourceUnavailableException.class)
                    .hasMessage("file not found: " + missing);
            assertThatThrownBy(() -> FileLocation.local(missing).length())
                    .isInstanceOf(SourceUnavailableException.class)
                    .hasMessage("file not found: " + missing);
        }
    }

    static String text(ByteBuffer b) {
        byte[] bytes = new byte[b.remaining()];
        b.duplicate().get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
