package dev.assay.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class ByteRangeTest {
    @Test
    void nearby_ranges_merge_into_one_read_and_far_ones_do_not() {
        List<ByteRange> ranges = List.of(
                new ByteRange(1000, 100), new ByteRange(0, 100), new ByteRange(150, 50), new ByteRange(1050, 10));

        assertThat(ByteRange.coalesce(ranges, 50)).containsExactly(new ByteRange(0, 200), new ByteRange(1000, 100));
        assertThat(ByteRange.coalesce(ranges, 49))
                .containsExactly(new ByteRange(0, 100), new ByteRange(150, 50), new ByteRange(1000, 100));
        assertThat(ByteRange.coalesce(ranges, 10_000)).containsExactly(new ByteRange(0, 1100));
        assertThat(ByteRange.coalesce(List.of(), 10)).isEmpty();
    }

    @Test
    void slices_give_each_range_its_bytes_in_the_order_asked() {
        List<ByteRange> ranges = List.of(new ByteRange(6, 2), new ByteRange(1, 2), new ByteRange(2, 3));
        List<ByteRange> reads = ByteRange.coalesce(ranges, 1);
        ByteBuffer file = ByteBuffer.wrap("0123456789".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        List<ByteBuffer> fetched = reads.stream()
                .map(r -> file.duplicate()
                        .position((int) r.offset())
                        .limit((int) r.end())
                        .slice())
                .toList();

        assertThat(ByteRange.slice(ranges, reads, fetched))
                .extracting(FileStoresTest::text)
                .containsExactly("67", "12", "234");
    }

    @Test
    void a_negative_range_is_rejected() {
        assertThatThrownBy(() -> new ByteRange(-1, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bad byte range: offset -1, length 2");
    }
}
