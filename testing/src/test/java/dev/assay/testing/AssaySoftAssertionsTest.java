package dev.assay.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.engine.Validator;
import dev.assay.result.ValidationResult;
import dev.assay.source.Batch;
import org.assertj.core.api.SoftAssertionsProvider;
import org.junit.jupiter.api.Test;

class AssaySoftAssertionsTest {
    private final Batch orders = Fixtures.orders();
    private final ValidationResult broken = Validator.create().validate(orders, Fixtures.brokenSuite());

    @Test
    void collectsFailuresOfResultsAndColumns() {
        AssaySoftAssertions softly = new AssaySoftAssertions();
        softly.assertThat(broken).isSuccessful();
        softly.assertThat(orders).column("amount").hasNoNulls().valuesBetween(0, 1);
        softly.assertThat(orders).column("status").hasNoNulls();

        assertThat(softly.errorsCollected()).hasSize(3);
        assertThat(softly.errorsCollected().get(0))
                .hasMessageStartingWith("Expected suite 'orders_suite' on 'orders' to pass, but 2 of 3");
        assertThat(softly.errorsCollected().get(1))
                .hasMessageContaining("expect_column_values_to_not_be_null on column 'amount' failed")
                .hasMessageContaining("1 of 3 values (33.33%) are null");
        assertThat(softly.errorsCollected().get(2))
                .hasMessageContaining("expect_column_values_to_be_between on column 'amount' failed")
                .hasMessageContaining("unexpected values: 2 (row 1)");
        assertThatThrownBy(softly::assertAll)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Multiple Failures (3 failures)");
    }

    @Test
    void collectsTwoFailuresAndReportsBothAtTheEnd() {
        assertThatThrownBy(() -> SoftAssertionsProvider.assertSoftly(AssaySoftAssertions.class, softly -> {
                    softly.assertThat(broken).hasPassed("expect_column_values_to_be_in_set", "status");
                    softly.assertThat(orders).satisfies(Fixtures.brokenSuite());
                    softly.assertThat(orders).satisfies(Fixtures.passingSuite());
                    softly.assertThat(1).isEqualTo(1);
                }))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Multiple Failures (2 failures)")
                .hasMessageContaining("Expected expect_column_values_to_be_in_set on column 'status' to have passed")
                .hasMessageContaining("Expected batch 'orders' to satisfy suite 'orders_suite'");
    }

    @Test
    void passingSoftAssertionsCollectNothing() {
        AssaySoftAssertions softly = new AssaySoftAssertions();
        softly.assertThat(broken).isNotSuccessful().hasFailed("expect_column_values_to_not_be_null", "amount");
        softly.assertThat(orders)
                .satisfies(Fixtures.passingSuite())
                .column("status")
                .hasNoNulls();
        assertThat(softly.errorsCollected()).isEmpty();
        softly.assertAll();
    }

    @Test
    void aDataAssetIsAssertedSoftlyOnAllOfItsData() {
        dev.assay.source.DataAsset events = dev.assay.source.FileSource.folder(
                        java.nio.file.Path.of("src/test/resources/fixtures/events"))
                .asset("events", "day={day}/*.csv");
        AssaySoftAssertions softly = new AssaySoftAssertions();
        softly.assertThat(events).hasRowCount(4).column("kind").valuesInSet("click");
        assertThat(softly.errorsCollected()).hasSize(2);
        assertThat(softly.errorsCollected().get(0))
                .isInstanceOf(AssayAssertionError.class)
                .hasMessageContaining("the row count 5 is not 4");
        assertThat(softly.errorsCollected().get(1)).hasMessageContaining("2 of 5 values (40%) are not in {'click'}");
    }
}
