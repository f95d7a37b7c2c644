package dev.assay.engine.arrow;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/** Keeps the {@code limit} samples with the smallest positions (the first rows in data order). */
final class SampleHeap {
    /** One kept sample. */
    record Sample(long position, Object value, java.util.Map<String, Object> index, boolean badCell) {}

    private final int limit;
    private final PriorityQueue<Sample> heap =
            new PriorityQueue<>(Comparator.comparingLong(Sample::position).reversed());

    SampleHeap(int limit) {
        this.limit = limit;
    }

    /** True when a sample at {@code position} would be kept; lets callers skip building it. */
    boolean wants(long position) {
        return limit > 0 && (heap.size() < limit || position < heap.peek().position());
    }

    void offer(Sample sample) {
        if (!wants(sample.position())) {
            return;
        }
        heap.add(sample);
        if (heap.size() > limit) {
            heap.poll();
        }
    }

    void merge(SampleHeap other) {
        for (Sample s : other.heap) {
            offer(s);
        }
    }

    /** The kept samples in data order. */
    List<Sample> sorted() {
        List<Sample> out = new ArrayList<>(heap);
        out.sort(Comparator.comparingLong(Sample::position));
        return out;
    }
}
