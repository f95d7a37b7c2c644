package dev.assay.expectation;

import java.util.List;

/**
 * Entry points of the fluent Java API; import them statically.
 *
 * <pre>{@code
 * import static dev.assay.expectation.Expectations.*;
 *
 * ExpectationSuite.named("trips")
 *     .expect(column("trip_id").notNull().unique())
 *     .expect(column("passenger_count").between(0, 6).mostly(0.999))
 *     .expect(columnPair("dropoff_ts", "pickup_ts").aGreaterThanB())
 *     .expect(columns("vendor_id", "trip_id").unique())
 *     .expect(table().rowCountBetween(900_000, 1_100_000))
 *     .build();
 * }</pre>
 */
public final class Expectations {
    private Expectations() {}

    /** Expectations on one column. */
    public static ColumnExpectations column(String name) {
        return new ColumnExpectations(name);
    }

    /** Expectations on a pair of columns. */
    public static ColumnPairExpectations columnPair(String columnA, String columnB) {
        return new ColumnPairExpectations(columnA, columnB);
    }

    /** Expectations on several columns together. */
    public static MulticolumnExpectations columns(String... names) {
        return new MulticolumnExpectations(List.of(names));
    }

    /** Expectations on the table as a whole. */
    public static TableExpectations table() {
        return new TableExpectations();
    }
}
