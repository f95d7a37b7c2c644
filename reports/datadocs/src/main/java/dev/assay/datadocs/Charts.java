package dev.assay.datadocs;

import dev.assay.datadocs.internal.Chart;
import dev.assay.store.MetricRecord;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns a data asset's metric history into one line chart per numeric series. Only numbers are computed
 * here; the template draws the SVG, so every name and label goes through its escaping. Thread-safe.
 */
final class Charts {
    static final int WIDTH = 640;
    static final int HEIGHT = 160;
    private static final int PAD = 8;

    private Charts() {}

    /** One chart per metric name found in {@code records} (oldest first), in order of first appearance. */
    static List<Chart> of(List<MetricRecord> records) {
        Set<String> names = new LinkedHashSet<>();
        records.forEach(r -> names.addAll(r.values().keySet()));
        List<Chart> charts = new ArrayList<>(names.size());
        for (String name : names) {
            List<MetricRecord> with = records.stream()
                    .filter(r -> r.values().containsKey(name)
                            && Double.isFinite(r.values().get(name)))
                    .toList();
            if (!with.isEmpty()) {
                charts.add(chart(name, with));
            }
        }
        return charts;
    }

    private static Chart chart(String name, List<MetricRecord> records) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (MetricRecord r : records) {
            double v = r.values().get(name);
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double span = max - min;
        int n = records.size();
        StringBuilder line = new StringBuilder();
        List<Chart.ChartPoint> points = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            MetricRecord r = records.get(i);
            double v = r.values().get(name);
            double x = n == 1 ? WIDTH / 2.0 : PAD + (WIDTH - 2.0 * PAD) * i / (n - 1);
            // A flat series is drawn across the middle rather than on an edge.
            double y = span == 0 ? HEIGHT / 2.0 : PAD + (HEIGHT - 2.0 * PAD) * (max - v) / span;
            String xs = coordinate(x);
            String ys = coordinate(y);
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(xs).append(',').append(ys);
            points.add(
                    new Chart.ChartPoint(xs, ys, Texts.time(r.time()) + " · " + r.batch() + " · " + Texts.number(v)));
        }
        return new Chart(
                name,
                WIDTH,
                HEIGHT,
                line.toString(),
                points,
                Texts.number(min),
                Texts.number(max),
                Texts.number(records.get(n - 1).values().get(name)),
                Texts.time(records.get(0).time()),
                Texts.time(records.get(n - 1).time()));
    }

    private static String coordinate(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }
}
