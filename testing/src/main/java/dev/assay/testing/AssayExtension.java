package dev.assay.testing;

import dev.assay.engine.Validator;
import dev.assay.source.Batch;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;

/**
 * JUnit 5 extension for data tests ({@code @ExtendWith(AssayExtension.class)} or {@link AssayTest}):
 *
 * <ul>
 *   <li>fills parameters and fields annotated {@link AssayData} ({@code Batch}, {@code DataAsset},
 *       {@code FileAsset}, {@code FileDataSource}, {@code FileSource}) from fixture files and folders,
 *       each opened once per test class and shared by its tests;
 *   <li>gives each test class one {@link Validator}, which Assay's assertions in its test methods use by
 *       default and which a {@code Validator} parameter receives;
 *   <li>when a test fails with an {@link AssayAssertionError} (soft assertions' included), stores the
 *       validation results in {@code target/assay/results} and, when asked, builds data docs in {@code
 *       target/assay/docs}, and reports their paths in the failure's message and as report entries.
 * </ul>
 *
 * <p>Settings are JUnit configuration parameters ({@code src/test/resources/junit-platform.properties},
 * the launcher's, or {@code -D} system properties), read once per test class:
 *
 * <ul>
 *   <li>{@code assay.results.dir}: where results of failed tests are stored (default {@code
 *       target/assay/results}, relative to the working directory); {@code none} stores nothing;
 *   <li>{@code assay.datadocs}: {@code true} to build data docs of the stored results (default {@code
 *       false});
 *   <li>{@code assay.datadocs.dir}: where (default {@code target/assay/docs});
 *   <li>{@code assay.result_format}: the validator's result format, {@code BOOLEAN_ONLY}, {@code BASIC}
 *       (default), {@code SUMMARY} or {@code COMPLETE}.
 * </ul>
 *
 * <p>Stateless itself; what it shares lives in the store of the test class's extension context, which
 * JUnit makes safe for parallel test execution. The fixtures and the validator are immutable and
 * thread-safe; every failed test's results get their own key; data docs builds take turns within the JVM
 * (builds from several JVMs into one folder at once are not supported).
 *
 * <pre>{@code
 * @AssayTest
 * class OrdersDataTest {
 *     @Test void orders_meet_their_suite(@AssayData("fixtures/orders.csv") Batch orders) {
 *         assertThat(orders).satisfies(suite("orders"));
 *     }
 * }
 * }</pre>
 */
public final class AssayExtension
        implements ParameterResolver,
                TestInstancePostProcessor,
                BeforeAllCallback,
                InvocationInterceptor,
                TestExecutionExceptionHandler {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(AssayExtension.class);
    private static final String SETTINGS = "settings";
    private static final String VALIDATOR = "validator";

    /** Used by JUnit through {@code @ExtendWith(AssayExtension.class)} or {@link AssayTest}. */
    public AssayExtension() {}

    /**
     * The validator the test class of {@code context} shares, created on first use from the settings.
     *
     * @param context a test's or a test class's context, never null
     */
    public static Validator validator(ExtensionContext context) {
        ExtensionContext.Store store = classContext(context).getStore(NAMESPACE);
        return store.getOrComputeIfAbsent(VALIDATOR, k -> settings(context).validator(), Validator.class);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == Validator.class || parameterContext.isAnnotated(AssayData.class);
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return parameterContext
                .findAnnotation(AssayData.class)
                .map(data -> fixture(data, type, extensionContext))
                .orElseGet(() -> validator(extensionContext));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        inject(context.getRequiredTestClass(), null, context);
    }

    @Override
    public void postProcessTestInstance(Object testInstance, ExtensionContext context) {
        inject(testInstance.getClass(), testInstance, context);
    }

    @Override
    public void interceptTestMethod(
            Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext,
            ExtensionContext context)
            throws Throwable {
        withValidator(invocation, context);
    }

    @Override
    public void interceptTestTemplateMethod(
            Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext,
            ExtensionContext context)
            throws Throwable {
        withValidator(invocation, context);
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        List<AssayAssertionError> errors = FailedTestResults.find(throwable);
        if (errors.stream().allMatch(e -> e.results().isEmpty())) {
            throw throwable;
        }
        AssaySettings settings;
        try {
            settings = settings(context);
        } catch (ExtensionConfigurationException e) {
            throwable.addSuppressed(e); // the test's own failure comes first
            throw throwable;
        }
        if (settings.resultsDir().isEmpty()) {
            throw throwable;
        }
        throw FailedTestResults.store(throwable, errors, settings, context);
    }

    /** Runs the test method with the class's validator as the assertions' default on this thread. */
    private static void withValidator(Invocation<Void> invocation, ExtensionContext context) throws Throwable {
        Validator before = ValidatorScope.enter(validator(context));
        try {
            invocation.proceed();
        } finally {
            ValidatorScope.restore(before);
        }
    }

    /** Sets the {@link AssayData} fields of {@code type} and its superclasses: static ones when {@code instance} is null. */
    private static void inject(Class<?> type, Object instance, ExtensionContext context) {
        List<Field> fields = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.isAnnotationPresent(AssayData.class)
                        && Modifier.isStatic(f.getModifiers()) == (instance == null)) {
                    fields.add(f);
                }
            }
        }
        for (Field field : fields) {
            AssayData data = field.getAnnotation(AssayData.class);
            String where = FixtureData.describe(FixtureData.Spec.of(data)) + " on field "
                    + field.getDeclaringClass().getName() + "." + field.getName();
            if (Modifier.isFinal(field.getModifiers())) {
                throw new ExtensionConfigurationException(where + ": the field is final; make it non-final");
            }
            Object value;
            try {
                value = fixture(data, field.getType(), context);
            } catch (ParameterResolutionException e) {
                // The message starts with the annotation, which 'where' names already.
                String prefix = FixtureData.describe(FixtureData.Spec.of(data)) + ": ";
                String reason =
                        e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length()) : e.getMessage();
                throw new ExtensionConfigurationException(where + ": " + reason, e);
            }
            try {
                field.setAccessible(true);
                field.set(instance, value);
            } catch (IllegalAccessException | RuntimeException e) {
                throw new ExtensionConfigurationException(where + ": cannot be set: " + e.getMessage(), e);
            }
        }
    }

    /** What {@code data} names as a {@code type}, opened once per test class. */
    private static Object fixture(AssayData data, Class<?> type, ExtensionContext context) {
        Class<?> testClass = classContext(context).getRequiredTestClass();
        FixtureData.Spec spec = FixtureData.Spec.of(data);
        return classContext(context)
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(FixtureData.key(spec, type), k -> FixtureData.open(spec, type, testClass));
    }

    /**
     * Opens {@code path}, a file, as a {@code Batch} the way a parameter {@code @AssayData(path) Batch}
     * does: a classpath resource of {@code testClass}'s class loader, else a file relative to the working
     * directory, read in the format its extension names.
     *
     * @throws ParameterResolutionException naming the places looked, an unsupported extension or a bad file
     */
    static Batch load(String path, Class<?> testClass) {
        return (Batch) FixtureData.open(new FixtureData.Spec(path, "", ""), Batch.class, testClass);
    }

    private static AssaySettings settings(ExtensionContext context) {
        return classContext(context)
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(SETTINGS, k -> AssaySettings.read(context), AssaySettings.class);
    }

    /** The innermost context of the test class itself, whose store lives as long as the class's tests. */
    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }
}
