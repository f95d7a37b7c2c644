package dev.assay.parquet;

import dev.assay.source.FileFormat;
import dev.assay.source.FileFormatProvider;
import java.util.List;

/** Parquet for data assets declared without a format: files ending in {@code .parquet} or {@code .parq}. */
public final class ParquetFormatProvider implements FileFormatProvider {
    @Override
    public String name() {
        return "parquet";
    }

    @Override
    public List<String> extensions() {
        return List.of(".parquet", ".parq");
    }

    @Override
    public FileFormat format() {
        return ParquetSource::locations;
    }
}
