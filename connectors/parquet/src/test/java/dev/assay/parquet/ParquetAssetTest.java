package dev.assay.parquet;

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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetAssetTest {
    @TempDir
    Path dir;

    private void write(String path, long... ids) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        ParquetFiles writer = ParquetFiles.schema("message trips { required int64 id; optional double fare; }");
        List<org.apache.parquet.example.data.Group> rows = new java.util.ArrayList<>();
        for (long id : ids) {
            rows.add(writer.row().append("id", id).append("fare", id == 3 ? -1.0 : id * 2.5));
        }
        writer.write(file, rows);
    }

    @Test
    void an_asset_without_a_format_reads_parquet_files_by_their_extension() throws IOException {
        write("year=2024/part-0.parquet", 1, 2);
        write("year=2024/part-1.parquet", 3);
        write("year=2025/part-0.parquet", 4);
        DataAsset trips = FileSource.folder(dir).asset("trips", "year={year}/*.parquet");
        ExpectationSuite suite = ExpectationSuite.named("trips")
                .expect(table().rowCountBetween(3, 3))
                .expect(column("id").unique())
                .expect(column("fare").between(0, 100))
                .build();

        ValidationResult result = Validator.create().validate(trips.batch(BatchRequest.of("year", "2024")), suite);

        assertThat(result.batchName()).isEqualTo("trips [year=2024]");
        assertThat(result.results().get(0).success()).isTrue();
        assertThat(result.results().get(1).success()).isTrue();
        Failed fare = (Failed) result.results().get(2);
        assertThat(fare.details().unexpectedValues()).containsExactly(-1.0);
        assertThat(fare.details().unexpectedIndex()).containsExactly(2L);
        assertThat(result.batchIdentity().orElseThrow().files())
                .containsExactly("year=2024/part-0.parquet", "year=2024/part-1.parquet");
    }

    @Test
    void the_provider_names_parquet_and_its_extensions() {
        ParquetFormatProvider provider = new ParquetFormatProvider();

        assertThat(provider.name()).isEqualTo("parquet");
        assertThat(provider.extensions()).containsExactly(".parquet", ".parq");
        assertThat(java.util.ServiceLoader.load(dev.assay.source.FileFormatProvider.class).stream()
                        .map(p -> p.type().getName()))
                .contains(ParquetFormatProvider.class.getName());
    }
}
