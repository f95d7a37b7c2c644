package dev.assay.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.error.AssayException;
import dev.assay.error.ErrorCode;
import dev.assay.error.MalformedDataException;
import dev.assay.source.BadCells.BadCell;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad input: the whole message under FAIL, the bad cells under REPORT. */
class CsvSourceErrorTest {
    @TempDir
    Path dir;

    Path write(String content) throws IOException {
        return Files.writeString(dir.resolve("trips.csv"), content, StandardCharsets.UTF_8);
    }

    Path writeBytes(byte[] content) throws IOException {
        return Files.write(dir.resolve("trips.csv"), content);
    }

    static byte[] bytes(Object... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof String s) {
                out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
            } else {
                out.write((Integer) part);
            }
        }
        return out.toByteArray();
    }

    static CsvSource ints(Path file) {
        return CsvSource.file(file).schema(CsvSchema.of(CsvColumn.int64("id"), CsvColumn.int64("passengers")));
    }

    @Nested
    class Fail {
        @Test
        void names_file_line_column_field_and_value_that_is_not_of_the_type() throws IOException {
            Path file = write("id,passengers\n1,2\n2,abc\n");

            assertThatThrownBy(() -> Scan.all(ints(file)))
                    .isInstanceOf(MalformedDataException.class)
                    .hasMessage(file + ":3: column 'passengers' (field 2): 'abc' is not an int64")
                    .extracting(e -> ((AssayException) e).code())
                    .isEqualTo(ErrorCode.MALFORMED_DATA);
        }

        @Test
        void suggests_a_schema_or_a_larger_sample_for_a_value_that_breaks_the_inferred_type() throws IOException {
            Path file = write("id,passengers\n1,2\n2,3\n3,three\n");

            assertThatThrownBy(() -> Scan.all(CsvSource.file(file).inferSchema(2)))
                    .hasMessage(file + ":4: column 'passengers' (field 2): 'three' is not an int64; the column's"
                            + " type was inferred from the first 2 rows: declare the column in an explicit schema"
                            + " (CsvSource.schema) or infer on more rows (CsvSource.inferSchema)");
        }

        @Test
        void names_the_line_a_field_starts_on_in_a_record_that_spans_lines() throws IOException {
            Path file = write("id,note,passengers\n1,\"two\nlines\",x\n");

            assertThatThrownBy(() -> Scan.all(CsvSource.file(file).schema(CsvSchema.of(CsvColumn.int64("passengers")))))
                    .hasMessage(file + ":3: column 'passengers' (field 3): 'x' is not an int64");
        }

        @Test
        void rejects_a_row_with_too_many_fields() throws IOException {
            Path file = write("id,passengers\n1,2\n2,3,4\n");

            assertThatThrownBy(() -> Scan.all(ints(file)))
                    .hasMessage(file + ":3: row has 3 fields, expected 2; field 3 has no column");
        }

        @Test
        void rejects_a_row_with_too_few_fields() throws IOException {
            Path file = write("id,passengers\n1,2\n2\n");

            assertThatThrownBy(() -> Scan.all(ints(file)))
                    .hasMessage(file + ":3: row has 1 field, expected 2; column 'passengers' (field 2) is missing");
        }

        @Test
        void rejects_an_unclosed_quote_at_the_end_of_the_file() throws IOException {
            Path file = write("id,note\n1,ok\n2,\"never\nclosed\n");

            assertThatThrownBy(() -> Scan.all(CsvSource.file(file)))
                    .hasMessage(file + ":3: column 'note' (field 2): unclosed quote: the quoted field that starts on"
                            + " this line runs to the end of the file");
        }

        @Test
        void rejects_a_quote_inside_an_unquoted_field() throws IOException {
            Path file = write("id,size\n1,12\" pizza\n");

            assertThatThrownBy(() -> Scan.all(CsvSource.file(file)))
                    .hasMessage(file + ":2: column 'size' (field 2): quote character '\"' inside an unquoted field;"
                            + " quote the whole field and double the quote characters in it");
        }

        @Test
        void rejects_text_after_a_closing_quote() throws IOException {
            Path file = write("id,note\n1,\"a\"b\n");

            assertThatThrownBy(() -> Scan.all(CsvSource.file(file)))
                    .hasMessage(file + ":2: column 'note' (field 2): unexpected 'b' after the closing quote;"
                            + " expected the delimiter ',' or the end of the line");
        }

        @Test
        void rejects_invalid_utf8_naming_the_line_and_bytes() throws IOException {
            Path file = writeBytes(bytes("id,name\n1,ok\n2,caf", 0xC3, "(\n"));

            assertThatThrownBy(() -> Scan.all(CsvSource.file(file)))
                    .hasMessage(file + ":3: column 'name' (field 2): invalid UTF-8 byte sequence 0xC3 0x28; CSV files"
                            + " must be UTF-8 encoded");
            Path header = writeBytes(bytes("id,n", 0xFF, "\n1,2\n"));
            assertThatThrownBy(() -> CsvSource.file(header).schema())
                    .hasMessage(header + ":1: header field 2: invalid UTF-8 byte sequence 0xFF; CSV files must be UTF-8"
                            + " encoded");
            Path truncated = writeBytes(bytes("id,n\n1,", 0xE2, 0x82));
            assertThatThrownBy(() -> Scan.all(CsvSource.file(truncated)))
                    .hasMessage(truncated + ":2: column 'n' (field 2): invalid UTF-8 byte sequence 0xE2 0x82; CSV files"
                            + " must be UTF-8 encoded");
        }

        @Test
        void checks_utf8_in_columns_that_are_not_requested_too() throws IOException {
            Path file = writeBytes(bytes("id,name\n1,", 0xC0, 0xAF, "\n"));

            assertThatThrownBy(() -> Scan.of(CsvSource.file(file).inferSchema(0), List.of("id")))
                    .hasMessage(file + ":2: column 'name' (field 2): invalid UTF-8 byte sequence 0xC0; CSV files must"
                            + " be UTF-8 encoded");
        }

        @Test
        void rejects_an_empty_file() throws IOException {
            Path file = write("");

            assertThatThrownBy(() -> CsvSource.file(file).schema())
                    .isInstanceOf(MalformedDataException.class)
                    .hasMessage(file + ": the file is empty; expected a header line");
            assertThatThrownBy(() -> CsvSource.file(file).header(false).schema())
                    .hasMessage(file + ": the file is empty");
        }

        @Test
        void rejects_duplicate_and_empty_column_names() throws IOException {
            Path duplicate = write("id,fare,tip,fare\n");
            assertThatThrownBy(() -> CsvSource.file(duplicate).schema())
                    .hasMessage(duplicate + ":1: duplicate column name 'fare' in the header (fields 2 and 4)");

            Path empty = write("id,,tip\n");
            assertThatThrownBy(() -> CsvSource.file(empty).schema())
                    .hasMessage(empty + ":1: header field 2 is empty; every column needs a name");
        }

        @Test
        void rejects_files_whose_headers_differ() throws IOException {
            Path a = Files.writeString(dir.resolve("a.csv"), "id,fare\n1,2\n");
            Path b = Files.writeString(dir.resolve("b.csv"), "id,tip\n1,2\n");

            assertThatThrownBy(() -> CsvSource.files(List.of(a, b)).schema())
                    .hasMessage(b + ":1: the header [id, tip] differs from the header of " + a
                            + ": [id, fare]; all files of a batch must have the same columns in the same order");
        }

        @Test
        void rejects_a_schema_column_that_is_not_in_the_header() throws IOException {
            Path file = write("id,fare\n1,2\n");

            assertThatThrownBy(() -> CsvSource.file(file)
                            .schema(CsvSchema.of(CsvColumn.int64("tip")))
                            .schema())
                    .isInstanceOf(AssayException.class)
                    .hasMessage(
                            "CSV schema column 'tip' is not in the header of " + file + "; header columns: [id, fare]");
        }

        @Test
        void explains_timestamps_whose_offset_does_not_fit_the_column() throws IOException {
            Path file = write("at\n2024-03-01T10:00:00+01:00\n");
            assertThatThrownBy(() -> Scan.all(CsvSource.file(file).schema(CsvSchema.of(CsvColumn.timestamp("at")))))
                    .hasMessage(file + ":2: column 'at' (field 1): '2024-03-01T10:00:00+01:00' has a UTC offset, but"
                            + " the column holds timestamps without zone; declare it with CsvColumn.timestampTz or set"
                            + " CsvSource.zone");

            Path local = write("at\n2024-03-01T10:00:00\n");
            assertThatThrownBy(() -> Scan.all(CsvSource.file(local).schema(CsvSchema.of(CsvColumn.timestampTz("at")))))
                    .hasMessage(local + ":2: column 'at' (field 1): '2024-03-01T10:00:00' has no UTC offset; set"
                            + " CsvSource.zone to read it as an instant");
            assertThat(Scan.all(CsvSource.file(local)
                                    .zone(ZoneId.of("UTC"))
                                    .schema(CsvSchema.of(CsvColumn.timestampTz("at"))))
                            .rows())
                    .hasSize(1);
        }
    }

    @Nested
    class Report {
        @Test
        void reads_a_bad_value_as_null_and_records_it_as_a_bad_cell() throws IOException {
            Path file = write("id,passengers\n1,2\n2,abc\n3,\n");

            Scan scan = Scan.all(ints(file).badRows(BadRowPolicy.REPORT));

            assertThat(scan.rows())
                    .containsExactly(Arrays.asList(1L, 2L), Arrays.asList(2L, null), Arrays.asList(3L, null));
            assertThat(scan.badCells())
                    .extracting(Scan.Bad::cell)
                    .containsExactly(new BadCell(1, "passengers", "abc", file + ":3", "'abc' is not an int64"));
        }

        @Test
        void records_a_ragged_row_as_a_whole_row_bad_cell_with_all_cells_null() throws IOException {
            Path file = write("id,passengers\n1,2\n2,3,4\n5\n6,7\n");

            Scan scan = Scan.all(ints(file).badRows(BadRowPolicy.REPORT));

            assertThat(scan.rows())
                    .containsExactly(
                            Arrays.asList(1L, 2L),
                            Arrays.asList(null, null),
                            Arrays.asList(null, null),
                            Arrays.asList(6L, 7L));
            assertThat(scan.badCells())
                    .extracting(Scan.Bad::cell)
                    .containsExactly(
                            new BadCell(
                                    1, "", "2,3,4", file + ":3", "row has 3 fields, expected 2; field 3 has no column"),
                            new BadCell(
                                    2,
                                    "",
                                    "5",
                                    file + ":4",
                                    "row has 1 field, expected 2; column 'passengers' (field 2) is missing"));
            assertThat(scan.badCells().get(0).cell().wholeRow()).isTrue();
        }

        @Test
        void cuts_raw_text_to_200_characters() throws IOException {
            String longValue = "x".repeat(300);
            Path file = write("id,passengers\n1," + longValue + "\n");

            Scan scan = Scan.all(ints(file).badRows(BadRowPolicy.REPORT));

            BadCell cell = scan.badCells().get(0).cell();
            assertThat(cell.rawText()).isEqualTo("x".repeat(200) + "…");
            assertThat(cell.reason()).isEqualTo("'" + "x".repeat(200) + "…' is not an int64");
        }

        @Test
        void still_fails_on_damage_to_the_file_structure() throws IOException {
            Path unclosed = write("id,passengers\n1,2\n2,\"3\n");
            assertThatThrownBy(() -> Scan.all(ints(unclosed).badRows(BadRowPolicy.REPORT)))
                    .hasMessageContaining("unclosed quote");

            Path utf8 = writeBytes(bytes("id,passengers\n1,", 0xFF, "\n"));
            assertThatThrownBy(() -> Scan.all(ints(utf8).badRows(BadRowPolicy.REPORT)))
                    .hasMessageContaining("invalid UTF-8");

            Path stray = write("id,passengers\n1,2\"\n");
            assertThatThrownBy(() -> Scan.all(ints(stray).badRows(BadRowPolicy.REPORT)))
                    .hasMessageContaining("inside an unquoted field");
        }
    }
}
