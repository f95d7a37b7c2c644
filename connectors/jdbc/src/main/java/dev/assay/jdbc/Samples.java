package dev.assay.jdbc;

import dev.assay.metric.DuplicateRows;
import dev.assay.metric.Metric;
import dev.assay.metric.RowPredicate;
import dev.assay.metric.SampleSpec;
import dev.assay.metric.UnexpectedRows;
import dev.assay.metric.UnexpectedRowsResult.UnexpectedRow;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * The first unexpected rows of a failed check, and the query a person can run to list them all (GX's {@code
 * unexpected_index_query}).
 */
record Samples(List<UnexpectedRow> rows, String query) {
    private static final String ROW = "assay_row";

    /**
     * The first unexpected rows in data order, at most the sample limit (none is read for a limit of 0):
     * for a row check, the rows where {@code unexpected} holds; for duplicates ({@code groupBy} not null),
     * the rows whose key occurs more than once among those {@code unexpected} (there: the ignored rows)
     * does not exclude. With them, the query that lists them all, values written in. Runs on {@code session}.
     */
    static Samples fetch(
            SqlSession session,
            List<String> valueColumns,
            Metric<?> metric,
            Sql where,
            Sql unexpected,
            String groupBy,
            RowPredicate predicate)
            throws SQLException {
        JdbcBatch.Relation relation = session.relation;
        SqlCompiler compiler = relation.compiler();
        SampleSpec spec = metric instanceof UnexpectedRows u ? u.samples() : ((DuplicateRows) metric).samples();
        Set<String> needed = new LinkedHashSet<>(valueColumns);
        needed.addAll(spec.indexColumns());
        needed.addAll(metric.filter().columns());
        Sql inner = relation.dialect()
                .numberedRows(
                        String.join(", ", needed.stream().map(compiler::quoted).toList()), relation.sql());
        List<String> selected = new ArrayList<>(valueColumns);
        selected.addAll(spec.indexColumns());
        String listed = String.join(
                ", ",
                new LinkedHashSet<>(selected).stream().map(compiler::quoted).toList());
        Sql all;
        if (groupBy == null) {
            all = Sql.of("SELECT " + listed + " FROM ")
                    .append(relation.sql())
                    .append(" WHERE (")
                    .append(where)
                    .append(") AND ")
                    .append(unexpected);
        } else {
            all = Sql.of("SELECT " + listed + " FROM (SELECT " + listed + ", COUNT(*) OVER (PARTITION BY " + groupBy
                            + ") AS assay_n FROM ")
                    .append(relation.sql())
                    .append(" WHERE (")
                    .append(where)
                    .append(") AND NOT (")
                    .append(unexpected)
                    .append(")) assay_counted WHERE assay_n > 1");
        }
        String indexQuery = all.inlined(relation.dialect());
        if (spec.limit() == 0) {
            return new Samples(List.of(), indexQuery);
        }
        String outer = String.join(", ", selected.stream().map(compiler::quoted).toList()) + ", " + ROW;
        Sql query;
        if (groupBy == null) {
            query = Sql.of("SELECT " + outer + " FROM (")
                    .append(inner)
                    .append(") assay_rows WHERE (")
                    .append(where)
                    .append(") AND ")
                    .append(unexpected);
        } else {
            query = Sql.of("SELECT " + outer + " FROM (SELECT assay_rows.*, COUNT(*) OVER (PARTITION BY " + groupBy
                            + ") AS assay_n FROM (")
                    .append(inner)
                    .append(") assay_rows WHERE (")
                    .append(where)
                    .append(") AND NOT (")
                    .append(unexpected)
                    .append(")) assay_counted WHERE assay_n > 1");
        }
        // A dialect that keeps row order keeps it through one scan; the duplicates' COUNT(*) OVER (PARTITION
        // BY key) sorts by key (PostgreSQL lists a repeated key's rows together), so those are ordered.
        boolean ordered = relation.dialect().keepsRowOrder() && groupBy == null;
        query = query.append(
                (ordered ? "" : " ORDER BY " + ROW) + relation.dialect().limit(spec.limit()));
        List<Field> fields = new ArrayList<>();
        for (String column : selected) {
            fields.add(compiler.field(column));
        }
        fields.add(new Field(ROW, FieldType.nullable(new ArrowType.Int(64, true)), null));
        List<UnexpectedRow> out = new ArrayList<>();
        for (Object[] row : session.rows(query, fields)) {
            int n = valueColumns.size();
            Object value;
            if (predicate instanceof RowPredicate.PairCompare) {
                value = Collections.unmodifiableList(Arrays.asList(row[0], row[1]));
            } else if (n == 1) {
                value = row[0];
            } else {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = 0; i < n; i++) {
                    map.put(valueColumns.get(i), row[i]);
                }
                value = Collections.unmodifiableMap(map);
            }
            Map<String, Object> index = new LinkedHashMap<>();
            for (int i = 0; i < spec.indexColumns().size(); i++) {
                index.put(spec.indexColumns().get(i), row[n + i]);
            }
            long rowIndex = (Long) row[row.length - 1];
            out.add(new UnexpectedRow(
                    rowIndex, value, index.isEmpty() ? Map.of() : Collections.unmodifiableMap(index), false));
        }
        return new Samples(out, indexQuery);
    }
}
