import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Converts the benchmark CSV to Parquet with DuckDB: snappy (or the codec given), row groups of 120,000
 * rows, the column types DuckDB infers (BIGINT, TIMESTAMP, DOUBLE, VARCHAR). Usage: java -cp
 * duckdb_jdbc.jar CsvToParquet.java IN.csv OUT.parquet [CODEC]
 */
public final class CsvToParquet {
    public static void main(String[] args) throws Exception {
        String in = args[0].replace("'", "''");
        String out = args[1].replace("'", "''");
        String codec = args.length > 2 ? args[2] : "snappy";
        long start = System.nanoTime();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement()) {
            s.execute("COPY (SELECT * FROM read_csv('" + in + "', header = true)) TO '" + out
                    + "' (FORMAT parquet, COMPRESSION " + codec + ", ROW_GROUP_SIZE 120000)");
        }
        System.out.printf("wrote %s in %.1f s%n", args[1], (System.nanoTime() - start) / 1e9);
    }
}
