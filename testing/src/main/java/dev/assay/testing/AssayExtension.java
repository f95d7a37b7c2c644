package dev.assay.testing;

import dev.assay.csv.CsvSource;
import dev.assay.source.Batch;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension filling {@link Batch} parameters annotated {@link AssayData} from fixture files.
 * Stateless; the batches are kept in the store of the test class's context, so one fixture is opened
 * once per test class (per path as written) and shared by its tests, also when they run in parallel:
 * the batches are immutable and thread-safe.
 *
 * <pre>{@code
 * @ExtendWith(AssayExtension.class)
 * class OrdersDataTest {
 *     @Test void orders_meet_their_suite(@AssayData("fixtures/orders.csv") Batch orders) {
 *         assertThat(orders).satisfies(suite("orders"));
 *     }
 * }
 * }</pre>
 */
public final class AssayExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(AssayExtension.class);

    /** Used by JUnit through {@code @ExtendWith(AssayExtension.class)}. */
    public AssayExtension() {}

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == Batch.class
                && parameterContext.isAnnotated(AssayData.class);
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        String path = parameterContext
                .findAnnotation(AssayData.class)
                .map(AssayData::value)
                .orElseThrow(() -> new ParameterResolutionException("@AssayData is missing"));
        Class<?> testClass = extensionContext.getRequiredTestClass();
        return classContext(extensionContext)
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(path, p -> load(p, testClass), Batch.class);
    }

    /** The innermost context of the test class itself, whose store lives as long as the class's tests. */
    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }

    /**
     * Opens the fixture {@code path}: a classpath resource of {@code testClass}'s class loader, else a file
     * relative to the working directory. The CSV header is read here, so a broken file fails resolution.
     *
     * @throws ParameterResolutionException naming the places looked, an unsupported extension or a bad file
     */
    static Batch load(String path, Class<?> testClass) {
        String where = "@AssayData(\"" + path + "\")";
        String lower = path.toLowerCase(Locale.ROOT);
        if (!lower.endsWith(".csv") && !lower.endsWith(".csv.gz")) {
            throw new ParameterResolutionException(
                    where + ": unsupported extension; supported are .csv and .csv.gz (.parquet is not yet)");
        }
        Path file = find(path, testClass, where);
        try {
            CsvSource batch = CsvSource.file(file);
            batch.schema(); // reads the header and infers the types now, once
            return batch;
        } catch (RuntimeException e) {
            throw new ParameterResolutionException(where + ": cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static Path find(String path, Class<?> testClass, String where) {
        String resource = path.startsWith("/") ? path.substring(1) : path;
        ClassLoader loader = testClass.getClassLoader();
        URL url = loader == null ? ClassLoader.getSystemResource(resource) : loader.getResource(resource);
        if (url != null) {
            return local(url, resource, where);
        }
        Path file = Path.of(path).toAbsolutePath().normalize();
        if (Files.isRegularFile(file)) {
            return file;
        }
        throw new ParameterResolutionException(where + ": no such fixture; looked for the classpath resource '"
                + resource + "' (class loader of " + testClass.getName() + ") and the file " + file);
    }

    /** A resource as a local file; one inside a jar is copied to a temporary file first. */
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
            Path copy = Files.createTempFile("assay-fixture-", "-" + name);
            copy.toFile().deleteOnExit();
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            return copy;
        } catch (IOException e) {
            throw new ParameterResolutionException(where + ": cannot read the resource " + url + ": " + e, e);
        }
    }
}
