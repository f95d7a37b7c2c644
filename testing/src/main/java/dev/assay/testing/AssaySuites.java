package dev.assay.testing;

import static java.util.Objects.requireNonNull;

import dev.assay.error.SuiteFormatException;
import dev.assay.model.ExpectationSuite;
import dev.assay.suite.SuiteFiles;
import dev.assay.suite.SuiteFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Suites kept on the test classpath under {@code assay/suites/}: {@code suite("orders")} reads
 * {@code assay/suites/orders.json}, else {@code .yaml}, else {@code .yml}. Each suite is read once per
 * name and class loader, then shared. Thread-safe.
 *
 * <pre>{@code
 * assertThat(orders).satisfies(suite("orders"));
 * }</pre>
 */
public final class AssaySuites {
    /** Where {@link #suite} looks, on the classpath. */
    public static final String DIRECTORY = "assay/suites/";

    private static final List<String> EXTENSIONS = List.of(".json", ".yaml", ".yml");
    private static final Map<ClassLoader, Map<String, ExpectationSuite>> CACHE = new ConcurrentHashMap<>();

    private AssaySuites() {}

    /**
     * The suite {@code assay/suites/<name>.json} (or {@code .yaml}, {@code .yml}: the first found) of the
     * thread's context class loader.
     *
     * @param name the file name without extension, never null or blank
     * @throws IllegalArgumentException if no such resource exists; the message names the paths tried and
     *     the suites that do exist in directories of the classpath
     * @throws SuiteFormatException if the file is not a valid suite
     */
    public static ExpectationSuite suite(String name) {
        requireNonNull(name, "name is null");
        if (name.isBlank()) {
            throw new IllegalArgumentException("the suite name is blank");
        }
        ClassLoader loader = loader();
        return CACHE.computeIfAbsent(loader, l -> new ConcurrentHashMap<>())
                .computeIfAbsent(name, n -> read(n, loader));
    }

    private static ClassLoader loader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : AssaySuites.class.getClassLoader();
    }

    private static ExpectationSuite read(String name, ClassLoader loader) {
        List<String> tried = new ArrayList<>();
        for (String extension : EXTENSIONS) {
            String resource = DIRECTORY + name + extension;
            tried.add(resource);
            URL url = loader.getResource(resource);
            if (url != null) {
                return parse(url, SuiteFormat.of(Path.of(resource)));
            }
        }
        TreeSet<String> found = available(loader);
        throw new IllegalArgumentException("no suite '" + name + "' on the classpath; tried "
                + String.join(", ", tried) + "; suites found under " + DIRECTORY + ": "
                + (found.isEmpty() ? "none" : String.join(", ", found)));
    }

    private static ExpectationSuite parse(URL url, SuiteFormat format) {
        String text;
        try (InputStream in = url.openStream()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(url + ": cannot read the suite", e);
        }
        return SuiteFiles.parse(text.startsWith("\uFEFF") ? text.substring(1) : text, format, url.toString());
    }

    /** Suite names in the {@code assay/suites/} directories of the classpath; suites inside jars are not listed. */
    private static TreeSet<String> available(ClassLoader loader) {
        TreeSet<String> names = new TreeSet<>();
        try {
            Enumeration<URL> directories = loader.getResources(DIRECTORY);
            while (directories.hasMoreElements()) {
                URL directory = directories.nextElement();
                if (!"file".equals(directory.getProtocol())) {
                    continue;
                }
                try (Stream<Path> files = Files.list(Path.of(directory.toURI()))) {
                    files.map(f -> f.getFileName().toString())
                            .flatMap(f -> EXTENSIONS.stream()
                                    .filter(f::endsWith)
                                    .map(e -> f.substring(0, f.length() - e.length())))
                            .forEach(names::add);
                }
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            // Listing is a courtesy in an error message; the paths tried are enough.
        }
        return names;
    }
}
