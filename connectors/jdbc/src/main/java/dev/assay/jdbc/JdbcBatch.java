package dev.assay.jdbc;

import static java.util.Objects.requireNonNull;

import dev.assay.error.AssayException;
import dev.assay.error.ErrorCode;
import dev.assay.error.SourceUnavailableException;
import dev.assay.source.Batch;
import dev.assay.source.BatchIdentity;
import dev.assay.source.BatchRequest;
import dev.assay.source.DatasetSchema;
import dev.assay.source.ScanRequest;
import dev.assay.source.Split;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.arrow.vector.types.pojo.Field;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A table or query of a {@link JdbcSource}, scanned as Arrow record batches. Immutable and thread-safe;
 * the schema is looked up once, on first use.
 *
 * <p>A scan is one split, a {@link JdbcScan}, that runs {@code SELECT <requested columns> FROM <relation>} on
 * its own connection, streaming rows with a fetch size (auto-commit is switched off for the scan, and the
 * read-only transaction rolled back, as PostgreSQL needs to stream). See {@code docs/jdbc.md} for the
 * type mapping and the errors.
 */
public final class JdbcBatch implements Batch {
    /** The log of reading a batch, shared with {@link JdbcScan}. */
    static final Logger LOG = LoggerFactory.getLogger(JdbcBatch.class);

    private static final String QUERY_ALIAS = "assay_query";
    private static final String BATCH_ALIAS = "assay_batch";

    private final JdbcSource source;
    private final String name;
    private final List<String> tableParts;
    private final String sql;
    private final String asset;
    private final BatchRequest request;
    private final boolean pushdown;
    private final Object lock = new Object();
    private volatile Relation relation;

    /**
     * A batch of the asset {@code asset}: the rows of the table ({@code tableParts}) or query ({@code sql})
     * that {@code request} selects.
     */
    JdbcBatch(
            JdbcSource source,
            String name,
            List<String> tableParts,
            String sql,
            String asset,
            BatchRequest request,
            boolean pushdown) {
        this.source = source;
        this.name = name;
        this.tableParts = List.copyOf(tableParts);
        this.sql = sql;
        this.asset = asset;
        this.request = request;
        this.pushdown = pushdown;
    }

    /**
     * This batch under the name {@code name} (never null) in messages and results; the table or query read
     * stays the same.
     */
    public JdbcBatch named(String name) {
        return new JdbcBatch(source, requireNonNull(name, "name is null"), tableParts, sql, asset, request, pushdown);
    }

    /**
     * This batch validated by streaming its rows through the validator's engine, instead of computing metrics
     * in the database. Slower for large tables; for comparisons, and for databases where aggregates are not
     * wanted.
     */
    public JdbcBatch streamed() {
        return new JdbcBatch(source, name, tableParts, sql, asset, request, false);
    }

    /** True unless {@link #streamed()}: metrics are computed in the database where it can. */
    public boolean pushesDown() {
        return pushdown;
    }

    /**
     * The SQL engine, which computes metrics in the database and hands {@code configured} the ones the
     * database cannot compute exactly; {@code configured} itself for a {@link #streamed()} batch.
     */
    @Override
    public dev.assay.engine.Engine engine(dev.assay.engine.Engine configured) {
        requireNonNull(configured, "configured is null");
        return pushdown ? new SqlEngine(this, configured) : configured;
    }

    /** The asset, the request and the rows it selects, for the validation result. */
    @Override
    public Optional<BatchIdentity> identity() {
        return Optional.of(new BatchIdentity(asset, request.toString(), List.of(), request.values()));
    }

    /**
     * What the engine needs of the relation, looked up once: its schema, the database's dialect and
     * identifier quote, and the batch's rows as SQL (the table, the query, restricted to the request's rows).
     */
    record Relation(DatasetSchema schema, Dialect dialect, String quote, Sql sql, List<String> primaryKey) {
        SqlCompiler compiler() {
            return new SqlCompiler(dialect, quote, schema);
        }
    }

    Relation relation() {
        Relation r = relation;
        if (r == null) {
            synchronized (lock) {
                r = relation;
                if (r == null) {
                    r = lookUp();
                    relation = r;
                }
            }
        }
        return r;
    }

    JdbcSource source() {
        return source;
    }

    /** The error for a connection lost while {@code doing} something with this batch. */
    SourceUnavailableException lostConnection(SQLException e, String doing) {
        return new SourceUnavailableException(
                "Lost the connection to " + source.description() + " while " + doing + " '" + name + "': "
                        + source.secrets().mask(e.getMessage()),
                source.secrets().sanitize(e));
    }

