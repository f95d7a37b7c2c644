package dev.assay.engine;

import static dev.assay.expectation.Expectations.column;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.engine.arrow.ArrowEngine;
import dev.assay.error.MalformedDataException;
import dev.assay.model.ExpectationSuite;
import dev.assay.source.Batch;
import dev.assay.source.DatasetSchema;
import dev.assay.source.InMemoryBatch;
import dev.assay.source.ScanRequest;
import dev.assay.source.Split;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** A split that fails stops the scan, but only after the other workers have freed what they hold. */
class FailingSplitTest {
    private static final InMemoryBatch DATA =
            InMemoryBatch.named("data").column("x", "int64", 1L, 2L, 3L).build();

    @Test
    void the_failure_is_reported_after_the_splits_in_flight_finish() {
        AtomicBoolean slowFinished = new AtomicBoolean();
        CountDownLatch slowStarted = new CountDownLatch(1);
        Batch batch = new Batch() {
            @Override
            public String name() {
                return "two splits";
            }

            @Override
            public DatasetSchema schema() {
                return DATA.schema();
            }

            @Override
            public List<Split> splits(ScanRequest request) {
                Split data = DATA.splits(request).get(0);
                Split slow = sink -> {
                    slowStarted.countDown();
                    // Busy for a while, deaf to interrupts, as a split in the middle of a read is.
                    long until = System.nanoTime() + 300_000_000L;
                    while (System.nanoTime() < until) {
                        Thread.onSpinWait();
                    }
                    data.read(sink);
                    slowFinished.set(true);
                };
                Split failing = sink -> {
                    try {
                        slowStarted.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    throw new MalformedDataException("data.csv:7: bad row");
                };
                return List.of(failing, slow);
            }
        };
        Validator validator = Validator.create().withEngine(ArrowEngine.create().withParallelism(2));

        assertThatThrownBy(() -> validator.validate(
                        batch,
                        ExpectationSuite.named("s")
                                .expect(column("x").meanBetween(0, 10))
                                .build()))
                .isInstanceOf(MalformedDataException.class)
                .hasMessage("data.csv:7: bad row");
        assertThat(slowFinished).isTrue();
    }
}
