package dev.assay.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test parameter or field for {@link AssayExtension} to fill from fixture data: a file or a
 * folder, read in the format its files' extensions name through the {@code FileFormatProvider}s on the
 * class path ({@code .csv}, {@code .csv.gz} with {@code assay-csv}; {@code .parquet} with {@code
 * assay-parquet}).
 *
 * <pre>{@code
 * @AssayData("fixtures/orders.csv") Batch orders                                // one file
 * @AssayData("fixtures/orders.parquet") Batch orders                            // any known format
 * @AssayData(value = "fixtures/events", pattern = "day={day}/*.csv") DataAsset events  // folder + pattern
 * @AssayData(value = "fixtures/events", pattern = "day={day}/*.csv") Batch all  // all of that asset
 * @AssayData("fixtures/events") FileDataSource folder                          // the folder itself
 * }</pre>
 *
 * <p>The types filled: {@link dev.assay.source.Batch}, {@link dev.assay.source.DataAsset} and {@link
 * dev.assay.source.FileAsset}, {@link dev.assay.source.FileDataSource} and {@link
 * dev.assay.source.FileSource}. The path is looked up first as a classpath resource (so {@code
 * src/test/resources/fixtures/orders.csv} is {@code fixtures/orders.csv}), then as a path relative to the
 * working directory. On a field, the value is set before each test (an instance field) or before all
 * tests of the class (a static field); the field must not be final.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD})
public @interface AssayData {
    /** The fixture: a file or a folder, as a classpath resource or a path; never empty. */
    String value();

    /**
     * For a folder, the asset's path pattern relative to it (see {@code FileSource.asset}), e.g. {@code
     * day={day}/*.csv}; empty (the default) for every file of a known format under the folder. Must be
     * empty for a file and for a {@code FileDataSource}.
     */
    String pattern() default "";

    /** The asset's name, which names the stored results; empty (the default) for the file's or folder's name. */
    String name() default "";
}
