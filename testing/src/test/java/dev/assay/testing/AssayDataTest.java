package dev.assay.testing;

import static dev.assay.testing.AssayAssertions.assertThat;
import static dev.assay.testing.AssaySuites.suite;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.engine.Validator;
import dev.assay.parquet.ParquetFiles;
import dev.assay.source.Batch;
import dev.assay.source.BatchRequest;
import dev.assay.source.DataAsset;
import dev.assay.source.FileAsset;
import dev.assay.source.FileDataSource;
import dev.assay.source.FileSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.parquet.example.data.Group;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ParameterResolutionException;

@AssayTest
class AssayDataTest {
    private static final String PARQUET = "target/generated-fixtures/orders.parquet";
    private static final AtomicReference<Validator> FIRST_VALIDATOR = new AtomicReference<>();

    /** Set before all tests: a static field. */
    @AssayData(value = "fixtures/events", pattern = "day={day}/*.csv")
    static DataAsset events;

    /** Set before each test: an instance field. */
    @AssayData("fixtures/orders.csv")
    Batch orders;

    /** The orders fixture as Parquet, written before the tests resolve their parameters. */
    @BeforeAll
    static void writeParquet() throws IOException {
        Path file = Path.of(PARQUET);
        Files.createDirectories(file.getParent());
        ParquetFiles writer = ParquetFiles.schema("message orders {"
                + " required int64 order_id; required int64 amount; required binary status (STRING); }");
        List<Group> rows = new ArrayList<>();
        long[][] values = {{1, 10}, {2, 250}, {3, 9000}};
        String[] status = {"open", "paid", "paid"};
        for (int i = 0; i < values.length; i++) {
            rows.add(writer.row()
                    .append("order_id", values[i][0])
                    .append("amount", values[i][1])
                    .append("status", status[i]));
        }
        writer.write(file, rows);
    }

    @Test
    void fieldsAreSet() {
        assertThat(orders).hasRowCount(3).hasColumnsInOrder("order_id", "amount", "status");
        assertThat(events.name()).isEqualTo("events");
        assertThat(events.availableBatches())
                .containsExactly(BatchRequest.of("day", "2024-01-01"), BatchRequest.of("day", "2024-01-02"));
    }

    @Test
    void aDataAssetIsAssertedOnAllOfItsData() {
        assertThat(events).hasRowCount(5).columns("ended", "started").firstAtLeastSecond();
        assertThat(events.latestBatch()).hasRowCount(3);
    }

    @Test
    void aFolderAndAPatternFillABatchWithAllOfTheAsset(
            @AssayData(value = "fixtures/events", pattern = "day={day}/*.csv", name = "clicks") Batch all) {
        assertThat(all).hasRowCount(5).column("event_id").isUnique();
        assertThat(all.identity())
                .hasValueSatisfying(id -> assertThat(id.asset()).isEqualTo("clicks"));
    }

    @Test
    void aFileAssetAndAFolderSourceAreFilled(
            @AssayData(value = "fixtures/events", pattern = "day={day}/*.csv") FileAsset asset,
            @AssayData("fixtures/events") FileDataSource folder,
            @AssayData("fixtures/events") FileSource sameFolder) {
        assertThat(asset.pattern()).isEqualTo("day={day}/*.csv");
        assertThat(folder.root()).endsWith("fixtures/events");
        assertThat(sameFolder.root()).isEqualTo(folder.root());
        assertThat(folder.asset("every", "**/*.csv").batch()).hasRowCount(5);
    }

    @Test
    void aFolderWithoutAPatternIsEveryFileOfAKnownFormat(@AssayData("fixtures/events") DataAsset everything) {
        assertThat(everything).hasRowCount(5);
        assertThat(everything.availableBatches()).hasSize(2); // the day=... folders still split it
    }

    @Test
    void aParquetFileIsReadByItsExtension(@AssayData(PARQUET) Batch parquet) {
        assertThat(parquet).satisfies(suite("orders")).hasRowCount(3);
        assertThat(parquet).column("amount").hasType("int64").sumBetween(9260, 9260);
    }

    @Test
    void theClassSharesOneValidatorWhichTheAssertionsUse(Validator validator) {
        FIRST_VALIDATOR.compareAndSet(null, validator);
        assertThat(validator).isSameAs(FIRST_VALIDATOR.get()).isNotSameAs(BatchAssert.DEFAULT_VALIDATOR);
        assertThat(ValidatorScope.current()).isSameAs(validator);
    }

    @Test
    void theValidatorIsSharedWithAnotherTest(Validator validator) {
        theClassSharesOneValidatorWhichTheAssertionsUse(validator);
    }

    @Test
    void aPatternOnAFileIsRefused() {
        assertThatThrownBy(() -> FixtureData.open(
                        new FixtureData.Spec("fixtures/orders.csv", "*.csv", ""), Batch.class, getClass()))
                .isInstanceOf(ParameterResolutionException.class)
                .hasMessageStartingWith("@AssayData(value = \"fixtures/orders.csv\", pattern = \"*.csv\"): a pattern"
                        + " needs a folder, but /")
                .hasMessageEndingWith("fixtures/orders.csv is a file");
    }

    @Test
    void aFolderSourceOfAFileIsRefused() {
        assertThatThrownBy(() -> FixtureData.open(
                        new FixtureData.Spec("fixtures/orders.csv", "", ""), FileDataSource.class, getClass()))
                .isInstanceOf(ParameterResolutionException.class)
                .hasMessageContaining("a FileDataSource is a folder, but /")
                .hasMessageEndingWith("orders.csv is a file");
    }

    @Test
    void anUnsupportedTypeIsRefused() {
        assertThatThrownBy(() ->
                        FixtureData.open(new FixtureData.Spec("fixtures/orders.csv", "", ""), String.class, getClass()))
                .isInstanceOf(ParameterResolutionException.class)
                .hasMessage("@AssayData(\"fixtures/orders.csv\") cannot fill a java.lang.String; it fills"
                        + " [Batch, DataAsset, FileAsset, FileDataSource, FileSource]");
    }

    @Test
    void aPatternMatchingNothingSaysSo() {
        assertThatThrownBy(() -> FixtureData.open(
                        new FixtureData.Spec("fixtures/events", "*.parquet", ""), DataAsset.class, getClass()))
                .isInstanceOf(ParameterResolutionException.class)
                .hasMessageContaining("no files of a known format match pattern '*.parquet' in /")
                .hasMessageContaining("known formats: csv (");
    }

    @Test
    void aMalformedPatternIsNamed() {
        assertThatThrownBy(() -> FixtureData.open(
                        new FixtureData.Spec("fixtures/events", "day={day", ""), DataAsset.class, getClass()))
                .isInstanceOf(ParameterResolutionException.class)
                .hasMessageContaining("unclosed '{' in asset pattern 'day={day'");
    }
}
