import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;

/**
 * Computes the benchmark suite's metrics with DuckDB SQL over the same CSV or Parquet file, in one
 * query (the file is read once). Usage: java -cp duckdb_jdbc.jar DuckDbBaseline.java FILE.csv|FILE.parquet
 */
public final class DuckDbBaseline {
    public static void main(String[] args) throws Exception {
        String file = args[0].replace("'", "''");
        String sql = "SELECT"
                + " count(*) AS row_count,"
                + " count(*) - count(trip_id) AS trip_id_nulls,"
                + " count(trip_id) - count(DISTINCT trip_id) AS trip_id_repeats,"
                + " count(*) - count(passenger_count) AS passenger_nulls,"
                + " count(*) FILTER (WHERE passenger_count NOT BETWEEN 0 AND 6) AS passenger_out_of_range,"
                + " count(*) FILTER (WHERE payment_type NOT IN ('CARD','CASH','NO_CHARGE')) AS payment_not_in_set,"
                + " count(*) FILTER (WHERE NOT regexp_matches(booking_code, '^B\\d{5}$')) AS booking_code_bad,"
                + " count(*) FILTER (WHERE NOT (dropoff_ts > pickup_ts)) AS dropoff_before_pickup,"
                + " avg(fare_amount) AS fare_mean,"
                + " stddev_samp(fare_amount) AS fare_stdev,"
                + " median(trip_distance) AS distance_median,"
                + " quantile_disc(trip_distance, [0.05, 0.95]) AS distance_quantiles,"
                + " min(tip_amount) AS tip_min, max(total_amount) AS total_max,"
                + " max(pickup_ts) AS newest_pickup,"
                + " count(DISTINCT vendor_id) AS vendor_distinct,"
                + " count(*) FILTER (WHERE length(pickup_zone) NOT BETWEEN 3 AND 12) AS zone_length_bad"
                + (file.endsWith(".parquet")
                        ? " FROM read_parquet('" + file + "')"
                        : " FROM read_csv('" + file + "', header = true)");
        long start = System.nanoTime();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            rs.next();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                System.out.println("  " + md.getColumnName(i) + " = " + rs.getString(i));
            }
        }
        System.out.printf("  duckdb query: %.2f s%n", (System.nanoTime() - start) / 1e9);
    }
}
