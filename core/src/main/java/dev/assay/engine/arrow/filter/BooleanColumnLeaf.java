package dev.assay.engine.arrow.filter;

import java.util.List;
import org.apache.arrow.vector.FieldVector;

/** A boolean column as a condition: the data bitmap is the answer, 64 rows at a time. */
final class BooleanColumnLeaf extends ValueLeaf {
    private final BoundColumn column;

    BooleanColumnLeaf(BoundColumn column) {
        super(List.of(column), false, false);
        this.column = column;
    }

    @Override
    void match(Input input, long[] match) {
        FieldVector vector = column.vector(input);
        Validity values = Validity.ofBits(vector.getDataBuffer(), input.rows, column.name);
        for (int w = 0; w < input.words; w++) {
            match[w] = values.word(w);
        }
    }
}
