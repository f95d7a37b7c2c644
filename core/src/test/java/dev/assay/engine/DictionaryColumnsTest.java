package dev.assay.engine;

import static dev.assay.expectation.Expectations.column;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.model.ExpectationSuite;
import dev.assay.model.RowFilter;
import dev.assay.result.ValidationResult;
import dev.assay.source.BadCells;
import dev.assay.source.Batch;
import dev.assay.source.DatasetSchema;
import dev.assay.source.InMemoryBatch;
import dev.assay.source.RecordBatch;
import dev.assay.source.ScanRequest;
import dev.assay.source.Split;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;

/** Text delivered as dictionary ids validates exactly as the same text delivered expanded. */
class DictionaryColumnsTest {
    private static final String[] DICTIONARY = {"CASH", "CARD", "BITCOIN", "NO_CHARGE", "ÜBER"};
    private static final Integer[] IDS = {1, 0, null, 2, 1, 4, 3, 0, null, 1, 2, 4};

    private static List<Object> values() {
        return Arrays.stream(IDS)
                .map(id -> id == null ? null : (Object) DICTIONARY[id])
                .toList();
    }

    private static final InMemoryBatch EXPANDED = InMemoryBatch.named("pay")
            .column("id", "int64", (Object[])
                    java.util.stream.LongStream.range(0, IDS.length).boxed().toArray(Long[]::new))
            .column("payment", "string", values())
            .build();

    /** The same rows, {@code payment} as ids into {@link #DICTIONARY} whenever the request allows. */
    private static final class Encoded implements Batch {
        final List<Set<String>> requested = new ArrayList<>();

        @Override
        public String name() {
            return "pay";
        }

        @Override
        public DatasetSchema schema() {
            return EXPANDED.schema();
        }

        @Override
        public List<Split> splits(ScanRequest request) {
            requested.add(request.dictionaryColumns());
            if (!request.dictionaryColumns().contains("payment")) {
                return EXPANDED.splits(request);
            }
            return List.of(sink -> {
                BufferAllocator allocator = request.allocator();
                try (VarCharVector dictionary = new VarCharVector("payment", allocator);
                        IntVector ids = new IntVector("payment", allocator);
                        BigIntVector id = new BigIntVector("id", allocator)) {
                    dictionary.allocateNew();
                    for (int k = 0; k < DICTIONARY.length; k++) {
                        dictionary.setSafe(k, DICTIONARY[k].getBytes(StandardCharsets.UTF_8));
                    }
                    dictionary.setValueCount(DICTIONARY.length);
                    ids.allocateNew(IDS.length);
                    id.allocateNew(IDS.length);
                    for (int row = 0; row < IDS.length; row++) {
                        id.set(row, row);
                        if (IDS[row] == null) {
                            ids.setNull(row);
                        } else {
                            ids.set(row, IDS[row]);
                        }
                    }
                    ids.setValueCount(IDS.length);
                    id.setValueCount(IDS.length);
                    List<org.apache.arrow.vector.FieldVector> vectors = new ArrayList<>();
                    for (String c : request.columns()) {
                        vectors.add(c.equals("id") ? id : ids);
                    }
                    VectorSchemaRoot root = new VectorSchemaRoot(vectors);
                    root.setRowCount(IDS.length);
                    sink.accept(new RecordBatch(root, 0, BadCells.none(), Map.of("payment", dictionary)));
                }
            });
        }
    }

    @Test
    void every_expectation_on_the_column_sees_the_same_values() {
        ExpectationSuite suite = ExpectationSuite.named("pay")
                .expect(column("payment")
                        .inSet("CASH", "CARD")
                        .inSet("CASH", "CARD", "NO_CHARGE", "A", "B", "C", "D", "E", "F", "G")
                        .notInSet("BITCOIN")
                        .notNull()
                        .unique()
                        .uniqueValueCountBetween(5, 5)
                        .distinctValuesEqual((Object[]) DICTIONARY)
                        .lengthBetween(4, 4)
                        .matches("^[A-Z]+$")
                        .minBetween("BITCOIN", "BITCOIN")
                        .maxBetween("ÜBER", "ÜBER"))
                .build();
        Encoded encoded = new Encoded();

        ValidationResult fromIds = Validator.create().validate(encoded, suite);
        ValidationResult fromText = Validator.create().validate(EXPANDED, suite);

        assertThat(encoded.requested).containsExactly(Set.of("payment"));
        assertThat(fromIds.results()).isEqualTo(fromText.results());
        assertThat(fromIds.results()).extracting(r -> r.success()).contains(true, false);
    }

    @Test
    void a_column_a_row_filter_reads_is_never_asked_for_as_ids() {
        Encoded encoded = new Encoded();
        ExpectationSuite suite = ExpectationSuite.named("pay")
                .expect(column("id").between(0, 5).where(RowFilter.parse("payment = 'CASH'")))
                .build();

        ValidationResult fromIds = Validator.create().validate(encoded, suite);

        assertThat(encoded.requested).containsExactly(Set.of());
        assertThat(fromIds.results())
                .isEqualTo(Validator.create().validate(EXPANDED, suite).results());
    }
}
