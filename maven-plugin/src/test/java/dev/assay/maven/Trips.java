package dev.assay.maven;

import java.io.IOException;
import java.util.Map;

/** The trips suite and data the validate goal's tests share, and the goal set up to validate against it. */
final class Trips {
    static final String TRIPS_SUITE =
            """
            {"name": "trips", "expectations": [
              {"type": "expect_column_values_to_not_be_null", "kwargs": {"column": "trip_id"}},
              {"type": "expect_column_values_to_be_between",
               "kwargs": {"column": "fare", "min_value": 0, "max_value": 100}},
              {"type": "expect_table_row_count_to_be_between",
               "kwargs": {"min_value": {"$PARAMETER": "min_rows"}, "max_value": 1000}}
            ]}
            """;
    static final String GOOD_TRIPS = "trip_id,fare\n1,12.5\n2,30\n3,7.25\n";
    static final String BAD_TRIPS = "trip_id,fare\n1,12.5\n,30\n3,-4\n4,250\n";

    private Trips() {}

    /** The validate goal in {@code module} with the suite in {@code src/assay/trips.json}, min_rows 2; no data yet. */
    static ValidateMojo suiteMojo(MojoFixture module) throws IOException {
        ValidateMojo mojo = module.validate();
        mojo.suite = module.write("src/assay/trips.json", TRIPS_SUITE).toFile();
        mojo.parameters = Map.of("min_rows", "2");
        return mojo;
    }
}
