package dev.assay.jdbc;

import dev.assay.project.Config;
import dev.assay.project.ProjectSource;
import dev.assay.project.SourceProvider;
import dev.assay.source.DataAsset;
import dev.assay.source.DataSource;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code jdbc} source type of an {@code assay.yml}: a database, reached by its JDBC URL.
 *
 * <pre>{@code
 * sources:
 *   warehouse:
 *     type: jdbc
 *     url: jdbc:postgresql://db:5432/sales
 *     user: reader
 *     password: ${WAREHOUSE_PASSWORD}     # from the environment, never written in the file
 *     dialect: postgresql                 # optional: for a database that speaks another's SQL
 * }</pre>
 *
 * A validation names a {@code table} ({@code public.orders}) or a {@code query} (with {@code asset}, its
 * name), and optionally {@code partitioned_by: created_at} or {@code created_at:day|month|year} so that
 * {@code batch: latest} finds the newest partition.
 */
public final class JdbcSourceProvider implements SourceProvider {
    @Override
    public String type() {
        return "jdbc";
    }

    @Override
    public ProjectSource open(String name, Config config, Path projectDir, Map<String, String> settings) {
        String url = config.string("url");
        if (!url.startsWith("jdbc:")) {
            throw config.error("url", "must be a JDBC URL starting with 'jdbc:', got '" + url + "'");
        }
        String user = config.optionalString("user").orElse(null);
        String password = config.optionalString("password").orElse(null);
        String dialect = config.optionalString("dialect").orElse(null);
        config.done("type", "url", "user", "password", "dialect");
        JdbcSource base = user == null && password == null ? JdbcSource.of(url) : JdbcSource.of(url, user, password);
        JdbcSource source = dialect == null ? base : base.withDialect(dialect);
        return new ProjectSource() {
            @Override
            public DataSource source() {
                return source;
            }

            @Override
            public DataAsset asset(Config validation) {
                String table = validation.optionalString("table").orElse(null);
                String query = validation.optionalString("query").orElse(null);
                if ((table == null) == (query == null)) {
                    throw validation.error("a validation of a jdbc source names either a table or a query");
                }
                JdbcAsset asset;
                if (table != null) {
                    asset = source.table(table);
                    String named = validation.optionalString("asset").orElse(null);
                    if (named != null) {
                        asset = asset.named(named);
                    }
                } else {
                    asset = source.query(
                            validation
                                    .optionalString("asset")
                                    .orElseThrow(
                                            () -> validation.error("asset", "names the query's asset; it is required")),
                            query);
                }
                String partition = validation.optionalString("partitioned_by").orElse(null);
                if (partition != null) {
                    int colon = partition.lastIndexOf(':');
                    if (colon < 0) {
                        asset = asset.partitionedBy(partition);
                    } else {
                        String unit = partition.substring(colon + 1).toLowerCase(Locale.ROOT);
                        ChronoUnit chrono =
                                switch (unit) {
                                    case "day" -> ChronoUnit.DAYS;
                                    case "month" -> ChronoUnit.MONTHS;
                                    case "year" -> ChronoUnit.YEARS;
                                    default ->
                                        throw validation.error(
                                                "partitioned_by",
                                                "must be COLUMN or COLUMN:day|month|year, got '" + partition + "'");
                                };
                        asset = asset.partitionedBy(partition.substring(0, colon), chrono);
                    }
                }
                return asset;
            }

            @Override
            public List<String> assetKeys() {
                return List.of("table", "query", "asset", "partitioned_by");
            }
        };
    }
}
