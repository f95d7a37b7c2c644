package dev.assay.engine.arrow.filter;

import java.util.List;

/** AND, OR and NOT over compiled conditions, with SQL's three-valued logic. */
abstract class LogicalNode implements Node {
    private LogicalNode() {}

    static Node and(List<Node> operands) {
        return new Junction(operands, true);
    }

    static Node or(List<Node> operands) {
        return new Junction(operands, false);
    }

    static Node not(Node operand) {
        return new Negation(operand);
    }

    /** AND is true where all are true and false where any is false; OR the other way round. */
    private static final class Junction extends LogicalNode {
        private final List<Node> operands;
        private final boolean and;

        Junction(List<Node> operands, boolean and) {
            this.operands = List.copyOf(operands);
            this.and = and;
        }

        @Override
        public void evaluate(Input input, long[] isTrue, long[] isFalse) {
            operands.get(0).evaluate(input, isTrue, isFalse);
            long[] nextTrue = new long[input.words];
            long[] nextFalse = new long[input.words];
            // For AND, what is false stays false; for OR, what is true stays true.
            long[] settled = and ? isFalse : isTrue;
            for (int i = 1; i < operands.size(); i++) {
                if (allSet(settled, input)) {
                    break;
                }
                operands.get(i).evaluate(input, nextTrue, nextFalse);
                for (int w = 0; w < input.words; w++) {
                    if (and) {
                        isTrue[w] &= nextTrue[w];
                        isFalse[w] |= nextFalse[w];
                    } else {
                        isTrue[w] |= nextTrue[w];
                        isFalse[w] &= nextFalse[w];
                    }
                }
            }
        }

        private static boolean allSet(long[] bits, Input input) {
            for (int w = 0; w < input.words; w++) {
                if (bits[w] != input.mask(w)) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final class Negation extends LogicalNode {
        private final Node operand;

        Negation(Node operand) {
            this.operand = operand;
        }

        @Override
        public void evaluate(Input input, long[] isTrue, long[] isFalse) {
            operand.evaluate(input, isFalse, isTrue);
        }
    }
}
