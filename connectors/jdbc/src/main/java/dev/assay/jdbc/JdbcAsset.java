package dev.assay.jdbc;

import static java.util.Objects.requireNonNull;

import dev.assay.error.AssayException;
import dev.assay.error.ErrorCode;
import dev.assay.error.SourceUnavailableException;
import dev.assay.jdbc.SqlCompiler.Kind;
import dev.assay.source.BatchRequest;
import dev.assay.source.DataAsset;
import dev.assay.source.DatasetSchema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;
import org.jdbi.v3.core.Handle;

/**
 * A table, view or query of a {@link JdbcSource}, whose batches are the rows a {@link BatchRequest} selects:
 * all of them, the rows of a day, month or year of a date or timestamp column, or of a value or range of any
 * column. Immutable and thread-safe; nothing is read until a batch is asked for.
 *
 * <pre>{@code
 * JdbcAsset orders = warehouse.table("public.orders").partitionedBy("created_at", ChronoUnit.DAYS);
 * JdbcBatch day = orders.batch(BatchRequest.partition("created_at", LocalDate.of(2024, 1, 31)));
 * JdbcBatch latest = orders.latestBatch();          // the last day that has orders
 * JdbcBatch all = orders.batch();                   // the whole table
 * }</pre>
 *
 * <p>A request that selects no rows is a batch without rows, not an error: a table missing a day's rows is
 * itself a finding that a row-count expectation reports.
 */
public final class JdbcAsset implements DataAsset {
    private final JdbcSource source;
    private final String name;
    private final List<String> tableParts;
    private final String sql;
    private final String partitionColumn;
    private final ChronoUnit unit;

    JdbcAsset(
            JdbcSource source,
            String name,
            List<String> tableParts,
            String sql,
            String partitionColumn,
            ChronoUnit unit) {
        this.source = source;
        this.name = name;
        this.tableParts = List.copyOf(tableParts);
        this.sql = sql;
        this.partitionColumn = partitionColumn;
        this.unit = unit;
    }

    /** The name given to the table or query. */
    @Override
    public String name() {
        return name;
    }

    /** This asset under the name {@code name} (never null) in messages and results. */
    public JdbcAsset named(String name) {
        return new JdbcAsset(source, requireNonNull(name, "name is null"), tableParts, sql, partitionColumn, unit);
    }

    /**
     * This asset split into one batch per distinct value of {@code column} (never null), for {@link
     * #availableBatches()} and {@link #latestBatch()}; any request still selects any rows.
     */
    public JdbcAsset partitionedBy(String column) {
        return new JdbcAsset(source, name, tableParts, sql, requireNonNull(column, "column is null"), null);
    }

    /**
     * This asset split into one batch per day, month or year of the date or timestamp {@code column}, for
     * {@link #availableBatches()} and {@link #latestBatch()}. Timestamps with a time zone are split by UTC day.
     *
     * @param column the column, never null
     * @param unit {@link ChronoUnit#DAYS}, {@link ChronoUnit#MONTHS} or {@link ChronoUnit#YEARS}
     */
    public JdbcAsset partitionedBy(String column, ChronoUnit unit) {
        requireNonNull(column, "column is null");
        requireNonNull(unit, "unit is null");
        if (unit != ChronoUnit.DAYS && unit != ChronoUnit.MONTHS && unit != ChronoUnit.YEARS) {
            throw new IllegalArgumentException("partitions are DAYS, MONTHS or YEARS, not " + unit);
        }
        return new JdbcAsset(source, name, tableParts, sql, column, unit);
    }

    /** All rows. */
    @Override
    public JdbcBatch batch() {
        return batch(BatchRequest.all());
    }

    /**
     * The rows {@code request} selects, named like {@code orders [created_at=2024-01-31]}. The table's columns
     * are looked up now, so that a request naming a column the table lacks fails here.
     *
     * @throws AssayException with {@code INVALID_CONFIGURATION} for a column the table does not have or a value
     *     that does not fit its type; {@code SOURCE_UNAVAILABLE} when the database or the table cannot be
     *     reached
     */
    @Override
    public JdbcBatch batch(BatchRequest request) {
        requireNonNull(request, "request is null");
        String batchName = request.conditions().isEmpty()
                ? name
                : name
                        + request.conditions().stream()
                                .map(BatchRequest.Condition::toString)
                                .collect(Collectors.joining(", ", " [", "]"));
        JdbcBatch batch = new JdbcBatch(source, batchName, tableParts, sql, name, request, true);
        batch.relation();
        return batch;
    }

