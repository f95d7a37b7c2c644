package dev.assay.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@link dev.assay.source.Batch} parameter of a test for {@link AssayExtension} to fill from a
 * fixture file: {@code @AssayData("fixtures/orders.csv") Batch orders}.
 *
 * <p>The path is looked up first as a classpath resource (so {@code src/test/resources/fixtures/orders.csv}
 * is {@code fixtures/orders.csv}), then as a file relative to the working directory. Supported:
 * {@code .csv} and {@code .csv.gz}, read with {@link dev.assay.csv.CsvSource} defaults.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface AssayData {
    /** The fixture: a classpath resource or a file path, ending in {@code .csv} or {@code .csv.gz}. */
    String value();
}
