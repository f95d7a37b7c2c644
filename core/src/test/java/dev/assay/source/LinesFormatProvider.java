package dev.assay.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A test format found by extension: every line of a {@code .lines} file is a row of column {@code line}. */
public final class LinesFormatProvider implements FileFormatProvider {
    @Override
    public String name() {
        return "lines";
    }

    @Override
    public List<String> extensions() {
        return List.of(".lines", ".lines.txt");
    }

    @Override
    public FileFormat format() {
        return files -> {
            List<Object> lines = new ArrayList<>();
            for (FileLocation f : files) {
                try (InputStream in = f.open(0)) {
                    lines.addAll(new String(in.readAllBytes(), StandardCharsets.UTF_8)
                            .lines()
                            .toList());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return InMemoryBatch.named("lines").column("line", "string", lines).build();
        };
    }

    /** A second test format, so that a batch can mix formats: {@code .upper} files, lines upper-cased. */
    public static final class Upper implements FileFormatProvider {
        @Override
        public String name() {
            return "upper";
        }

        @Override
        public List<String> extensions() {
            return List.of(".upper");
        }

        @Override
        public FileFormat format() {
            return new LinesFormatProvider().format();
        }
    }
}
