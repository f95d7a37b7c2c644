package dev.assay.jdbc;

import dev.assay.source.Batch;
import dev.assay.source.DatasetSchema;
import dev.assay.source.RecordBatch;
import dev.assay.source.ScanRequest;
import dev.assay.source.Split;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A batch with a relation's schema and one record batch of no rows. The SQL engine runs the streaming
 * engine over it first: every metric that engine would reject on this schema (a missing column, a type the
 * metric does not apply to, a bound that cannot be compared, a row condition that does not parse against
 * the columns) fails here with the very message it would give on the data, and no row is read.
 */
final class SchemaProbe implements Batch {
    private final String name;
    private final DatasetSchema schema;

    SchemaProbe(String name, DatasetSchema schema) {
        this.name = name;
        this.schema = schema;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public DatasetSchema schema() {
        return schema;
    }

    @Override
    public List<Split> splits(ScanRequest request) {
        return List.of(sink -> {
            List<FieldVector> vectors = new ArrayList<>();
            for (String column : request.columns()) {
                FieldVector vector = schema.require(column, name).createVector(request.allocator());
                vector.allocateNew();
                vectors.add(vector);
            }
            try (VectorSchemaRoot root = new VectorSchemaRoot(vectors)) {
                root.setRowCount(0);
                sink.accept(new RecordBatch(root, 0));
            }
        });
    }
}
