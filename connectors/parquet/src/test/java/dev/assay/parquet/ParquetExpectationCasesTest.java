package dev.assay.parquet;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.cases.ExpectationCases;
import dev.assay.engine.Validator;
import dev.assay.engine.arrow.ArrowEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.parquet.example.data.Group;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every engine-neutral case of core's table on the case datasets written as Parquet files: once as
 * one row group, once as row groups of three rows read on four threads.
 */
class ParquetExpectationCasesTest {
    private static final Clock NOW = Clock.fixed(Instant.parse("2024-01-03T12:00:00Z"), ZoneOffset.UTC);
    private static Path dir;
    private static final Map<String, Path> FILES = new HashMap<>();

    @BeforeAll
    static void createDirectory() throws Exception {
        dir = Files.createTempDirectory("assay-parquet-cases");
    }

    @AfterAll
    static void deleteDirectory() throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }

    @TestFactory
    Stream<DynamicTest> every_case_on_one_row_group() {
        return cases(Integer.MAX_VALUE, 1);
    }

    @TestFactory
    Stream<DynamicTest> every_case_on_many_row_groups_and_threads() {
        return cases(3, 4);
    }

    private static Stream<DynamicTest> cases(int rowGroupRows, int threads) {
        Validator validator = Validator.create()
                .withEngine(ArrowEngine.create().withParallelism(threads))
                .withClock(NOW);
        return ExpectationCases.all().stream()
                .map(c -> DynamicTest.dynamicTest(
                        c.toString(),
                        () -> ExpectationCases.check(
                                c, ExpectationCases.run(c, validator, file(c.dataset(), rowGroupRows)))));
    }

    /** The dataset as a Parquet file, written once per dataset and row group size. */
    static synchronized ParquetSource file(JsonNode dataset, int rowGroupRows) {
        String name = dataset.get("name").asText();
        Path path = FILES.computeIfAbsent(
                name + "-" + rowGroupRows, k -> write(dataset, rowGroupRows, dir.resolve(k + ".parquet")));
        return ParquetSource.file(path).named(name);
    }

    private static Path write(JsonNode dataset, int rowGroupRows, Path file) {
        StringBuilder schema =
                new StringBuilder("message " + dataset.get("name").asText() + " {");
        List<JsonNode> columns = new ArrayList<>();
        dataset.get("columns").forEach(columns::add);
        for (JsonNode c : columns) {
            schema.append(" optional ")
                    .append(parquetType(c.get("type").asText()))
                    .append(' ')
                    .append(c.get("name").asText())
                    .append(annotation(c.get("type").asText()))
                    .append(';');
        }
        ParquetFiles writer = ParquetFiles.schema(schema + " }").rowGroupRows(rowGroupRows);
        int rows = columns.get(0).get("values").size();
        List<Group> groups = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            Group g = writer.row();
            for (JsonNode c : columns) {
                JsonNode v = c.get("values").get(r);
                if (v.isNull()) {
                    continue;
                }
                String name = c.get("name").asText();
                switch (c.get("type").asText()) {
                    case "int64":
                        g.append(name, v.asLong());
                        break;
                    case "float64":
                        g.append(name, v.asDouble());
                        break;
                    case "boolean":
                        g.append(name, v.asBoolean());
                        break;
                    case "date":
                        g.append(name, (int) LocalDate.parse(v.asText()).toEpochDay());
                        break;
                    case "timestamp":
                        g.append(
                                name,
                                ChronoUnit.MICROS.between(
                                        Instant.EPOCH,
                                        LocalDateTime.parse(v.asText()).toInstant(ZoneOffset.UTC)));
                        break;
                    case "timestamp_tz":
                        g.append(name, ChronoUnit.MICROS.between(Instant.EPOCH, Instant.parse(v.asText())));
                        break;
                    default:
                        g.append(name, v.asText());
                        break;
                }
            }
            groups.add(g);
        }
        return writer.write(file, groups);
    }

    private static String parquetType(String type) {
        switch (type) {
            case "int64":
            case "timestamp":
            case "timestamp_tz":
                return "int64";
            case "float64":
                return "double";
            case "boolean":
                return "boolean";
            case "date":
                return "int32";
            default:
                return "binary";
        }
    }

    private static String annotation(String type) {
        switch (type) {
            case "string":
                return " (STRING)";
            case "date":
                return " (DATE)";
            case "timestamp":
                return " (TIMESTAMP(MICROS,false))";
            case "timestamp_tz":
                return " (TIMESTAMP(MICROS,true))";
            default:
                return "";
        }
    }
}
