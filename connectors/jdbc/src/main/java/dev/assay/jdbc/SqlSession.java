package dev.assay.jdbc;

import static dev.assay.jdbc.SqlEngine.LOG;

import dev.assay.engine.arrow.ArrowValues;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/** One validation's connection: runs statements and reads typed values. Not thread-safe. */
final class SqlSession {
    final Connection connection;
    private final BufferAllocator allocator;
    final JdbcBatch.Relation relation;
    private final Counters counters;
    private final JdbcBatch batch;

    SqlSession(
            JdbcBatch batch,
            Connection connection,
            BufferAllocator allocator,
            JdbcBatch.Relation relation,
            Counters counters) {
        this.batch = batch;
        this.connection = connection;
        this.allocator = allocator;
        this.relation = relation;
        this.counters = counters;
    }

    /** Runs one aggregate SELECT of {@code planned} over the rows {@code where} keeps. */
    void aggregate(List<Planned> planned, Sql where) throws SQLException {
        // Equal items (every row check's COUNT(*), say) are selected once and read by each that needs them.
        Map<Sql, Integer> unique = new LinkedHashMap<>();
        Map<Planned, int[]> columns = new java.util.HashMap<>();
        for (Planned p : planned) {
            List<Sql> its = p.items(where);
            int[] positions = new int[its.size()];
            for (int i = 0; i < its.size(); i++) {
                Integer position = unique.get(its.get(i));
                if (position == null) {
                    position = unique.size() + 1;
                    unique.put(its.get(i), position);
                }
                positions[i] = position;
            }
            columns.put(p, positions);
        }
        List<Sql> items = new ArrayList<>(unique.keySet());
        if (items.isEmpty()) {
            for (Planned p : planned) {
                p.results = new Object[0];
            }
            return;
        }
        Sql query = Sql.of("SELECT ")
                .append(Sql.join(items, ", "))
                .append(" FROM ")
                .append(relation.sql())
                .append(" WHERE ")
                .append(where);
        long start = System.nanoTime();
        try (PreparedStatement statement = prepare(query);
                ResultSet row = statement.executeQuery()) {
            LOG.debug("{}: aggregate returned after {} ms", batch.name(), (System.nanoTime() - start) / 1_000_000);
            counters.queries.incrementAndGet();
            if (!row.next()) {
                throw new SQLException("the aggregate query returned no row");
            }
            counters.rows.incrementAndGet();
            for (Planned p : planned) {
                p.read(this, row, columns.get(p));
            }
        }
    }

    private PreparedStatement prepare(Sql query) throws SQLException {
        if (LOG.isDebugEnabled()) {
            LOG.debug("{}: {}", batch.name(), query.inlined(relation.dialect()));
        }
        PreparedStatement statement = connection.prepareStatement(query.text());
        query.bind(statement);
        return statement;
    }

    /** Reads column {@code column} of the current row as a value of {@code field}'s type, as streamed. */
    Object typed(ResultSet row, int column, Field field) throws SQLException {
        Field target = new Field("value", FieldType.nullable(field.getType()), null);
        try (FieldVector vector = target.createVector(allocator)) {
            vector.allocateNew();
            ColumnReader.of(vector, column, batch.name(), relation.dialect() == Dialect.SQLITE)
                    .read(row, 0);
            vector.setValueCount(1);
            return ArrowValues.get(vector, 0);
        }
    }

    /** Runs {@code query} and reads every row as values of {@code fields}. */
    List<Object[]> rows(Sql query, List<Field> fields) throws SQLException {
        List<Object[]> out = new ArrayList<>();
        long start = System.nanoTime();
        try (PreparedStatement statement = prepare(query);
                ResultSet rows = statement.executeQuery()) {
            LOG.debug("{}: query returned after {} ms", batch.name(), (System.nanoTime() - start) / 1_000_000);
            counters.queries.incrementAndGet();
            while (rows.next()) {
                counters.rows.incrementAndGet();
                Object[] values = new Object[fields.size()];
                for (int i = 0; i < fields.size(); i++) {
                    values[i] = typed(rows, i + 1, fields.get(i));
                }
                out.add(values);
            }
        }
        return out;
    }

    /** Rows and queries, for the run's figures; shared by the sessions of one run. Thread-safe. */
    static final class Counters {
        final AtomicInteger queries = new AtomicInteger();
        final AtomicLong rows = new AtomicLong();
    }
}