    /** The name given by {@link #named}, else the table's name as given, or the query's name. */
    @Override
    public String name() {
        return name;
    }

    /** True for a query, false for a table. */
    public boolean isQuery() {
        return sql != null;
    }

    /**
     * The columns, as the driver describes them, mapped to Arrow fields (see {@code docs/jdbc.md}). A
     * column is nullable unless the driver says it holds no nulls.
     *
     * @throws SourceUnavailableException if the database cannot be reached or the table does not exist
     * @throws AssayException with {@code INVALID_CONFIGURATION} if the query fails, with the database's message
     */
    @Override
    public DatasetSchema schema() {
        return relation().schema();
    }

    /**
     * One split reading every row; each record batch holds at most {@code request.batchRows()} rows of the
     * requested columns, in the requested order, with ordinals 0, 1, 2, ...
     *
     * @throws dev.assay.error.ColumnNotFoundException if a requested column is not in the schema
     */
    @Override
    public List<Split> splits(ScanRequest request) {
        requireNonNull(request, "request is null");
        DatasetSchema s = schema();
        List<Field> fields = new ArrayList<>();
        for (String column : request.columns()) {
            fields.add(s.require(column, name));
        }
        return List.of(sink -> new JdbcScan(this).read(request, fields, sink));
    }

    private Relation lookUp() {
        try (Handle handle = source.open()) {
            Connection connection = handle.getConnection();
            DatabaseMetaData databaseMetadata = connection.getMetaData();
            String relationSql = relation(databaseMetadata);
            String probe = "SELECT * FROM " + relationSql + " WHERE 1=0";
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery(probe)) {
                ResultSetMetaData metadata = rows.getMetaData();
                List<Field> fields = new ArrayList<>();
                Set<String> seen = new HashSet<>();
                for (int i = 1; i <= metadata.getColumnCount(); i++) {
                    Field field = JdbcTypes.field(metadata, i);
                    if (!seen.add(field.getName())) {
                        throw new AssayException(
                                ErrorCode.INVALID_CONFIGURATION,
                                "Query '" + name + "' has more than one column named '" + field.getName()
                                        + "'; give each column a unique alias");
                    }
                    fields.add(field);
                }
                DatasetSchema schema = new DatasetSchema(fields);
                Dialect dialect = source.dialect(databaseMetadata.getDatabaseProductName());
                String quote = quote(databaseMetadata);
                Sql selected = Sql.of(relationSql);
                if (!request.conditions().isEmpty()) {
                    Sql where = Partitions.where(request, asset, schema, new SqlCompiler(dialect, quote, schema));
                    selected = Sql.of("(SELECT * FROM " + relationSql + " WHERE ")
                            .append(where)
                            .append(") " + BATCH_ALIAS);
                }
                return new Relation(schema, dialect, quote, selected, primaryKey(databaseMetadata, schema));
            } catch (SQLException e) {
                throw failure(e, connection, "looking up the columns of");
            }
        } catch (SQLException e) {
            throw failure(e, null, "looking up the columns of");
        }
    }

    /**
     * The table's primary key columns in key order, per the driver's metadata; empty for a query, a table
     * without one, or a driver that cannot tell.
     */
    private List<String> primaryKey(DatabaseMetaData metadata, DatasetSchema schema) {
        if (sql != null) {
            return List.of();
        }
        String table = tableParts.get(tableParts.size() - 1);
        String catalog = tableParts.size() == 3 ? tableParts.get(0) : null;
        String schemaName = tableParts.size() >= 2 ? tableParts.get(tableParts.size() - 2) : null;
        java.util.SortedMap<Short, String> key = new java.util.TreeMap<>();
        // MariaDB and MySQL call a schema a catalog: try the one, then the other.
        List<String[]> places = schemaName == null || catalog != null
                ? List.<String[]>of(new String[] {catalog, schemaName})
                : List.<String[]>of(new String[] {null, schemaName}, new String[] {schemaName, null});
        for (String[] place : places) {
            try (ResultSet columns = metadata.getPrimaryKeys(place[0], place[1], table)) {
                while (columns.next()) {
                    key.put(columns.getShort("KEY_SEQ"), columns.getString("COLUMN_NAME"));
                }
            } catch (SQLException | RuntimeException e) {
                LOG.debug(
                        "Cannot look up the primary key of '{}': {}",
                        name,
                        source.secrets().mask(e.getMessage()));
                return List.of();
            }
            if (!key.isEmpty()) {
                break;
            }
        }
        List<String> columns = List.copyOf(key.values());
        // A key the driver reports in another case than the columns is of no use to name rows.
        return columns.stream().allMatch(c -> schema.find(c).isPresent()) ? columns : List.of();
    }

    /** The table's primary key: its values name unexpected rows in SUMMARY and COMPLETE results. */
    @Override
    public List<String> rowIdColumns() {
        return relation().primaryKey();
    }

    /** The relation as SQL: the quoted table name, or the query as an aliased subquery. */
    private String relation(DatabaseMetaData metadata) throws SQLException {
        if (sql != null) {
            return "(" + sql + ") " + QUERY_ALIAS;
        }
        String quote = quote(metadata);
        return tableParts.stream().map(p -> quoted(p, quote)).collect(Collectors.joining("."));
    }

    private static String quote(DatabaseMetaData metadata) throws SQLException {
        String quote = metadata.getIdentifierQuoteString();
        // A single space means the database cannot quote identifiers; the SQL standard's quote is the best guess.
        return quote == null || quote.isBlank() ? "\"" : quote.strip();
    }

    /** {@code identifier} between quotes, a quote inside it doubled, so it is always just a name. */
    static String quoted(String identifier, String quote) {
        return quote + identifier.replace(quote, quote + quote) + quote;
    }

    /** The one exception for a failed statement: the database's message, wrapped once with what failed. */
    AssayException failure(SQLException e, Connection connection, String doing) {
        Secrets secrets = source.secrets();
        String message = secrets.mask(e.getMessage());
        SQLException cause = secrets.sanitize(e);
        if (connection == null || JdbcErrors.isConnectionLost(e, connection)) {
            return lostConnection(e, doing);
        }
        if (sql != null) {
            return new AssayException(
                    ErrorCode.INVALID_CONFIGURATION, "Query '" + name + "' failed: " + message, cause);
        }
        if (!tableExists(connection)) {
            return new SourceUnavailableException(
                    "Table '" + name + "' not found in " + source.description() + nearestTable(connection), cause);
        }
        return new SourceUnavailableException(
                "Cannot read table '" + name + "' in " + source.description() + ": " + message, cause);
    }

    private boolean tableExists(Connection connection) {
        return findTable(connection, tableParts.get(tableParts.size() - 1)).isPresent();
    }

    /** "; did you mean 'ORDERS'?" when the table exists in another case, which quoting tells apart. */
    private String nearestTable(Connection connection) {
        String table = tableParts.get(tableParts.size() - 1);
        for (String candidate : List.of(table.toUpperCase(Locale.ROOT), table.toLowerCase(Locale.ROOT))) {
            if (!candidate.equals(table)) {
                Optional<String> found = findTable(connection, candidate);
                if (found.isPresent()) {
                    List<String> parts = new ArrayList<>(tableParts);
                    parts.set(parts.size() - 1, found.get());
                    return "; did you mean '" + String.join(".", parts) + "'? (names are quoted, so case matters)";
                }
            }
        }
        return "";
    }

    /** The table named exactly {@code table} in this batch's catalog and schema, per the driver's metadata. */
    private Optional<String> findTable(Connection connection, String table) {
        String catalog = tableParts.size() == 3 ? tableParts.get(0) : null;
        String schemaName = tableParts.size() >= 2 ? tableParts.get(tableParts.size() - 2) : null;
        try {
            DatabaseMetaData metadata = connection.getMetaData();
            String escape = metadata.getSearchStringEscape();
            try (ResultSet tables =
                    metadata.getTables(catalog, pattern(schemaName, escape), pattern(table, escape), null)) {
                while (tables.next()) {
                    String found = tables.getString("TABLE_NAME");
                    boolean sameSchema = schemaName == null
                            || schemaName.equals(tables.getString("TABLE_SCHEM"))
                            || schemaName.equals(tables.getString("TABLE_CAT"));
                    if (table.equals(found) && sameSchema) {
                        return Optional.of(found);
                    }
                }
            }
            return Optional.empty();
        } catch (SQLException e) {
            // Metadata cannot tell: report the table as present so that the database's own message is shown.
            LOG.debug(
                    "Cannot look up table '{}' in the metadata: {}",
                    name,
                    source.secrets().mask(e.getMessage()));
            return Optional.of(table);
        }
    }

    private static String pattern(String name, String escape) {
        if (name == null || escape == null || escape.isEmpty()) {
            return name;
        }
        return name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
    }

    @Override
    public String toString() {
        return "JdbcBatch[" + (sql != null ? "query " : "table ") + name + " of " + source.description() + "]";
    }
}
