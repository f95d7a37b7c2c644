package dev.assay.engine;

import static dev.assay.expectation.Expectations.column;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.engine.arrow.ArrowEngine;
import dev.assay.model.ExpectationSuite;
import dev.assay.result.ResultDetails;
import dev.assay.result.ValidationResult;
import dev.assay.source.InMemoryBatch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Uniqueness over enough rows to exercise the dense-page and hash-table paths, their switch, and the
 * merge of workers' partial tables, against a reference computed with a plain map.
 */
class UniquenessAtScaleTest {
    @ParameterizedTest(name = "{0} ids, {1} threads")
    @CsvSource({"dense, 1", "dense, 4", "sparse, 1", "sparse, 4", "mixed, 4", "strings, 1", "strings, 4"})
    void counts_and_samples_match_a_reference(String layout, int threads) {
        int rows = 200_000;
        SplittableRandom random = new SplittableRandom(11);
        List<Object> ids = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            long id;
            switch (layout) {
                case "dense":
                    id = i;
                    break;
                case "sparse":
                case "strings":
                    id = random.nextLong();
                    break;
                default:
                    id = i < rows / 2 ? i : random.nextLong();
            }
            // Plant repeats, some close together and some far apart (across splits and workers).
            if (i % 997 == 5) {
                id = (Long) ids.get(i - 1);
            } else if (i % 1999 == 7) {
                id = (Long) ids.get(i / 3);
            }
            ids.add(id);
        }
        Map<Object, Integer> counts = new HashMap<>();
        ids.forEach(id -> counts.merge(id, 1, Integer::sum));
        long expectedUnexpected =
                counts.values().stream().filter(c -> c > 1).mapToLong(c -> c).sum();
        List<Long> expectedRows = new ArrayList<>();
        for (int i = 0; i < rows && expectedRows.size() < 20; i++) {
            if (counts.get(ids.get(i)) > 1) {
                expectedRows.add((long) i);
            }
        }

        InMemoryBatch batch = InMemoryBatch.named("ids")
                .column("id", "int64", ids)
                .rowsPerSplit(4096)
                .build();
        ValidationResult result = Validator.create()
                .withEngine(ArrowEngine.create().withParallelism(threads))
                .validate(
                        batch,
                        ExpectationSuite.named("u")
                                .expect(column("id").unique())
                                .build());

        ResultDetails details = result.results().get(0).details();
        assertThat(details.counts().orElseThrow().unexpectedCount()).isEqualTo(expectedUnexpected);
        assertThat(details.unexpectedIndex()).containsExactlyElementsOf(expectedRows);
        for (int k = 0; k < expectedRows.size(); k++) {
            assertThat(details.unexpectedValues().get(k))
                    .isEqualTo(ids.get(expectedRows.get(k).intValue()));
        }
    }
}
