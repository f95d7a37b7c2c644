package dev.assay.examples;

import static dev.assay.expectation.Expectations.column;
import static dev.assay.expectation.Expectations.columnPair;
import static dev.assay.expectation.Expectations.table;

import dev.assay.engine.Validator;
import dev.assay.jdbc.JdbcAsset;
import dev.assay.jdbc.JdbcSource;
import dev.assay.model.ExpectationSuite;
import dev.assay.result.ResultText;
import dev.assay.result.ValidationResult;
import dev.assay.source.BatchRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A pipeline step that checks a day of a PostgreSQL table where it lives, before the next job reads it: the
 * suite becomes a few aggregate queries that run in the database, so a day of ten million orders is checked
 * without copying a row out. Only failed checks fetch their first unexpected rows, named by the table's
 * primary key.
 *
 * <pre>
 * ASSAY_JDBC_PASSWORD=... java --add-opens=java.base/java.nio=ALL-UNNAMED -cp ... \
 *     dev.assay.examples.OrdersTableStep 'jdbc:postgresql://db:5432/shop?user=reader' public.orders 2024-01-31
 * </pre>
 *
 * <p>Exits 0 when the day's orders hold, 1 when they do not (the next step must not run), 2 when they could not
 * be checked. See {@code OrdersTableStepTest}, which runs it on an embedded H2 database and on PostgreSQL.
 */
public final class OrdersTableStep {
    private OrdersTableStep() {}

    /** What a day of orders must hold. */
    public static ExpectationSuite suite() {
        return ExpectationSuite.named("orders-daily")
                .expect(table().rowCountBetween(1, 50_000_000))
                .expect(column("order_id").notNull().unique())
                .expect(column("customer_id").notNull().mostly(0.999))
                .expect(column("status").inSet("NEW", "PAID", "SHIPPED", "CANCELLED"))
                .expect(column("amount").between(0, 100_000).meanBetween(1, 10_000))
                .expect(column("email").matches("^[^@\\s]+@[^@\\s]+\\.[a-z]+$").mostly(0.99))
                .expect(column("created_at").fresherThan(Duration.ofDays(2)))
                .expect(columnPair("shipped_at", "created_at").aGreaterThanOrEqualToB())
                .build();
    }

    /**
     * Validates the orders created on {@code day} in {@code table}, as of {@code now} (for freshness).
     *
     * @param db the database, never null
     * @param table the table, e.g. {@code public.orders}
     * @param day the day whose orders are checked
     * @param now the time the freshness check measures against
     */
    public static ValidationResult validate(JdbcSource db, String table, LocalDate day, Instant now) {
        JdbcAsset orders = db.table(table).named("orders");
        return Validator.create()
                .withClock(Clock.fixed(now, ZoneOffset.UTC))
                .validate(orders.batch(BatchRequest.partition("created_at", day)), suite());
    }

    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: OrdersTableStep JDBC_URL TABLE DAY   (password from ASSAY_JDBC_PASSWORD)");
            System.exit(2);
        }
        JdbcSource db = JdbcSource.of(args[0], null, System.getenv("ASSAY_JDBC_PASSWORD"));
        LocalDate day = LocalDate.parse(args[2]);
        try {
            ValidationResult result = validate(db, args[1], day, Instant.now());
            System.out.print(ResultText.render(result, false));
            System.exit(result.success() ? 0 : 1);
        } catch (RuntimeException e) {
            System.err.println("orders of " + day + " could not be checked: " + e.getMessage());
            System.exit(2);
        }
    }
}
