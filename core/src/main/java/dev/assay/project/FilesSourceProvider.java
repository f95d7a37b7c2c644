package dev.assay.project;

import dev.assay.source.DataAsset;
import dev.assay.source.DataSource;
import dev.assay.source.FileFormat;
import dev.assay.source.FileFormats;
import dev.assay.source.FileSource;
import dev.assay.source.FileStores;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code files} source type: a folder, relative to the project or absolute, or a URI such as {@code
 * s3://bucket/prefix/}.
 *
 * <pre>{@code
 * sources:
 *   lake:
 *     type: files
 *     location: data/            # or s3://analytics-lake/raw/
 *     options: {s3.region: eu-west-1}
 * }</pre>
 *
 * A validation names an asset in it with {@code asset} (its name), {@code pattern} (the files, as for
 * {@link dev.assay.source.FileDataSource#asset}; by default every file) and optionally {@code format}
 * ({@code csv}, {@code parquet}; by default by extension).
 */
public final class FilesSourceProvider implements SourceProvider {
    @Override
    public String type() {
        return "files";
    }

    @Override
    public ProjectSource open(String name, Config config, Path projectDir, Map<String, String> settings) {
        String location = config.string("location");
        Map<String, String> options = new LinkedHashMap<>(settings);
        options.putAll(config.map("options").stringEntries());
        config.done("type", "location", "options");
        String root = FileStores.scheme(location) == null
                ? projectDir.resolve(location).normalize().toString()
                : location;
        FileSource source = FileSource.at(root, options);
        return new ProjectSource() {
            @Override
            public DataSource source() {
                return source;
            }

            @Override
            public DataAsset asset(Config validation) {
                String asset = validation.optionalString("asset").orElse(name);
                String pattern = validation.optionalString("pattern").orElse("**");
                String format = validation.optionalString("format").orElse(null);
                if (format == null) {
                    return source.asset(asset, pattern);
                }
                FileFormat chosen = FileFormats.providers().stream()
                        .filter(p -> p.name().equals(format))
                        .findFirst()
                        .orElseThrow(() -> validation.error(
                                "format",
                                "must be one of "
                                        + FileFormats.providers().stream()
                                                .map(p -> p.name())
                                                .toList() + ", got '" + format + "'"))
                        .format();
                return source.asset(asset, pattern, chosen);
            }

            @Override
            public List<String> assetKeys() {
                return List.of("asset", "pattern", "format");
            }
        };
    }
}
