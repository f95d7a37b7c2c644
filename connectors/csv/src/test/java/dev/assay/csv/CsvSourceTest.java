package dev.assay.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.error.AssayException;
import dev.assay.error.ColumnNotFoundException;
import dev.assay.error.ErrorCode;
import dev.assay.error.SourceUnavailableException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvSourceTest {
    @TempDir
    Path dir;

    Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    @Nested
    class Types {
        @Test
        void infers_each_type_and_reads_it_into_its_arrow_vector() throws IOException {
            Path file = write(
                    "all.csv",
                    "flag,count,ratio,day,at,name\n"
                            + "true,1,1.5,2024-01-31,2024-01-31T10:15:30,alpha\n"
                            + "FALSE,-20,2,2024-02-29,2024-02-29 23:59:59.123456,\"beta, gamma\"\n"
                            + ",,,,,\n");

            Scan scan = Scan.all(CsvSource.file(file));

            assertThat(scan.schema())
                    .containsExactly(
                            "flag: Bool",
                            "count: Int(64, true)",
                            "ratio: FloatingPoint(DOUBLE)",
                            "day: Date(DAY)",
                            "at: Timestamp(MICROSECOND, null)",
                            "name: Utf8");
            assertThat(scan.rows())
                    .containsExactly(
                            Arrays.asList(
                                    true,
                                    1L,
                                    1.5,
                                    LocalDate.of(2024, 1, 31),
                                    LocalDateTime.of(2024, 1, 31, 10, 15, 30),
                                    "alpha"),
                            Arrays.asList(
                                    false,
                                    -20L,
                                    2.0,
                                    LocalDate.of(2024, 2, 29),
                                    LocalDateTime.of(2024, 2, 29, 23, 59, 59, 123_456_000),
                                    "beta, gamma"),
                            Arrays.asList(null, null, null, null, null, null));
        }

        @Test
        void takes_the_narrowest_type_every_sample_value_fits() throws IOException {
            Path file = write(
                    "mixed.csv",
                    "a,b,c,d,e,f\n" + "1,1,true,2024-01-01,x,\n" + "2.5,99999999999999999999,1,2024-01-01T00:00,1,\n");

            Scan scan = Scan.all(CsvSource.file(file));

            assertThat(scan.schema())
                    .containsExactly(
                            "a: FloatingPoint(DOUBLE)",
                            "b: FloatingPoint(DOUBLE)",
                            "c: Utf8",
                            "d: Utf8",
                            "e: Utf8",
                            "f: Utf8");
        }

        @Test
        void reads_explicit_types_and_infers_the_columns_the_schema_leaves_out() throws IOException {
            Path file = write("trips.csv", "trip_id,zip,fare\n1,02134,9.5\n2,10001,7\n");

            Scan scan = Scan.all(
                    CsvSource.file(file).schema(CsvSchema.of(CsvColumn.string("zip"), CsvColumn.float64("trip_id"))));

            assertThat(scan.schema())
                    .containsExactly("trip_id: FloatingPoint(DOUBLE)", "zip: Utf8", "fare: FloatingPoint(DOUBLE)");
            assertThat(scan.lines()).containsExactly("1.0|02134|9.5", "2.0|10001|7.0");
        }

        @Test
        void reads_every_column_as_a_string_when_inference_is_off() throws IOException {
            Path file = write("trips.csv", "id,n\n1,2\n");

            Scan scan = Scan.all(CsvSource.file(file).inferSchema(0));

            assertThat(scan.schema()).containsExactly("id: Utf8", "n: Utf8");
            assertThat(scan.lines()).containsExactly("1|2");
        }

        @Test
        void infers_from_the_first_rows_only() throws IOException {
            Path file = write("late.csv", "n\n1\n2\nthree\n");

            CsvSource source = CsvSource.file(file).inferSchema(2);

            assertThat(source.schema().fields().get(0).getType().toString()).isEqualTo("Int(64, true)");
            assertThat(CsvSource.file(file).schema().fields().get(0).getType().toString())
                    .isEqualTo("Utf8");
        }
    }

    @Nested
    class Header {
        @Test
        void names_columns_column_1_to_n_without_a_header() throws IOException {
            Path file = write("plain.csv", "1,a\n2,b\n");

            Scan scan = Scan.all(CsvSource.file(file).header(false));

            assertThat(scan.schema()).containsExactly("column_1: Int(64, true)", "column_2: Utf8");
            assertThat(scan.lines()).containsExactly("1|a", "2|b");
        }

        @Test
        void takes_names_and_types_from_the_schema_without_a_header() throws IOException {
            Path file = write("plain.csv", "1,a\n2,b\n");

            Scan scan = Scan.all(CsvSource.file(file)
                    .header(false)
                    .schema(CsvSchema.of(CsvColumn.int64("id"), CsvColumn.string("code"))));

            assertThat(scan.schema()).containsExactly("id: Int(64, true)", "code: Utf8");
            assertThat(scan.lines()).containsExactly("1|a", "2|b");
        }

        @Test
        void reads_a_header_only_file_as_zero_rows() throws IOException {
            Path file = write("empty.csv", "a,b\n");

            CsvSource source = CsvSource.file(file);

            assertThat(source.schema().columnNames()).containsExactly("a", "b");
            assertThat(Scan.all(source).rows()).isEmpty();
        }

        @Test
        void unquotes_header_names_and_skips_a_byte_order_mark() throws IOException {
            Path file = write("bom.csv", "\uFEFF\"a,1\",\"say \"\"hi\"\"\"\nx,y\n");

            assertThat(CsvSource.file(file).schema().columnNames()).containsExactly("a,1", "say \"hi\"");
        }
    }

    @Nested
    class Dialect {
        @Test
        void reads_other_delimiters_and_quotes() throws IOException {
            Path file = write("semi.csv", "a;b\n'x;y';'it''s'\n");

            Scan scan = Scan.all(CsvSource.file(file).delimiter(';').quote('\''));

            assertThat(scan.lines()).containsExactly("x;y|it's");
        }

        @Test
        void reads_tab_separated_values() throws IOException {
            Path file = write("t.tsv", "a\tb\n1\tx y\n");

            assertThat(Scan.all(CsvSource.file(file).delimiter('\t')).lines()).containsExactly("1|x y");
        }

        @Test
        void reads_backslash_escapes_inside_quotes() throws IOException {
            Path file = write("esc.csv", "a,b\n\"say \\\"hi\\\"\",\"back\\\\slash\"\nplain\\,x\n");

            Scan scan = Scan.all(CsvSource.file(file).escape('\\'));

            assertThat(scan.lines()).containsExactly("say \"hi\"|back\\slash", "plain\\|x");
        }

        @Test
        void reads_crlf_line_ends_quoted_line_breaks_and_a_last_line_without_line_end() throws IOException {
            Path file = write("crlf.csv", "a,b\r\n1,\"two\r\nlines\"\r\n3,x\ry");

            Scan scan = Scan.all(CsvSource.file(file));

            assertThat(scan.rows()).containsExactly(Arrays.asList(1L, "two\r\nlines"), Arrays.asList(3L, "x\ry"));
        }

        @Test
        void reads_an_empty_last_field_after_a_trailing_delimiter() throws IOException {
            Path file = write("trailing.csv", "a,b\n1,");

            assertThat(Scan.all(CsvSource.file(file)).rows()).containsExactly(Arrays.asList(1L, null));
        }

        @Test
        void skips_blank_lines_when_there_are_several_columns() throws IOException {
            Path file = write("blank.csv", "a,b\n\n1,2\r\n\r\n3,4\n\n");

            assertThat(Scan.all(CsvSource.file(file)).lines()).containsExactly("1|2", "3|4");
        }

        @Test
        void reads_blank_lines_of_a_single_column_file_as_nulls() throws IOException {
            Path file = write("one.csv", "a\n1\n\n3\n");

            assertThat(Scan.all(CsvSource.file(file)).lines()).containsExactly("1", "null", "3");
        }

        @Test
        void rejects_a_delimiter_equal_to_the_quote() throws IOException {
            Path file = write("x.csv", "a\n");

            assertThatThrownBy(() -> CsvSource.file(file).delimiter('"').schema())
                    .isInstanceOf(AssayException.class)
                    .hasMessage("the CSV delimiter and quote are the same character '\"'")
                    .extracting(e -> ((AssayException) e).code())
                    .isEqualTo(ErrorCode.INVALID_CONFIGURATION);
            assertThatThrownBy(() -> CsvSource.file(file).delimiter('é').schema())
                    .hasMessage("the CSV delimiter must be an ASCII character other than a line break: 'é'");
            assertThatThrownBy(() -> CsvSource.file(file).inferSchema(-1))
                    .hasMessage("inferSchema needs a sample of 0 or more rows: -1");
        }
    }

    @Nested
    class Nulls {
        @Test
        void reads_only_the_empty_unquoted_field_as_null_by_default() throws IOException {
            Path file = write("n.csv", "s,n\n,\n\"\",\"\"\nNULL,1\n");

            Scan scan = Scan.all(CsvSource.file(file).schema(CsvSchema.of(CsvColumn.string("s"))));

            assertThat(scan.rows())
                    .containsExactly(Arrays.asList(null, null), Arrays.asList("", null), Arrays.asList("NULL", 1L));
        }

        @Test
        void reads_the_given_tokens_as_null_and_quoted_ones_too_in_typed_columns() throws IOException {
            Path file = write("n.csv", "s,n\nNA,NULL\n\"NA\",\"NA\"\n");

            Scan scan = Scan.all(CsvSource.file(file)
                    .nullTokens("NA", "NULL")
                    .schema(CsvSchema.of(CsvColumn.string("s"), CsvColumn.int64("n"))));

            assertThat(scan.rows()).containsExactly(Arrays.asList(null, null), Arrays.asList("NA", null));
        }

        @Test
        void reads_the_empty_field_as_a_value_when_the_tokens_leave_it_out() throws IOException {
            Path file = write("n.csv", "s,n\n,1\n");

            assertThat(Scan.all(CsvSource.file(file).nullTokens("NULL")).lines())
                    .containsExactly("|1");
            assertThatThrownBy(() -> Scan.all(
                            CsvSource.file(file).nullTokens("NULL").schema(CsvSchema.of(CsvColumn.int64("s")))))
                    .hasMessage(file + ":2: column 's' (field 1): '' is not an int64");
        }
    }

    @Nested
    class Timestamps {
        @Test
        void reads_patterns_strictly() throws IOException {
            Path file = write("t.csv", "at,day,when\n2024-03-01 10:15:30,31/01/2024,01.03.2024 10:15\n");

            Scan scan = Scan.all(CsvSource.file(file)
                    .schema(CsvSchema.of(
                            CsvColumn.timestamp("at", "yyyy-MM-dd HH:mm:ss"),
                            CsvColumn.date("day", "dd/MM/yyyy"),
                            CsvColumn.timestamp("when", "dd.MM.yyyy HH:mm"))));

            assertThat(scan.rows())
                    .containsExactly(List.of(
                            LocalDateTime.of(2024, 3, 1, 10, 15, 30),
                            LocalDate.of(2024, 1, 31),
                            LocalDateTime.of(2024, 3, 1, 10, 15)));
            Path bad = write("bad.csv", "day\n31/02/2024\n");
            assertThatThrownBy(() ->
                            Scan.all(CsvSource.file(bad).schema(CsvSchema.of(CsvColumn.date("day", "dd/MM/yyyy")))))
                    .hasMessage(bad + ":2: column 'day' (field 1): '31/02/2024' is not a date (dd/MM/yyyy)");
            Path fraction = write("f.csv", "at\n2024-03-01 10:15:30.5\n");
            assertThatThrownBy(() -> Scan.all(CsvSource.file(fraction)
                            .schema(CsvSchema.of(CsvColumn.timestamp("at", "yyyy-MM-dd HH:mm:ss")))))
                    .hasMessage(fraction + ":2: column 'at' (field 1): '2024-03-01 10:15:30.5' is not a timestamp"
                            + " (yyyy-MM-dd HH:mm:ss)");
        }

        @Test
        void infers_instants_from_values_with_offsets() throws IOException {
            Path file = write("z.csv", "at\n2024-03-01T10:00:00Z\n2024-03-01T12:00:00+02:00\n");

            Scan scan = Scan.all(CsvSource.file(file));

            assertThat(scan.schema()).containsExactly("at: Timestamp(MICROSECOND, UTC)");
            assertThat(scan.rows())
                    .containsExactly(
                            List.of(Instant.parse("2024-03-01T10:00:00Z")),
                            List.of(Instant.parse("2024-03-01T10:00:00Z")));
        }

        @Test
        void reads_local_times_in_the_zone_of_the_source() throws IOException {
            Path file = write("z.csv", "at\n2024-07-01 12:00:00\n2024-07-01T12:00:00Z\n");

            Scan scan = Scan.all(CsvSource.file(file).zone(ZoneId.of("Europe/Paris")));

            assertThat(scan.schema()).containsExactly("at: Timestamp(MICROSECOND, Europe/Paris)");
            assertThat(scan.rows())
                    .containsExactly(
                            List.of(Instant.parse("2024-07-01T10:00:00Z")),
                            List.of(Instant.parse("2024-07-01T12:00:00Z")));
            Scan utc = Scan.all(CsvSource.file(file).zone(ZoneId.of("UTC")));
            assertThat(utc.rows().get(0)).containsExactly(Instant.parse("2024-07-01T12:00:00Z"));
        }

        @Test
        void reads_mixed_local_and_offset_values_as_strings_without_a_zone() throws IOException {
            Path file = write("z.csv", "at\n2024-07-01 12:00:00\n2024-07-01T12:00:00Z\n");

            assertThat(Scan.all(CsvSource.file(file)).schema()).containsExactly("at: Utf8");
        }

        @Test
        void reads_patterns_with_offsets_as_instants() throws IOException {
            Path file = write("z.csv", "at\n01/03/2024 10:00 +0100\n");

            Scan scan = Scan.all(
                    CsvSource.file(file).schema(CsvSchema.of(CsvColumn.timestampTz("at", "dd/MM/yyyy HH:mm xx"))));

            assertThat(scan.rows()).containsExactly(List.of(Instant.parse("2024-03-01T09:00:00Z")));
        }

        @Test
        void rejects_an_invalid_pattern() {
            assertThatThrownBy(() -> CsvColumn.date("day", "yyyy-bb"))
                    .isInstanceOf(AssayException.class)
                    .hasMessage("CSV column 'day': invalid date-time pattern 'yyyy-bb': Unknown pattern letter: b");
            assertThatThrownBy(() -> new CsvColumn("n", CsvType.INT64, java.util.Optional.of("yyyy")))
                    .hasMessage("CSV column 'n' of type INT64 takes no pattern: yyyy");
        }
    }

    @Nested
    class Files_ {
        @Test
        void reads_gzip_files_recognised_by_their_magic_bytes() throws IOException {
            Path file = dir.resolve("data.csv"); // no .gz extension on purpose
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
                out.write("a,b\n1,\"x\ny\"\n2,z\n".getBytes(StandardCharsets.UTF_8));
            }

            CsvSource source = CsvSource.file(file).chunkSize(4);

            assertThat(source.splits(request())).hasSize(1);
            assertThat(Scan.all(source).lines()).containsExactly("1|x\ny", "2|z");
        }

        @Test
        void reads_several_files_as_one_batch_in_order() throws IOException {
            Path a = write("a.csv", "id,v\n1,x\n2,y\n");
            Path b = write("b.csv", "id,v\n3,z\n");

            Scan scan = Scan.of(CsvSource.files(List.of(b, a)), List.of("id"), 1, 2);

            assertThat(scan.lines()).containsExactly("3", "1", "2");
            assertThat(scan.sizes()).containsOnly(1);
        }

        @Test
        void reads_the_files_a_glob_matches_in_name_order() throws IOException {
            write("trips-2.csv", "id\n2\n");
            write("trips-1.csv", "id\n1\n");
            write("other.csv", "id\n9\n");

            CsvSource source = CsvSource.glob(dir, "trips-*.csv");

            assertThat(source.files())
                    .containsExactly(
                            dir.resolve("trips-1.csv").toString(),
                            dir.resolve("trips-2.csv").toString());
            assertThat(Scan.all(source).lines()).containsExactly("1", "2");
            assertThat(Scan.all(CsvSource.of(dir + "/trips-*.csv")).lines()).containsExactly("1", "2");
            assertThat(Scan.all(CsvSource.of(dir + "/other.csv")).lines()).containsExactly("9");
            assertThat(source.name()).isEqualTo(dir.resolve("trips-*.csv").toString());
        }

        @Test
        void names_the_batch_after_its_file() throws IOException {
            Path a = write("a.csv", "id\n1\n");
            Path b = write("b.csv", "id\n1\n");

            assertThat(CsvSource.file(a).name()).isEqualTo("a.csv");
            assertThat(CsvSource.files(List.of(a, b)).name()).isEqualTo("a.csv (+1 more file)");
            assertThat(CsvSource.file(a).named("trips").name()).isEqualTo("trips");
        }

        @Test
        void says_which_file_is_missing_or_which_glob_matches_nothing() {
            Path missing = dir.resolve("nope.csv");

            assertThatThrownBy(() -> CsvSource.file(missing).schema())
                    .isInstanceOf(SourceUnavailableException.class)
                    .hasMessage("CSV file not found: " + missing);
            assertThatThrownBy(() -> CsvSource.glob(dir, "*.tsv").schema())
                    .isInstanceOf(SourceUnavailableException.class)
                    .hasMessage("No CSV files match '*.tsv' in directory " + dir);
            assertThatThrownBy(() ->
                            CsvSource.glob(dir.resolve("nowhere"), "*.csv").schema())
                    .isInstanceOf(SourceUnavailableException.class)
                    .hasMessage("CSV directory not found: " + dir.resolve("nowhere"));
        }
    }

    @Nested
    class Projection {
        @Test
        void reads_only_the_requested_columns_in_the_requested_order() throws IOException {
            Path file = write("p.csv", "a,b,c\n1,x,2.5\n2,y,bad-but-not-read\n");

            Scan scan = Scan.of(CsvSource.file(file).schema(CsvSchema.of(CsvColumn.int64("a"))), List.of("b", "a"));

            assertThat(scan.schema()).containsExactly("b: Utf8", "a: Int(64, true)");
            assertThat(scan.lines()).containsExactly("x|1", "y|2");
        }

        @Test
        void counts_rows_when_no_column_is_requested() throws IOException {
            Path file = write("p.csv", "a,b\n1,x\n2,y\n3,z\n");

            Scan scan = Scan.of(CsvSource.file(file), List.of(), 2, 1);

            assertThat(scan.rows()).hasSize(3);
            assertThat(scan.sizes()).containsExactly(2, 1);
        }

        @Test
        void rejects_an_unknown_column() throws IOException {
            Path file = write("p.csv", "amount,b\n1,x\n");

            assertThatThrownBy(() -> CsvSource.file(file).splits(request("amont")))
                    .isInstanceOf(ColumnNotFoundException.class)
                    .hasMessage("Column 'amont' not found in dataset 'p.csv'; available columns: [amount, b];"
                            + " did you mean 'amount'?");
        }
    }

    static dev.assay.source.ScanRequest request(String... columns) {
        return new dev.assay.source.ScanRequest(List.of(columns), new org.apache.arrow.memory.RootAllocator(), 100);
    }
}
