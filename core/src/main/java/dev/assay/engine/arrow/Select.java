package dev.assay.engine.arrow;

import java.util.Arrays;

/**
 * Finds the k-th smallest value of an unsorted primitive array in linear expected time (introselect:
 * quickselect with median-of-three pivots, falling back to a sort of the remaining range if
 * partitioning goes badly). Reorders the array; repeated calls on the same array stay correct.
 */
final class Select {
    private Select() {}

    /** The k-th smallest (0-based) of {@code a[0, n)}. */
    static double select(double[] a, int n, int k) {
        int lo = 0;
        int hi = n - 1;
        int budget = 2 * (32 - Integer.numberOfLeadingZeros(Math.max(1, n)));
        while (hi > lo) {
            if (budget-- == 0) {
                Arrays.sort(a, lo, hi + 1);
                return a[k];
            }
            int mid = (lo + hi) >>> 1;
            // Median of three as pivot, which also sorts a[lo], a[mid], a[hi].
            if (Double.compare(a[mid], a[lo]) < 0) swap(a, lo, mid);
            if (Double.compare(a[hi], a[lo]) < 0) swap(a, lo, hi);
            if (Double.compare(a[hi], a[mid]) < 0) swap(a, mid, hi);
            double pivot = a[mid];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (Double.compare(a[i], pivot) < 0) i++;
                while (Double.compare(a[j], pivot) > 0) j--;
                if (i <= j) {
                    swap(a, i, j);
                    i++;
                    j--;
                }
            }
            // Now a[lo..j] <= pivot <= a[i..hi], and values between j and i equal the pivot.
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return a[k];
            }
        }
        return a[k];
    }

    /** The k-th smallest (0-based) of {@code a[0, n)}. */
    static long select(long[] a, int n, int k) {
        int lo = 0;
        int hi = n - 1;
        int budget = 2 * (32 - Integer.numberOfLeadingZeros(Math.max(1, n)));
        while (hi > lo) {
            if (budget-- == 0) {
                Arrays.sort(a, lo, hi + 1);
                return a[k];
            }
            int mid = (lo + hi) >>> 1;
            if (a[mid] < a[lo]) swap(a, lo, mid);
            if (a[hi] < a[lo]) swap(a, lo, hi);
            if (a[hi] < a[mid]) swap(a, mid, hi);
            long pivot = a[mid];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) i++;
                while (a[j] > pivot) j--;
                if (i <= j) {
                    swap(a, i, j);
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return a[k];
            }
        }
        return a[k];
    }

    private static void swap(double[] a, int i, int j) {
        double t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    private static void swap(long[] a, int i, int j) {
        long t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
