package dev.assay.cases;

import dev.assay.engine.Validator;
import dev.assay.engine.arrow.ArrowEngine;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Runs every engine-neutral case on the Arrow engine, with one split and with many small splits. */
class ExpectationCasesTest {
    private static final Clock NOW = Clock.fixed(Instant.parse("2024-01-03T12:00:00Z"), ZoneOffset.UTC);

    @TestFactory
    Stream<DynamicTest> every_case_on_one_split() {
        return cases(Integer.MAX_VALUE, 1);
    }

    @TestFactory
    Stream<DynamicTest> every_case_on_many_splits_and_threads() {
        return cases(3, 4);
    }

    private static Stream<DynamicTest> cases(int rowsPerSplit, int threads) {
        Validator validator = Validator.create()
                .withEngine(ArrowEngine.create().withParallelism(threads))
                .withClock(NOW);
        return ExpectationCases.all().stream()
                .map(c -> DynamicTest.dynamicTest(
                        c.toString(),
                        () -> ExpectationCases.check(
                                c,
                                ExpectationCases.run(
                                        c, validator, ExpectationCases.batch(c.dataset(), rowsPerSplit)))));
    }
}
