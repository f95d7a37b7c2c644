package dev.assay.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.error.SourceUnavailableException;
import dev.assay.error.SuiteFormatException;
import dev.assay.expectation.ColumnMeanBetween;
import dev.assay.expectation.ColumnValuesBetween;
import dev.assay.expectation.ColumnValuesFresh;
import dev.assay.expectation.ColumnValuesInSet;
import dev.assay.expectation.ColumnValuesNotNull;
import dev.assay.expectation.ExpectationCatalog;
import dev.assay.expectation.Range;
import dev.assay.expectation.TableColumnsMatchOrderedList;
import dev.assay.expectation.TableRowCountEqual;
import dev.assay.model.Expectation;
import dev.assay.model.ExpectationOptions;
import dev.assay.model.ExpectationSuite;
import dev.assay.model.ResultFormat;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuiteFilesWriteTest {
    private static final ExpectationOptions DEFAULT = ExpectationOptions.DEFAULT;

    @Nested
    class Writing {
        @Test
        void writes_gx_1x_json_with_shared_options_that_differ_from_the_defaults() {
            ExpectationSuite suite = ExpectationSuite.named("trips")
                    .meta("owner", "data-platform")
                    .expect(new ColumnValuesNotNull(
                            "trip_id", DEFAULT.withMeta(Map.of("why", "key")).withId("e1")))
                    .expect(new ColumnValuesBetween(
                            "passenger_count",
                            Range.between(0L, 6L),
                            DEFAULT.withMostly(0.99)
                                    .withCatchExceptions(false)
                                    .withResultFormat(ResultFormat.SUMMARY.withPartialUnexpectedCount(5))))
                    .expect(new ColumnValuesFresh(
                            "pickup_ts",
                            Duration.ofHours(6),
                            Optional.of(Instant.parse("2024-05-02T06:00:00Z")),
                            DEFAULT.withResultFormat(ResultFormat.COMPLETE).withNotes("hourly loads")))
                    .expect(new TableColumnsMatchOrderedList(List.of()))
                    .build();

            assertThat(SuiteFiles.toJson(suite))
                    .isEqualTo(
                            """
                            {
                              "name": "trips",
                              "expectations": [
                                {
                                  "type": "expect_column_values_to_not_be_null",
                                  "kwargs": {
                                    "column": "trip_id"
                                  },
                                  "meta": {
                                    "why": "key"
                                  },
                                  "id": "e1"
                                },
                                {
                                  "type": "expect_column_values_to_be_between",
                                  "kwargs": {
                                    "column": "passenger_count",
                                    "min_value": 0,
                                    "max_value": 6,
                                    "mostly": 0.99,
                                    "result_format": {
                                      "result_format": "SUMMARY",
                                      "partial_unexpected_count": 5
                                    },
                                    "catch_exceptions": false
                                  }
                                },
                                {
                                  "type": "expect_column_values_to_be_fresh",
                                  "kwargs": {
                                    "column": "pickup_ts",
                                    "max_age": "PT6H",
                                    "now": "2024-05-02T06:00:00Z",
                                    "result_format": "COMPLETE"
                                  },
                                  "notes": "hourly loads"
                                },
                                {
                                  "type": "expect_table_columns_to_match_ordered_list",
                                  "kwargs": {
                                    "column_list": []
                                  }
                                }
                              ],
                              "meta": {
                                "owner": "data-platform"
                              }
                            }
                            """);
        }

        @Test
        void writes_gx_1x_yaml() {
            ExpectationSuite suite = ExpectationSuite.named("orders")
                    .expect(new ColumnValuesInSet("status", List.of("NEW", "yes", "1")))
                    .expect(new TableRowCountEqual(1500L))
                    .build();

            assertThat(SuiteFiles.toYaml(suite))
                    .isEqualTo(
                            """
                            name: orders
                            expectations:
                              - type: expect_column_values_to_be_in_set
                                kwargs:
                                  column: status
                                  value_set:
                                    - NEW
                                    - "yes"
                                    - "1"
                              - type: expect_table_row_count_to_equal
                                kwargs:
                                  value: 1500
                            """);
        }

        @Test
        void writes_the_row_condition_as_text() {
            ExpectationSuite suite = ExpectationSuite.named("s")
                    .expect(new ColumnValuesNotNull(
                            "fare", DEFAULT.withRowFilter(new FakeFilter("status <> 'test'", "default"))))
                    .build();

            assertThat(SuiteFiles.kwargs(suite.expectations().get(0)))
                    .isEqualTo(Map.of("column", "fare", "row_condition", "status <> 'test'"));
        }

        @Test
        void leaves_out_shared_options_the_kind_does_not_take() {
            Expectation aggregate = new ColumnMeanBetween("fare", Range.between(1L, 2L), DEFAULT.withMostly(0.5));

            assertThat(SuiteFiles.kwargs(aggregate))
                    .containsExactly(
                            Map.entry("column", "fare"), Map.entry("min_value", 1L), Map.entry("max_value", 2L));
        }
    }

    @Nested
    class Round_trips {
        @Test
        void cover_every_catalog_type() {
            assertThat(EveryType.expectations().stream().map(e -> e.type().name()))
                    .containsExactlyInAnyOrderElementsOf(ExpectationCatalog.names());
        }

        @Test
        void are_lossless_through_json() {
            ExpectationSuite suite = EveryType.suite();

            ExpectationSuite read = SuiteFiles.parse(SuiteFiles.toJson(suite), SuiteFormat.JSON, "every.json");

            assertThat(read.expectations()).containsExactlyElementsOf(suite.expectations());
            assertThat(read).isEqualTo(suite);
        }

        @Test
        void are_lossless_through_yaml() {
            ExpectationSuite suite = EveryType.suite();

            ExpectationSuite read = SuiteFiles.parse(SuiteFiles.toYaml(suite), SuiteFormat.YAML, "every.yaml");

            assertThat(read.expectations()).containsExactlyElementsOf(suite.expectations());
            assertThat(read).isEqualTo(suite);
        }

        @Test
        void are_lossless_through_files(@TempDir Path dir) {
            ExpectationSuite suite = EveryType.suite();

            for (String name : List.of("every.json", "every.yaml", "every.YML")) {
                SuiteFiles.write(suite, dir.resolve(name));
                assertThat(SuiteFiles.read(dir.resolve(name))).as(name).isEqualTo(suite);
            }
        }

        @Test
        void keep_a_row_condition() {
            ExpectationSuite suite = ExpectationSuite.named("s")
                    .expect(new ColumnValuesNotNull(
                            "fare", DEFAULT.withRowFilter(new FakeFilter("status <> 'test'", "default"))))
                    .build();

            String json = SuiteFiles.toJson(suite);

            assertThat(SuiteFiles.parse(json, SuiteFormat.JSON, "s.json", FakeFilter::parse))
                    .isEqualTo(suite);
        }

        @Test
        void keep_row_conditions_read_by_the_real_parser_in_either_syntax() {
            String yaml = "name: s\nexpectations:\n  - type: expect_column_values_to_be_between\n"
                    + "    kwargs: {column: fare, min_value: 0, row_condition: \"status <> 'test' AND amount > 5\"}\n"
                    + "  - type: expect_table_row_count_to_be_between\n"
                    + "    kwargs: {min_value: 1, row_condition: 'col(\"x\") > 5', condition_parser: great_expectations}\n";
            ExpectationSuite suite = SuiteFiles.parse(yaml, SuiteFormat.YAML, "s.yaml");

            assertThat(SuiteFiles.parse(SuiteFiles.toJson(suite), SuiteFormat.JSON, "s.json"))
                    .isEqualTo(suite);
            assertThat(suite.expectations().get(1).options().rowFilter().isNone())
                    .isFalse();
        }

        @Test
        void read_every_sample_suite_back_unchanged() {
            for (String name : List.of("gx1-taxi.json", "gx0-taxi.json", "gx1-orders.yaml", "gx0-orders.yml")) {
                ExpectationSuite suite = SuiteFiles.read(SuiteFilesTest.resource(name));
                assertThat(SuiteFiles.parse(SuiteFiles.toYaml(suite), SuiteFormat.YAML, name))
                        .as(name)
                        .isEqualTo(suite);
            }
        }
    }

    @Nested
    class Atomic_writes {
        @Test
        void leave_only_the_suite_file_in_the_directory(@TempDir Path dir) throws IOException {
            SuiteFiles.write(EveryType.suite(), dir.resolve("suite.json"));

            try (Stream<Path> files = Files.list(dir)) {
                assertThat(files.map(p -> p.getFileName().toString())).containsExactly("suite.json");
            }
        }

        @Test
        void replace_an_existing_file_keeping_its_permissions(@TempDir Path dir) throws IOException {
            Path file = dir.resolve("suite.yaml");
            Files.writeString(file, "old");
            boolean posix = Files.getFileStore(file).supportsFileAttributeView("posix");
            Set<PosixFilePermission> permissions = PosixFilePermissions.fromString("rw-rw-r--");
            if (posix) {
                Files.setPosixFilePermissions(file, permissions);
            }

            SuiteFiles.write(EveryType.suite(), file);

            assertThat(SuiteFiles.read(file)).isEqualTo(EveryType.suite());
            if (posix) {
                assertThat(Files.getPosixFilePermissions(file)).isEqualTo(permissions);
            }
        }

        @Test
        void create_a_new_file_with_default_permissions(@TempDir Path dir) throws IOException {
            Path file = dir.resolve("suite.json");
            Path plain = Files.createFile(dir.resolve("plain.txt"));

            SuiteFiles.write(EveryType.suite(), file);

            if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
                assertThat(Files.getPosixFilePermissions(file)).isEqualTo(Files.getPosixFilePermissions(plain));
            }
        }

        @Test
        void leave_the_target_and_no_temporary_file_when_the_move_fails(@TempDir Path dir) throws IOException {
            Path target = Files.createDirectory(dir.resolve("suite.json"));
            Files.writeString(target.resolve("keep.txt"), "kept");

            assertThatThrownBy(() -> SuiteFiles.write(EveryType.suite(), target))
                    .isInstanceOf(SourceUnavailableException.class)
                    // The rest of the message is the operating system's reason.
                    .hasMessageStartingWith(target + ": cannot write the suite file: ")
                    .hasCauseInstanceOf(FileSystemException.class);

            try (Stream<Path> files = Files.list(dir)) {
                assertThat(files.map(p -> p.getFileName().toString())).containsExactly("suite.json");
            }
            assertThat(Files.readString(target.resolve("keep.txt"))).isEqualTo("kept");
        }

        @Test
        void refuse_an_unknown_extension_before_touching_the_disk(@TempDir Path dir) throws IOException {
            Path file = dir.resolve("suite.txt");

            assertThatThrownBy(() -> SuiteFiles.write(EveryType.suite(), file))
                    .isInstanceOf(SuiteFormatException.class)
                    .hasMessage(file + ": unknown suite file extension; use .json, .yaml or .yml");
            try (Stream<Path> files = Files.list(dir)) {
                assertThat(files).isEmpty();
            }
        }
    }
}