    /** The batch of the greatest partition; all rows when the asset is not partitioned. */
    @Override
    public JdbcBatch latestBatch() {
        List<BatchRequest> batches = availableBatches();
        if (batches.isEmpty()) {
            throw new SourceUnavailableException("asset '" + name + "' in " + source.description() + " has no rows"
                    + (partitionColumn == null ? "" : " with a value of '" + partitionColumn + "'"));
        }
        return batch(batches.get(batches.size() - 1));
    }

    /**
     * One request per partition, in order: each day, month or year that has rows, or each distinct value of
     * the partition column (nulls have none); {@code [all]} for an asset that is not partitioned and has rows.
     *
     * @throws AssayException with {@code INVALID_CONFIGURATION} when the partition column is missing or not of
     *     a type it can split by
     */
    @Override
    public List<BatchRequest> availableBatches() {
        JdbcBatch all = batch();
        JdbcBatch.Relation relation = all.relation();
        SqlCompiler compiler = relation.compiler();
        DatasetSchema schema = relation.schema();
        Sql query;
        Field field;
        if (partitionColumn == null) {
            query = Sql.of("SELECT 1 FROM ").append(relation.sql());
            field = null;
        } else {
            field = schema.find(partitionColumn)
                    .orElseThrow(() -> new AssayException(
                            ErrorCode.INVALID_CONFIGURATION,
                            "asset '" + name + "' is partitioned by '" + partitionColumn
                                    + "', which it does not have (columns: " + schema.columnNames() + ")"));
            Kind kind = SqlCompiler.kindOf(field.getType());
            String expression = compiler.value(partitionColumn);
            if (unit != null) {
                if (kind != Kind.DATE && kind != Kind.TIMESTAMP) {
                    throw new AssayException(
                            ErrorCode.INVALID_CONFIGURATION,
                            "asset '" + name + "' is partitioned by the "
                                    + unit.toString().toLowerCase() + " of '" + partitionColumn
                                    + "', which is not a date or timestamp column");
                }
                expression = compiler.dialect().day(compiler.quoted(partitionColumn), field);
                field = new Field(
                        "day",
                        org.apache.arrow.vector.types.pojo.FieldType.nullable(
                                new org.apache.arrow.vector.types.pojo.ArrowType.Date(
                                        org.apache.arrow.vector.types.DateUnit.DAY)),
                        null);
            } else if (!compiler.comparable(partitionColumn)) {
                throw new AssayException(
                        ErrorCode.INVALID_CONFIGURATION,
                        "asset '" + name + "' cannot be partitioned by '" + partitionColumn + "' on "
                                + compiler.dialect().label());
            }
            query = Sql.of("SELECT DISTINCT " + expression + " FROM ")
                    .append(relation.sql())
                    .append(" WHERE " + compiler.quoted(partitionColumn) + " IS NOT NULL");
        }
        try (Handle handle = source.open();
                BufferAllocator allocator = new RootAllocator()) {
            Connection connection = handle.getConnection();
            try (PreparedStatement statement = connection.prepareStatement(query.text())) {
                query.bind(statement);
                if (field == null) {
                    statement.setMaxRows(1);
                }
                try (ResultSet rows = statement.executeQuery()) {
                    if (field == null) {
                        return rows.next() ? List.of(BatchRequest.all()) : List.of();
                    }
                    return requests(rows, field, allocator, relation.dialect());
                }
            } catch (SQLException e) {
                throw all.failure(e, connection, "listing the batches of");
            }
        }
    }

    private List<BatchRequest> requests(ResultSet rows, Field field, BufferAllocator allocator, Dialect dialect)
            throws SQLException {
        List<Object> values = new ArrayList<>();
        try (FieldVector vector = field.createVector(allocator)) {
            vector.allocateNew();
            ColumnReader reader = ColumnReader.of(vector, 1, name, dialect == Dialect.SQLITE);
            while (rows.next()) {
                reader.read(rows, 0);
                vector.setValueCount(1);
                values.add(dev.assay.engine.arrow.ArrowValues.get(vector, 0));
            }
        }
        if (unit == null) {
            values.sort(SqlPlanner.ORDER);
            return values.stream()
                    .map(v -> BatchRequest.partition(
                            partitionColumn,
                            v instanceof java.time.Instant i
                                    ? java.time.LocalDateTime.ofInstant(i, java.time.ZoneOffset.UTC)
                                    : v))
                    .toList();
        }
        Set<Object> periods = new TreeSet<>((a, b) -> a.toString().compareTo(b.toString()));
        for (Object v : values) {
            LocalDate day = (LocalDate) v;
            periods.add(
                    unit == ChronoUnit.DAYS ? day : unit == ChronoUnit.MONTHS ? YearMonth.from(day) : Year.from(day));
        }
        return periods.stream()
                .map(p -> BatchRequest.partition(partitionColumn, p))
                .toList();
    }

    @Override
    public String toString() {
        return "JdbcAsset[" + name + " of " + source.description() + "]";
    }
}
