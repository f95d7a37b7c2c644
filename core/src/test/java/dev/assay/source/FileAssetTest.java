package dev.assay.source;

import static dev.assay.expectation.Expectations.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.engine.Validator;
import dev.assay.error.AssayException;
import dev.assay.error.ErrorCode;
import dev.assay.model.ExpectationSuite;
import dev.assay.result.ResultJson;
import dev.assay.result.ValidationResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileAssetTest {
    @TempDir
    Path dir;

    /** Every line of every file is a row of one string column, {@code line}. */
    private static final FileFormat LINES = files -> {
        List<Object> lines = new ArrayList<>();
        for (FileLocation f : files) {
            try (var in = f.open(0)) {
                lines.addAll(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                        .lines()
                        .toList());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return InMemoryBatch.named("lines").column("line", "string", lines).build();
    };

    private void write(String... paths) throws IOException {
        for (String p : paths) {
            Path file = dir.resolve(p);
            Files.createDirectories(file.getParent());
            Files.writeString(file, p + "\n");
        }
    }

    private FileAsset asset(String pattern) {
        return FileSource.folder(dir).asset("trips", pattern, LINES);
    }

    private static List<String> files(Batch batch) {
        return batch.identity().orElseThrow().files();
    }

    private static Map<String, String> groups(Batch batch) {
        return batch.identity().orElseThrow().groups();
    }

    @Nested
    class Patterns {
        @Test
        void groups_take_one_segment_part_each() throws IOException {
            write("trips-2024-01.csv", "trips-2024-02.csv", "sub/trips-2024-03.csv", "other.csv");

            List<BatchRequest> batches = asset("trips-{year}-{month}.csv").availableBatches();

            assertThat(batches)
                    .containsExactly(
                            BatchRequest.of("year", "2024", "month", "01"),
                            BatchRequest.of("year", "2024", "month", "02"));
        }

        @Test
        void a_star_stays_within_a_segment() throws IOException {
            write("raw/a.csv", "raw/b.csv", "raw/deep/c.csv");

            Batch batch = asset("raw/*.csv").batch(BatchRequest.all());

            assertThat(files(batch)).containsExactly("raw/a.csv", "raw/b.csv");
        }

        @Test
        void a_double_star_spans_any_depth() throws IOException {
            write("raw/a.csv", "raw/deep/er/c.csv", "x.csv");

            Batch batch = asset("raw/**/*.csv").batch(BatchRequest.all());

            assertThat(files(batch)).containsExactly("raw/a.csv", "raw/deep/er/c.csv");
        }

        @Test
        void a_regex_names_its_groups() throws IOException {
            write("t_20240105.csv", "t_20240206.csv", "t_x.csv");

            List<BatchRequest> batches =
                    asset("re:t_(?<year>\\d{4})(?<month>\\d{2})\\d{2}\\.csv").availableBatches();

            assertThat(batches)
                    .containsExactly(
                            BatchRequest.of("year", "2024", "month", "01"),
                            BatchRequest.of("year", "2024", "month", "02"));
        }

        @Test
        void hive_folders_become_groups_even_under_a_star() throws IOException {
            write("trips/year=2023/month=12/part-0.csv", "trips/year=2024/month=01/part-0.csv");

            List<BatchRequest> batches = asset("trips/*/*/*.csv").availableBatches();

            assertThat(batches)
                    .containsExactly(
                            BatchRequest.of("year", "2023", "month", "12"),
                            BatchRequest.of("year", "2024", "month", "01"));
        }

        @Test
        void a_malformed_group_name_is_rejected() {
            assertThatThrownBy(() -> asset("t-{2x}.csv"))
                    .isInstanceOf(AssayException.class)
                    .hasMessage("group name '2x' in asset pattern 't-{2x}.csv' must be a letter or '_' followed by"
                            + " letters, digits or '_'");
        }

        @Test
        void group_names_may_hold_underscores() throws IOException {
            write("d-2024_01_05.csv");

            assertThat(asset("d-{event_date}.csv").availableBatches())
                    .containsExactly(BatchRequest.of("event_date", "2024_01_05"));
        }

        @Test
        void a_repeated_group_is_rejected() {
            assertThatThrownBy(() -> asset("{a}/{a}.csv"))
                    .hasMessage("group 'a' appears twice in asset pattern '{a}/{a}.csv'");
        }

        @Test
        void an_unclosed_brace_is_rejected() {
            assertThatThrownBy(() -> asset("t-{year.csv")).hasMessage("unclosed '{' in asset pattern 't-{year.csv'");
        }

        @Test
        void a_bad_regex_is_rejected() {
            assertThatThrownBy(() -> asset("re:(?<y>"))
                    .extracting(e -> ((AssayException) e).code())
                    .isEqualTo(ErrorCode.INVALID_CONFIGURATION);
        }
    }

    @Nested
    class Selection {
        @Test
        void by_group_values() throws IOException {
            write("year=2024/month=01/a.csv", "year=2024/month=01/b.csv", "year=2024/month=02/a.csv");

            Batch batch =
                    asset("year={year}/month={month}/*.csv").batch(BatchRequest.of("year", "2024", "month", "01"));

            assertThat(files(batch)).containsExactly("year=2024/month=01/a.csv", "year=2024/month=01/b.csv");
            assertThat(batch.name()).isEqualTo("trips [year=2024, month=01]");
        }

        @Test
        void by_an_inclusive_range_compared_as_numbers() throws IOException {
            write("m=1/a.csv", "m=2/a.csv", "m=9/a.csv", "m=10/a.csv", "m=11/a.csv");

            Batch batch = asset("m={m}/a.csv").batch(BatchRequest.range("m", "2", "10"));

            assertThat(files(batch)).containsExactly("m=10/a.csv", "m=2/a.csv", "m=9/a.csv");
            assertThat(groups(batch)).isEmpty();
        }

        @Test
        void by_a_range_and_a_value() throws IOException {
            write("2023-02.csv", "2024-01.csv", "2024-02.csv", "2024-03.csv", "2024-04.csv");

            Batch batch = asset("{year}-{month}.csv")
                    .batch(BatchRequest.range("month", "01", "03").and("year", "2024"));

            assertThat(files(batch)).containsExactly("2024-01.csv", "2024-02.csv", "2024-03.csv");
            assertThat(groups(batch)).containsExactly(Map.entry("year", "2024"));
            assertThat(batch.identity().orElseThrow().request()).isEqualTo("{month=01..03, year=2024}");
        }

        @Test
        void without_a_request_is_all_of_the_asset() throws IOException {
            write("a.csv", "b.csv");
            DataAsset trips = asset("*.csv");

            Batch batch = trips.batch();

            assertThat(files(batch)).containsExactly("a.csv", "b.csv");
            assertThat(batch.identity().orElseThrow().request()).isEqualTo("{}");
        }

        @Test
        void by_a_day_given_as_a_local_date() throws IOException {
            write("day=2024-01-30/a.csv", "day=2024-01-31/a.csv", "day=2024-01-31/b.csv", "day=2024-02-01/a.csv");

            Batch batch = asset("day={day}/*.csv").batch(BatchRequest.partition("day", LocalDate.of(2024, 1, 31)));

            assertThat(files(batch)).containsExactly("day=2024-01-31/a.csv", "day=2024-01-31/b.csv");
            assertThat(groups(batch)).containsExactly(Map.entry("day", "2024-01-31"));
            assertThat(batch.name()).isEqualTo("trips [day=2024-01-31]");
        }

        @Test
        void by_a_range_of_days_given_as_local_dates() throws IOException {
            write("2023-12-31.csv", "2024-01-01.csv", "2024-01-15.csv", "2024-01-31.csv", "2024-02-01.csv");

            Batch batch = asset("{day}.csv")
                    .batch(BatchRequest.partition("day", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 31)));

            assertThat(files(batch)).containsExactly("2024-01-01.csv", "2024-01-15.csv", "2024-01-31.csv");
        }

        @Test
        void by_a_year_and_a_month_number() throws IOException {
            write("2023/1.csv", "2024/1.csv", "2024/2.csv");

            Batch batch = asset("{year}/{month}.csv")
                    .batch(BatchRequest.partition("year", Year.of(2024)).and("month", 1));

            assertThat(files(batch)).containsExactly("2024/1.csv");
        }

        @Test
        void texts_compare_as_strings() throws IOException {
            write("r-eu.csv", "r-us.csv", "r-ap.csv");

            Batch batch = asset("r-{region}.csv").batch(BatchRequest.range("region", "ap", "eu"));

            assertThat(files(batch)).containsExactly("r-ap.csv", "r-eu.csv");
        }

        @Test
        void the_latest_is_numeric_aware() throws IOException {
            write("y=2024/m=9/a.csv", "y=2024/m=10/a.csv", "y=2023/m=12/a.csv");

            Batch latest = asset("y={y}/m={m}/a.csv").latestBatch();

            assertThat(files(latest)).containsExactly("y=2024/m=10/a.csv");
            assertThat(groups(latest)).containsExactly(Map.entry("y", "2024"), Map.entry("m", "10"));
        }

        @Test
        void available_batches_are_sorted_by_values_in_group_order() throws IOException {
            write("y=2024/m=10/a.csv", "y=2024/m=9/a.csv", "y=2024/m=9/b.csv", "y=2023/m=12/a.csv");

            assertThat(asset("y={y}/m={m}/*.csv").availableBatches())
                    .containsExactly(
                            BatchRequest.of("y", "2023", "m", "12"),
                            BatchRequest.of("y", "2024", "m", "9"),
                            BatchRequest.of("y", "2024", "m", "10"));
        }
    }

    @Nested
    class Identity {
        @Test
        void a_batch_of_many_files_is_validated_as_one_dataset_and_its_identity_is_in_the_json() throws IOException {
            write("year=2024/month=01/a.csv", "year=2024/month=01/b.csv", "year=2024/month=02/a.csv");
            Batch batch = asset("year={year}/month={month}/*.csv").batch(BatchRequest.of("year", "2024", "month", "1"));

            ValidationResult result = Validator.create()
                    .validate(
                            batch,
                            ExpectationSuite.named("s")
                                    .expect(table().rowCountBetween(2, 2))
                                    .build());

            assertThat(result.success()).isTrue();
            assertThat(result.run().rowsScanned()).isEqualTo(2);
            JsonNode meta =
                    new ObjectMapper().readTree(ResultJson.toJson(result)).get("meta");
            assertThat(meta.get("batch").asText()).isEqualTo("trips [year=2024, month=01]");
            assertThat(meta.get("batch_identity").toString())
                    .isEqualTo("{\"asset\":\"trips\",\"request\":\"{year=2024, month=1}\",\"files\":"
                            + "[\"year=2024/month=01/a.csv\",\"year=2024/month=01/b.csv\"],"
                            + "\"groups\":{\"year\":\"2024\",\"month\":\"01\"}}");
        }

        @Test
        void a_plain_batch_has_no_identity_in_the_json() throws IOException {
            ValidationResult result = Validator.create()
                    .validate(
                            InMemoryBatch.named("b").column("x", "int64", 1L).build(),
                            ExpectationSuite.named("s").build());

            JsonNode meta =
                    new ObjectMapper().readTree(ResultJson.toJson(result)).get("meta");
            assertThat(meta.has("batch_identity")).isFalse();
        }
    }

    @Nested
    class Errors {
        @Test
        void no_matching_files_names_the_request_pattern_and_available_batches() throws IOException {
            for (int m = 1; m <= 7; m++) {
                write("2024-0" + m + ".csv");
            }

            assertThatThrownBy(() -> asset("{year}-{month}.csv").batch(BatchRequest.of("year", "2023")))
                    .isInstanceOf(AssayException.class)
                    .hasMessage("no files of asset 'trips' match batch request {year=2023} (pattern"
                            + " '{year}-{month}.csv' in " + dir + "); available batches: {year=2024,"
                            + " month=01}, {year=2024, month=02}, {year=2024, month=03}, {year=2024, month=04},"
                            + " {year=2024, month=05} and 2 more")
                    .extracting(e -> ((AssayException) e).code())
                    .isEqualTo(ErrorCode.SOURCE_UNAVAILABLE);
        }

        @Test
        void no_files_at_all_says_none_are_available() throws IOException {
            write("other.txt");

            assertThatThrownBy(() -> asset("{year}.csv").batch(BatchRequest.all()))
                    .hasMessage("no files of asset 'trips' match batch request {} (pattern '{year}.csv' in " + dir
                            + "); available batches: none");
        }

        @Test
        void latest_without_files_names_the_pattern() {
            assertThatThrownBy(() -> asset("{year}.csv").latestBatch())
                    .hasMessage("no files of asset 'trips' match pattern '{year}.csv' in " + dir);
        }

        @Test
        void an_unknown_group_names_the_nearest() throws IOException {
            write("2024-01.csv");

            assertThatThrownBy(() -> asset("{year}-{month}.csv").batch(BatchRequest.of("yaer", "2024")))
                    .isInstanceOf(AssayException.class)
                    .hasMessage("asset 'trips' has no group 'yaer' (groups: [year, month]); did you mean 'year'?")
                    .extracting(e -> ((AssayException) e).code())
                    .isEqualTo(ErrorCode.INVALID_CONFIGURATION);
        }

        @Test
        void an_unknown_group_without_a_near_name_lists_the_groups() throws IOException {
            write("2024-01.csv");

            assertThatThrownBy(() -> asset("{year}-{month}.csv").batch(BatchRequest.of("region", "eu")))
                    .hasMessage("asset 'trips' has no group 'region' (groups: [year, month])");
        }

        @Test
        void a_missing_folder_is_unavailable() {
            Path missing = dir.resolve("nope");

            assertThatThrownBy(() -> FileSource.folder(missing)
                            .asset("trips", "*.csv", LINES)
                            .availableBatches())
                    .isInstanceOf(AssayException.class)
                    .hasMessage("folder not found: " + missing)
                    .extracting(e -> ((AssayException) e).code())
                    .isEqualTo(ErrorCode.SOURCE_UNAVAILABLE);
        }

        @Test
        void a_group_given_twice_is_rejected() {
            assertThatThrownBy(() -> BatchRequest.of("year", "2024").and("year", "2025"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("group 'year' is given twice in a batch request");
        }

        @Test
        void an_odd_number_of_arguments_is_rejected() {
            assertThatThrownBy(() -> BatchRequest.of("year"))
                    .hasMessage("BatchRequest.of takes group and value pairs, got 1 arguments");
        }
    }

    @Nested
    class Formats_by_extension {
        @Test
        void an_asset_without_a_format_reads_files_by_their_extension_and_skips_others() throws IOException {
            write("2024/a.lines", "2024/b.lines.txt", "2024/notes.md", "2024/c.unknown");

            Batch batch = FileSource.folder(dir).asset("trips", "{year}/*").batch(BatchRequest.all());

            assertThat(files(batch)).containsExactly("2024/a.lines", "2024/b.lines.txt");
            assertThat(batch.schema().columnNames()).containsExactly("line");
        }

        @Test
        void hidden_and_underscore_files_and_folders_are_never_part_of_an_asset() throws IOException {
            write("a.lines", "_SUCCESS.lines", ".a.lines.crc.lines", "_temporary/b.lines", ".hidden/c.lines");

            assertThat(files(FileSource.folder(dir).asset("t", "**").batch(BatchRequest.all())))
                    .containsExactly("a.lines");
            assertThat(files(asset("**").batch(BatchRequest.all()))).containsExactly("a.lines");
        }

        @Test
        void a_batch_of_two_formats_is_rejected_with_an_example_of_each() throws IOException {
            write("2024/a.lines", "2024/b.upper");

            assertThatThrownBy(() ->
                            FileSource.folder(dir).asset("trips", "{year}/*").batch(BatchRequest.all()))
                    .isInstanceOf(AssayException.class)
                    .hasMessage(
                            "the files of a batch of asset 'trips' are of different formats (2024/a.lines is lines,"
                                    + " 2024/b.upper is upper); narrow the pattern '{year}/*' or declare the asset with a format")
                    .extracting(e -> ((AssayException) e).code())
                    .isEqualTo(ErrorCode.INVALID_CONFIGURATION);
        }
    }
}
