package dev.assay.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A plain file read as many parallel splits gives exactly the rows, in order, of one sequential read. */
class CsvSourceSplitTest {
    private static final String[] TEXTS = {
        "",
        "plain",
        "with,comma",
        "with \"quotes\"",
        "two\nlines",
        "three\r\nline\nbreaks",
        "ünïcödé ✓",
        "\"",
        ",",
        "\n",
        "trailing space ",
        "a very long value that spans several small chunks of the file, with, commas"
    };

    @TempDir
    Path dir;

    Path file;
    int rows;

    @BeforeEach
    void generate() throws IOException {
        generate(600);
    }

    private void generate(int count) throws IOException {
        SplittableRandom random = new SplittableRandom(11);
        StringBuilder csv = new StringBuilder("id,text,amount,note\n");
        rows = count;
        for (int i = 0; i < rows; i++) {
            csv.append(i).append(',');
            csv.append(field(TEXTS[random.nextInt(TEXTS.length)])).append(',');
            csv.append(random.nextInt(10) == 0 ? "" : String.valueOf(random.nextInt(100_000) / 100.0))
                    .append(',');
            csv.append(field(TEXTS[random.nextInt(TEXTS.length)]));
            csv.append(random.nextInt(5) == 0 ? "\r\n" : "\n");
        }
        file = Files.writeString(dir.resolve("quoted.csv"), csv, StandardCharsets.UTF_8);
    }

    private static String field(String value) {
        boolean quote = value.contains(",") || value.contains("\"") || value.contains("\n") || value.startsWith("u");
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    @ParameterizedTest(name = "chunks of {0} bytes, buffer of {1} bytes, {2} rows per batch, {3} threads")
    @org.junit.jupiter.params.provider.CsvSource({
        "1, 1, 1, 1",
        "7, 3, 2, 2",
        "13, 64, 7, 2",
        "64, 5, 1000, 1",
        "100, 4096, 3, 2",
        "4096, 4096, 50, 2"
    })
    void reads_the_same_rows_in_the_same_order_as_one_split(int chunk, int buffer, int batchRows, int threads) {
        CsvSource one = CsvSource.file(file);
        CsvSource many = CsvSource.file(file).chunkSize(chunk).bufferSize(buffer);
        List<String> columns = List.of("id", "text", "amount", "note");

        Scan expected = Scan.of(one, columns, 1000, 1);
        Scan actual = Scan.of(many, columns, batchRows, threads);

        assertThat(one.splits(CsvSourceTest.request())).hasSize(1);
        assertThat(many.splits(CsvSourceTest.request())).hasSizeGreaterThan(1);
        assertThat(expected.rows()).hasSize(rows);
        assertThat(actual.rows()).isEqualTo(expected.rows());
        assertThat(actual.sizes()).allMatch(size -> size <= batchRows);
        for (int i = 0; i < rows; i++) {
            assertThat(actual.rows().get(i).get(0)).isEqualTo((long) i);
        }
    }

    @Test
    void splits_correctly_at_every_byte() throws IOException {
        generate(40);
        List<String> columns = List.of("id", "text", "amount", "note");

        Scan expected = Scan.of(CsvSource.file(file), columns, 1000, 1);
        Scan actual = Scan.of(CsvSource.file(file).chunkSize(1).bufferSize(1), columns, 1, 2);

        assertThat(actual.rows()).hasSize(40).isEqualTo(expected.rows());
    }

    @Test
    void fills_batches_larger_than_the_first_allocation() throws IOException {
        StringBuilder csv = new StringBuilder("id,text,flag\n");
        for (int i = 0; i < 10_000; i++) {
            csv.append(i)
                    .append(",t")
                    .append(i % 7 == 0 ? "" : "ext" + i)
                    .append(',')
                    .append(i % 3 == 0)
                    .append('\n');
        }
        Path big = Files.writeString(dir.resolve("big.csv"), csv);

        Scan scan = Scan.of(CsvSource.file(big), List.of("text", "id", "flag"), 9_000, 1);

        assertThat(scan.sizes()).containsExactly(9_000, 1_000);
        for (int i = 0; i < 10_000; i++) {
            assertThat(scan.rows().get(i)).containsExactly("t" + (i % 7 == 0 ? "" : "ext" + i), (long) i, i % 3 == 0);
        }
    }

    @ParameterizedTest(name = "{0} threads")
    @ValueSource(ints = {1, 2})
    void names_the_physical_line_of_a_bad_value_found_by_a_late_split(int threads) throws IOException {
        String content = Files.readString(file);
        int at = content.indexOf("\n599,");
        String bad = content.substring(0, at) + "\nnot-a-number," + content.substring(at + 5);
        Files.writeString(file, bad);
        long line = bad.substring(0, at + 1).chars().filter(c -> c == '\n').count() + 1;

        assertThatThrownBy(() -> Scan.of(
                        CsvSource.file(file).chunkSize(50).schema(CsvSchema.of(CsvColumn.int64("id"))),
                        List.of("id"),
                        100,
                        threads))
                .hasMessage(file + ":" + line + ": column 'id' (field 1): 'not-a-number' is not an int64");
    }

    @Test
    void reports_bad_cells_at_their_row_in_the_whole_scan() throws IOException {
        Path f = Files.writeString(dir.resolve("r.csv"), "n\n1\n2\nx\n4\ny\n");

        Scan scan = Scan.of(
                CsvSource.file(f)
                        .chunkSize(2)
                        .schema(CsvSchema.of(CsvColumn.int64("n")))
                        .badRows(BadRowPolicy.REPORT),
                List.of("n"),
                2,
                2);

        assertThat(scan.lines()).containsExactly("1", "2", "null", "4", "null");
        assertThat(scan.badCells())
                .extracting(b ->
                        b.row() + " " + b.cell().location() + " " + b.cell().rawText())
                .containsExactly("2 " + f + ":4 x", "4 " + f + ":6 y");
    }

    @Test
    void reads_files_with_backslash_escapes_as_one_split() throws IOException {
        Path escaped = Files.writeString(dir.resolve("e.csv"), "a,b\n\"x\\\"\n\",1\n\"y\",2\n");
        CsvSource source = CsvSource.file(escaped).chunkSize(2).escape('\\');

        assertThat(Scan.all(source).lines()).containsExactly("x\"\n|1", "y|2");

        assertThat(source.splits(CsvSourceTest.request())).hasSize(1);
    }

    @Test
    void gives_ordinals_that_order_batches_across_files_and_splits() throws IOException {
        Path second = Files.copy(file, dir.resolve("second.csv"));

        Scan scan = Scan.of(CsvSource.files(List.of(file, second)).chunkSize(500), List.of("id"), 40, 2);

        assertThat(scan.rows()).hasSize(2 * rows);
        for (int i = 0; i < 2 * rows; i++) {
            assertThat(scan.rows().get(i).get(0)).isEqualTo((long) (i % rows));
        }
    }
}
