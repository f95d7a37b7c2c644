package dev.assay.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class as an Assay data test: the same as {@code @ExtendWith(AssayExtension.class)}. The
 * extension's settings come from JUnit configuration parameters ({@code junit-platform.properties} or
 * the launcher), see {@link AssayExtension}.
 *
 * <pre>{@code
 * @AssayTest
 * class OrdersDataTest {
 *     @AssayData("fixtures/orders.csv") Batch orders;
 *
 *     @Test void orders_meet_their_suite() {
 *         assertThat(orders).satisfies(suite("orders"));
 *     }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(AssayExtension.class)
public @interface AssayTest {}
