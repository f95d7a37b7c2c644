package dev.assay.engine.arrow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SelectTest {
    @Test
    void finds_every_rank_as_a_sort_would_on_random_data_with_duplicates() {
        SplittableRandom random = new SplittableRandom(7);
        for (int trial = 0; trial < 300; trial++) {
            int n = 1 + random.nextInt(trial < 50 ? 8 : 2000);
            int distinct = 1 + random.nextInt(n);
            double[] doubles = new double[n];
            long[] longs = new long[n];
            for (int i = 0; i < n; i++) {
                longs[i] = random.nextInt(distinct) - distinct / 2;
                doubles[i] = longs[i] * 0.5;
            }
            double[] sortedDoubles = doubles.clone();
            long[] sortedLongs = longs.clone();
            Arrays.sort(sortedDoubles);
            Arrays.sort(sortedLongs);
            for (int probe = 0; probe < 5; probe++) {
                int k = random.nextInt(n);
                assertThat(Select.select(doubles, n, k)).isEqualTo(sortedDoubles[k]);
                assertThat(Select.select(longs, n, k)).isEqualTo(sortedLongs[k]);
            }
        }
    }

    @Test
    void handles_sorted_and_reversed_input() {
        int n = 100_000;
        long[] ascending = new long[n];
        long[] descending = new long[n];
        for (int i = 0; i < n; i++) {
            ascending[i] = i;
            descending[i] = n - i;
        }
        assertThat(Select.select(ascending, n, 12_345)).isEqualTo(12_345);
        assertThat(Select.select(descending, n, 0)).isEqualTo(1);
    }
}
