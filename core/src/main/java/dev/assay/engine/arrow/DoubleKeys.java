package dev.assay.engine.arrow;

/** Maps doubles to long keys so that equal values (0.0 and -0.0, every NaN) share one key. */
final class DoubleKeys {
    private DoubleKeys() {}

    static long key(double value) {
        if (value == 0.0) {
            return 0L;
        }
        return Double.doubleToLongBits(value); // canonical NaN
    }
}
