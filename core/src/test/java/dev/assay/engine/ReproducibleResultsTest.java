package dev.assay.engine;

import static dev.assay.expectation.Expectations.column;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.engine.arrow.ArrowEngine;
import dev.assay.model.ExpectationSuite;
import dev.assay.result.ExpectationResult;
import dev.assay.result.ValidationResult;
import dev.assay.source.InMemoryBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The same data gives the same result on every run, whichever thread reads which split. */
class ReproducibleResultsTest {
    @Test
    void floating_point_sums_and_moments_do_not_depend_on_thread_timing() {
        // Magnitudes from 1e-3 to 1e15 in 200 splits: summed in another order, the last bits differ.
        SplittableRandom random = new SplittableRandom(7);
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            values.add((random.nextBoolean() ? 1 : -1) * Math.pow(10, random.nextInt(-3, 16)) * random.nextDouble());
        }
        InMemoryBatch batch = InMemoryBatch.named("wide")
                .column("x", "float64", values)
                .rowsPerSplit(10)
                .build();
        ExpectationSuite suite = ExpectationSuite.named("moments")
                .expect(column("x")
                        .sumBetween(-1e300, 1e300)
                        .meanBetween(-1e300, 1e300)
                        .stdevBetween(0, 1e300))
                .build();

        List<Object> expected = observed(Validator.create()
                .withEngine(ArrowEngine.create().withParallelism(1))
                .validate(batch, suite));
        Validator parallel = Validator.create().withEngine(ArrowEngine.create().withParallelism(4));
        for (int run = 0; run < 25; run++) {
            assertThat(observed(parallel.validate(batch, suite)))
                    .as("run %d", run)
                    .isEqualTo(expected);
        }
    }

    private static List<Object> observed(ValidationResult result) {
        return result.results().stream()
                .map(ExpectationResult::details)
                .map(d -> d.observedValue().orElseThrow())
                .toList();
    }
}
