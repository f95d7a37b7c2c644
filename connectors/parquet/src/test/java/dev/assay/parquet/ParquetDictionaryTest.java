package dev.assay.parquet;

import static dev.assay.expectation.Expectations.column;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.engine.Validator;
import dev.assay.model.ExpectationSuite;
import dev.assay.model.RowFilter;
import dev.assay.result.ValidationResult;
import dev.assay.source.RecordBatch;
import dev.assay.source.ScanRequest;
import dev.assay.source.Split;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.parquet.example.data.Group;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dictionary-encoded text reaches the engine as ids and a dictionary, and validates as expanded text does. */
class ParquetDictionaryTest {
    private static final String SCHEMA =
            "message m { required int64 id; optional binary city (STRING); optional binary code (STRING); }";
    private static final String[] CITIES = {"Oslo", "Lima", "Graz", "Kyiv", "Perth"};

    @TempDir
    Path dir;

    private Path write(boolean dictionary) {
        ParquetFiles writer = ParquetFiles.schema(SCHEMA).rowGroupRows(1_000).dictionary(dictionary);
        List<Group> rows = new ArrayList<>();
        for (long i = 0; i < 3_000; i++) {
            Group g = writer.row().append("id", i);
            if (i % 7 != 0) {
                g.append("city", i % 500 == 0 ? "Atlantis" : CITIES[(int) (i % CITIES.length)]);
            }
            g.append("code", "C" + (i % 1_300));
            rows.add(g);
        }
        return writer.write(dir.resolve((dictionary ? "dict" : "plain") + ".parquet"), rows);
    }

    @Test
    void a_dictionary_encoded_text_column_arrives_as_ids_when_the_engine_allows_it() {
        ParquetSource source = ParquetSource.file(write(true));
        List<String> kinds = new ArrayList<>();
        List<Object> firstValues = new ArrayList<>();
        try (BufferAllocator allocator = new RootAllocator()) {
            ScanRequest request = new ScanRequest(List.of("id", "city"), allocator, 400, Set.of("city"));
            for (Split split : source.splits(request)) {
                split.read((RecordBatch batch) -> {
                    var city = batch.root().getVector("city");
                    VarCharVector dictionary = batch.dictionary("city").orElseThrow();
                    kinds.add(city.getClass().getSimpleName());
                    if (firstValues.isEmpty()) {
                        IntVector ids = (IntVector) city;
                        firstValues.add(ids.isNull(0) ? null : dictionary.getObject(ids.get(0)));
                        firstValues.add(dictionary.getObject(ids.get(1)).toString());
                    }
                    assertThat(batch.dictionary("id")).isEmpty();
                });
            }
            assertThat(allocator.getAllocatedMemory()).isZero();
        }
        assertThat(kinds).hasSize(9).containsOnly("IntVector");
        assertThat(firstValues).containsExactly(null, "Lima");
    }

    @Test
    void without_permission_or_without_a_dictionary_text_arrives_expanded() {
        try (BufferAllocator allocator = new RootAllocator()) {
            for (ScanRequest request : List.of(
                    new ScanRequest(List.of("city"), allocator, 1_000),
                    new ScanRequest(List.of("city"), allocator, 1_000, Set.of("city")))) {
                Path file = request.dictionaryColumns().isEmpty() ? write(true) : write(false);
                for (Split split : ParquetSource.file(file).splits(request)) {
                    split.read(batch -> {
                        assertThat(batch.root().getVector("city")).isInstanceOf(VarCharVector.class);
                        assertThat(batch.dictionary("city")).isEmpty();
                    });
                }
            }
        }
    }

    @Test
    void validates_the_same_as_expanded_text() {
        ExpectationSuite suite = ExpectationSuite.named("cities")
                .expect(column("city")
                        .inSet((Object[]) CITIES)
                        .notInSet("Atlantis", "Troy", "Ys", "Avalon", "Thule", "Lemuria", "Mu", "Hy-Brasil", "El")
                        .uniqueValueCountBetween(1, 10)
                        .distinctValuesContain("Oslo")
                        .lengthBetween(4, 5)
                        .matches("^[A-Z][a-z]+$")
                        .notNull()
                        .minBetween("Graz", "Graz")
                        .maxBetween("Perth", "Perth"))
                .expect(column("code").unique().inSet("C1", "C2"))
                .expect(column("city").inSet("Oslo").where(RowFilter.parse("id < 100")))
                .build();

        ValidationResult dictionary = Validator.create().validate(ParquetSource.file(write(true)), suite);
        ValidationResult plain = Validator.create().validate(ParquetSource.file(write(false)), suite);

        assertThat(dictionary.results()).isEqualTo(plain.results());
        assertThat(dictionary.results()).extracting(r -> r.success()).contains(false, true);
    }
}
