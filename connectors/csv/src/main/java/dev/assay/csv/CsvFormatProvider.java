package dev.assay.csv;

import dev.assay.source.FileFormat;
import dev.assay.source.FileFormatProvider;
import dev.assay.source.FileLocation;
import java.util.List;
import java.util.Locale;

/**
 * CSV for data assets declared without a format: files ending in {@code .csv} or {@code .tsv}, either
 * gzipped ({@code .gz}) or not, with a header and inferred types; TSV files are split at tabs.
 */
public final class CsvFormatProvider implements FileFormatProvider {
    @Override
    public String name() {
        return "csv";
    }

    @Override
    public List<String> extensions() {
        return List.of(".csv", ".csv.gz", ".tsv", ".tsv.gz");
    }

    @Override
    public FileFormat format() {
        return CsvFormatProvider::open;
    }

    private static CsvSource open(List<FileLocation> files) {
        CsvSource csv = CsvSource.locations(files);
        boolean tsv = files.stream().allMatch(f -> {
            String name = f.uri().toLowerCase(Locale.ROOT);
            return name.endsWith(".tsv") || name.endsWith(".tsv.gz");
        });
        return tsv ? csv.delimiter('\t') : csv;
    }
}
