package dev.assay.jdbc;

import static dev.assay.jdbc.JdbcBatch.LOG;

import dev.assay.source.BatchSink;
import dev.assay.source.RecordBatch;
import dev.assay.source.ScanRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.jdbi.v3.core.Handle;

/**
 * The split of a {@link JdbcBatch}: runs {@code SELECT <requested columns> FROM <relation>} on a connection
 * of its own and streams the rows, with a fetch size, into Arrow record batches (auto-commit is switched off
 * for the scan, and the read-only transaction rolled back, as PostgreSQL needs to stream). Stateless; each
 * {@link #read} is one scan.
 */
final class JdbcScan {
    /** The most rows fetched per round trip, whatever the batch size. */
    static final int MAX_FETCH_SIZE = 10_000;

    /** The first capacity of a vector; vectors grow as rows arrive. */
    private static final int INITIAL_CAPACITY = 4096;

    private final JdbcBatch batch;

    JdbcScan(JdbcBatch batch) {
        this.batch = batch;
    }

    /**
     * Reads the batch's rows of {@code fields}, at most {@code request.batchRows()} a record batch, handing
     * each to {@code sink}.
     */
    void read(ScanRequest request, List<Field> fields, BatchSink sink) {
        int fetchSize = Math.min(request.batchRows(), MAX_FETCH_SIZE);
        long rowsRead = 0;
        try (BufferAllocator allocator =
                        request.allocator().newChildAllocator("jdbc " + batch.name(), 0, Long.MAX_VALUE);
                Handle handle = batch.source().open()) {
            Connection connection = handle.getConnection();
            try {
                JdbcBatch.Relation rows = batch.relation();
                String select = fields.isEmpty()
                        ? "1"
                        : fields.stream()
                                .map(f -> JdbcBatch.quoted(f.getName(), rows.quote()))
                                .collect(Collectors.joining(", "));
                Sql statementSql = Sql.of("SELECT " + select + " FROM ").append(rows.sql());
                LOG.debug(
                        "Scanning '{}' of {}: {} columns, fetch size {}",
                        batch.name(),
                        batch.source().description(),
                        fields.size(),
                        fetchSize);
                boolean autoCommit = connection.getAutoCommit();
                if (autoCommit) {
                    connection.setAutoCommit(false);
                }
                Throwable primary = null;
                try {
                    rowsRead = scan(connection, statementSql, fetchSize, request.batchRows(), fields, allocator, sink);
                } catch (SQLException | RuntimeException | Error e) {
                    primary = e;
                    throw e;
                } finally {
                    endReadOnlyTransaction(connection, autoCommit, primary);
                }
            } catch (SQLException e) {
                throw batch.failure(e, connection, "reading");
            }
        }
        LOG.debug("Read {} rows of '{}'", rowsRead, batch.name());
    }

    /**
     * Rolls back the scan's read-only transaction, so that a pooled connection goes back with none open, and
     * restores auto-commit when the scan switched it off. After a failure the connection may be gone: a
     * failure here is then kept as suppressed by the first one, which says what went wrong.
     */
    private static void endReadOnlyTransaction(Connection connection, boolean autoCommit, Throwable primary)
            throws SQLException {
        try {
            connection.rollback();
            if (autoCommit) {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            if (primary == null) {
                throw e;
            }
            primary.addSuppressed(e);
        }
    }

    private long scan(
            Connection connection,
            Sql statementSql,
            int fetchSize,
            int batchRows,
            List<Field> fields,
            BufferAllocator allocator,
            BatchSink sink)
            throws SQLException {
        List<FieldVector> vectors = new ArrayList<>();
        try {
            for (Field field : fields) {
                FieldVector vector = field.createVector(allocator);
                vector.setInitialCapacity(Math.min(batchRows, INITIAL_CAPACITY));
                vectors.add(vector);
            }
            boolean temporalsAsText = connection
                    .getMetaData()
                    .getDatabaseProductName()
                    .toLowerCase(Locale.ROOT)
                    .contains("sqlite");
            List<ColumnReader> readers = new ArrayList<>();
            for (int i = 0; i < vectors.size(); i++) {
                readers.add(ColumnReader.of(vectors.get(i), i + 1, batch.name(), temporalsAsText));
            }
            try (VectorSchemaRoot root = new VectorSchemaRoot(new ArrayList<>(vectors))) {
                vectors.clear(); // closed by the root from here on
                try (PreparedStatement statement = connection.prepareStatement(
                        statementSql.text(), ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                    statementSql.bind(statement);
                    statement.setFetchSize(fetchSize);
                    try (ResultSet rows = statement.executeQuery()) {
                        long total = 0;
                        long ordinal = 0;
                        boolean more = rows.next();
                        while (more) {
                            root.allocateNew();
                            int row = 0;
                            while (more && row < batchRows) {
                                for (ColumnReader reader : readers) {
                                    reader.read(rows, row);
                                }
                                row++;
                                more = rows.next();
                            }
                            root.setRowCount(row);
                            total += row;
                            sink.accept(new RecordBatch(root, ordinal++));
                        }
                        return total;
                    }
                }
            }
        } finally {
            vectors.forEach(FieldVector::close);
        }
    }
}
