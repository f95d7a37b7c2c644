package dev.assay.testing;

import dev.assay.source.Batch;
import dev.assay.source.DataAsset;
import dev.assay.source.FileAsset;
import dev.assay.source.FileDataSource;
import dev.assay.source.FileFormats;
import dev.assay.source.FileSource;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ParameterResolutionException;

/**
 * Opens what an {@link AssayData} names, for a parameter or field of one of the supported types.
 * Stateless and thread-safe.
 */
final class FixtureData {
    /** The types {@link AssayData} fills. */
    static final List<Class<?>> TYPES =
            List.of(Batch.class, DataAsset.class, FileAsset.class, FileDataSource.class, FileSource.class);

    private FixtureData() {}

    /**
     * What an {@link AssayData} says.
     *
     * @param value the file or folder, never null
     * @param pattern the asset's pattern, or empty
     * @param name the asset's name, or empty
     */
    record Spec(String value, String pattern, String name) {
        static Spec of(AssayData data) {
            return new Spec(data.value(), data.pattern(), data.name());
        }
    }

    /** True when {@link AssayData} can fill a parameter or field of {@code type}. */
    static boolean supports(Class<?> type) {
        return TYPES.contains(type);
    }

    /** The cache key of what {@code data} names as {@code type}: equal keys share one object. */
    static String key(Spec data, Class<?> type) {
        return type.getName() + "|" + data.value() + "|" + data.pattern() + "|" + data.name();
    }

    /**
     * Opens {@code data} as a {@code type}: a Batch's schema is read (its header, its footer) and an
     * asset's files are listed now, so a broken fixture fails resolution with its reason.
     *
     * @throws ParameterResolutionException naming the annotation and what was wrong
     */
    static Object open(Spec data, Class<?> type, Class<?> testClass) {
        String where = describe(data);
        if (!supports(type)) {
            throw new ParameterResolutionException(where + " cannot fill a " + type.getName() + "; it fills "
                    + TYPES.stream().map(Class::getSimpleName).toList());
        }
        Path path = find(data.value(), testClass, where);
        boolean folder = Files.isDirectory(path);
        if (type == FileDataSource.class || type == FileSource.class) {
            if (!folder) {
                throw new ParameterResolutionException(
                        where + ": a " + type.getSimpleName() + " is a folder, but " + path + " is a file");
            }
            if (!data.pattern().isEmpty()) {
                throw new ParameterResolutionException(
                        where + ": a " + type.getSimpleName() + " takes no pattern; declare assets in the test");
            }
            return FileSource.folder(path);
        }
        FileAsset asset = folder ? folderAsset(data, path, where) : fileAsset(data, path, where);
        try {
            if (type == Batch.class) {
                Batch batch = asset.batch();
                batch.schema(); // reads the header or footer now, once
                return batch;
            }
            if (asset.availableBatches().isEmpty()) {
                throw new ParameterResolutionException(where + ": no files of a known format match pattern '"
                        + asset.pattern() + "' in " + path + "; known formats: " + FileFormats.describe());
            }
            return asset;
        } catch (RuntimeException e) {
            if (e instanceof ParameterResolutionException) {
                throw e;
            }
            throw new ParameterResolutionException(where + ": cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /** {@code @AssayData("...")}, with the pattern and name when given, for messages. */
    static String describe(Spec data) {
        if (data.pattern().isEmpty() && data.name().isEmpty()) {
            return "@AssayData(\"" + data.value() + "\")";
        }
        return "@AssayData(value = \"" + data.value() + "\""
                + (data.pattern().isEmpty() ? "" : ", pattern = \"" + data.pattern() + "\"")
                + (data.name().isEmpty() ? "" : ", name = \"" + data.name() + "\"") + ")";
    }

    private static FileAsset folderAsset(Spec data, Path folder, String where) {
        String name = data.name().isEmpty() ? fileName(folder) : data.name();
        String pattern = data.pattern().isEmpty() ? "**/*" : data.pattern();
        try {
            return FileSource.folder(folder).asset(name, pattern);
        } catch (RuntimeException e) {
            throw new ParameterResolutionException(where + ": " + e.getMessage(), e);
        }
    }

    private static FileAsset fileAsset(Spec data, Path file, String where) {
        if (!data.pattern().isEmpty()) {
            throw new ParameterResolutionException(where + ": a pattern needs a folder, but " + file + " is a file");
        }
        String fileName = fileName(file);
        if (FileFormats.forFile(fileName).isEmpty()) {
            throw new ParameterResolutionException(where + ": unsupported extension; the formats on the class path"
                    + " are " + FileFormats.describe());
        }
        String name = data.name().isEmpty() ? fileName : data.name();
        return FileSource.folder(file.getParent()).asset(name, "re:" + Pattern.quote(fileName));
    }

    private static String fileName(Path path) {
        Path name = path.getFileName();
        return name == null ? path.toString() : name.toString();
    }

    /** The fixture as a local path: a classpath resource of {@code testClass}'s loader, else a path. */
    private static Path find(String path, Class<?> testClass, String where) {
        if (path.isBlank()) {
            throw new ParameterResolutionException(where + ": the path is empty");
        }
        String resource = path.startsWith("/") ? path.substring(1) : path;
        ClassLoader loader = testClass.getClassLoader();
        URL url = loader == null ? ClassLoader.getSystemResource(resource) : loader.getResource(resource);
        if (url != null) {
            return local(url, resource, where);
        }
        Path file = Path.of(path).toAbsolutePath().normalize();
        if (Files.exists(file)) {
            return file;
        }
        throw new ParameterResolutionException(where + ": no such fixture; looked for the classpath resource '"
                + resource + "' (class loader of " + testClass.getName() + ") and the file " + file);
    }

    /**
     * A resource as a local path; a file inside a jar is copied, under its own name, to a temporary
     * folder first (a folder fixture must be on the file system).
     */
    private static Path local(URL url, String resource, String where) {
        if ("file".equals(url.getProtocol())) {
            try {
                return Path.of(url.toURI());
            } catch (URISyntaxException | IllegalArgumentException e) {
                // Fall through to copying the resource.
            }
        }
        String name = Path.of(resource).getFileName().toString();
        try (InputStream in = url.openStream()) {
            Path folder = Files.createTempDirectory("assay-fixture-");
            folder.toFile().deleteOnExit();
            Path copy = folder.resolve(name);
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            copy.toFile().deleteOnExit();
            return copy;
        } catch (IOException e) {
            throw new ParameterResolutionException(where + ": cannot read the resource " + url + ": " + e, e);
        }
    }
}
