package dev.assay.testing;

import static dev.assay.testing.AssayAssertions.assertThat;
import static dev.assay.testing.AssaySuites.suite;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.source.Batch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ParameterResolutionException;

@ExtendWith(AssayExtension.class)
class AssayExtensionTest {
    /** The first batch any test of this class received for fixtures/orders.csv. */
    private static final AtomicReference<Batch> FIRST = new AtomicReference<>();

    private static void sameAsFirst(Batch orders) {
        FIRST.compareAndSet(null, orders);
        assertThat(orders).isSameAs(FIRST.get());
    }

    @Test
    void aParameterReceivesTheFixture(@AssayData("fixtures/orders.csv") Batch orders) {
        assertThat(orders.schema().columnNames()).containsExactly("order_id", "amount", "status");
        assertThat(orders).column("amount").hasNoNulls().valuesBetween(0, 10_000);
        sameAsFirst(orders);
    }

    @Test
    void theFixtureSatisfiesItsSuite(@AssayData("fixtures/orders.csv") Batch orders) {
        assertThat(orders).satisfies(suite("orders"));
        sameAsFirst(orders);
    }

    @Test
    void aBrokenSuiteFailsListingEachBrokenExpectation(@AssayData("fixtures/orders.csv") Batch orders) {
        assertThatThrownBy(() -> assertThat(orders).satisfies(suite("orders-strict")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("amount")
                .hasMessageContaining("status");
    }

    @Test
    void twoParametersOfOnePathShareOneBatch(
            @AssayData("fixtures/orders.csv") Batch first, @AssayData("fixtures/orders.csv") Batch second) {
        assertThat(first).isSameAs(second);
        sameAsFirst(first);
    }

    @Test
    void aFileRelativeToTheWorkingDirectoryIsFound(@AssayData("src/test/resources/fixtures/orders.csv") Batch orders) {
        assertThat(orders.schema().columnNames()).contains("amount");
    }

    /** The gzip fixture, written from the plain one before the tests resolve their parameters. */
    @BeforeAll
    static void gzipTheFixture() throws java.io.IOException {
        java.nio.file.Path gzip = java.nio.file.Path.of("target/generated-fixtures/orders.csv.gz");
        java.nio.file.Files.createDirectories(gzip.getParent());
        try (java.io.OutputStream out = new java.util.zip.GZIPOutputStream(java.nio.file.Files.newOutputStream(gzip))) {
            java.nio.file.Files.copy(java.nio.file.Path.of("src/test/resources/fixtures/orders.csv"), out);
        }
    }

    @Test
    void aGzipFixtureIsRead(@AssayData("target/generated-fixtures/orders.csv.gz") Batch orders) {
        assertThat(orders).satisfies(suite("orders"));
        assertThat(orders).isNotSameAs(FIRST.get());
    }

    @Test
    void aMissingFixtureNamesBothPlacesLooked() {
        assertThatThrownBy(() -> AssayExtension.load("fixtures/nope.csv", AssayExtensionTest.class))
                .isInstanceOf(ParameterResolutionException.class)
                .hasMessageContaining("@AssayData(\"fixtures/nope.csv\")")
                .hasMessageContaining("classpath resource 'fixtures/nope.csv'")
                .hasMessageContaining("the file /")
                .hasMessageContaining("nope.csv");
    }

    @Test
    void anUnsupportedExtensionIsSaidSo() {
        assertThatThrownBy(() -> AssayExtension.load("assay/suites/orders.json", AssayExtensionTest.class))
                .isInstanceOf(ParameterResolutionException.class)
                .hasMessageStartingWith("@AssayData(\"assay/suites/orders.json\"): unsupported extension; the formats"
                        + " on the class path are ")
                .hasMessageContaining("csv (.csv, ")
                .hasMessageContaining("parquet (.parquet, .parq)");
    }

    @Test
    void aSuiteIsReadOnceAndShared() {
        assertThat(suite("orders")).isSameAs(suite("orders"));
        assertThat(suite("orders-strict").expectations()).hasSize(2);
    }

    @Test
    void aMissingSuiteNamesThePathsTriedAndTheSuitesFound() {
        assertThatThrownBy(() -> suite("nope"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("assay/suites/nope.json, assay/suites/nope.yaml, assay/suites/nope.yml")
                .hasMessageContaining("orders, orders-strict");
    }
}
