package dev.assay.csv;

import static dev.assay.expectation.Expectations.column;
import static dev.assay.expectation.Expectations.table;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.engine.Validator;
import dev.assay.model.ExpectationSuite;
import dev.assay.result.Failed;
import dev.assay.result.ValidationResult;
import dev.assay.source.BatchRequest;
import dev.assay.source.DataAsset;
import dev.assay.source.FileSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvAssetTest {
    @TempDir
    Path dir;

    private void write(String path, String text) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void a_batch_of_many_csv_files_is_validated_as_one_dataset() throws IOException {
        write("raw/trips/year=2024/month=01/part-0.csv", "id,fare\n1,5.0\n2,7.5\n");
        write("raw/trips/year=2024/month=01/part-1.csv", "id,fare\n3,-1.0\n");
        write("raw/trips/year=2024/month=02/part-0.csv", "id,fare\n4,9.0\n");
        DataAsset trips = FileSource.folder(dir)
                .asset("trips", "raw/trips/year={year}/month={month}/*.csv", CsvSource::locations);
        ExpectationSuite suite = ExpectationSuite.named("trips")
                .expect(table().rowCountBetween(3, 3))
                .expect(column("id").unique())
                .expect(column("fare").between(0, 100))
                .build();

        ValidationResult result =
                Validator.create().validate(trips.batch(BatchRequest.of("year", "2024", "month", "01")), suite);

        assertThat(result.run().rowsScanned()).isEqualTo(3);
        assertThat(result.batchName()).isEqualTo("trips [year=2024, month=01]");
        assertThat(result.results().get(0).success()).isTrue();
        assertThat(result.results().get(1).success()).isTrue();
        Failed fare = (Failed) result.results().get(2);
        assertThat(fare.details().unexpectedValues()).containsExactly(-1.0);
        assertThat(fare.details().unexpectedIndex()).containsExactly(2L);
        assertThat(result.batchIdentity().orElseThrow().files())
                .isEqualTo(java.util.List.of(
                        "raw/trips/year=2024/month=01/part-0.csv", "raw/trips/year=2024/month=01/part-1.csv"));
    }

    @Test
    void the_latest_batch_reads_only_its_files() throws IOException {
        write("raw/year=2024/month=9/a.csv", "id\n1\n2\n");
        write("raw/year=2024/month=10/a.csv", "id\n3\n");
        DataAsset trips = FileSource.folder(dir).asset("trips", "raw/**/*.csv", CsvSource::locations);

        ValidationResult result = Validator.create()
                .validate(
                        trips.latestBatch(),
                        ExpectationSuite.named("s")
                                .expect(table().rowCountBetween(1, 1))
                                .build());

        assertThat(result.success()).isTrue();
        assertThat(result.batchName()).isEqualTo("trips [year=2024, month=10]");
    }
}
