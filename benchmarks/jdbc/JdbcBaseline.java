import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;

/**
 * Runs handwritten.sql through PostgreSQL's JDBC driver and prints its one row: what any JVM client pays
 * for the same query (JVM start-up, driver loading, connecting), the floor under Assay's time.
 * Usage: java -cp postgresql.jar JdbcBaseline.java JDBC_URL handwritten.sql
 */
public final class JdbcBaseline {
    public static void main(String[] args) throws Exception {
        String sql = Files.readString(Path.of(args[1])).strip();
        if (sql.endsWith(";")) {
            sql = sql.substring(0, sql.length() - 1);
        }
        try (Connection c = DriverManager.getConnection(args[0]);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    row.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                System.out.println(row);
            }
        }
    }
}
