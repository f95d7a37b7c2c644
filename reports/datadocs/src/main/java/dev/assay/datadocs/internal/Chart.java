package dev.assay.datadocs.internal;

import java.util.List;

/**
 * A line chart of one metric over time, drawn as inline SVG by the template.
 *
 * @param name the metric, e.g. {@code column.mean(fare)}
 * @param width the drawing's width
 * @param height the drawing's height
 * @param line the polyline's points, {@code x,y x,y ...}
 * @param points one marker per value
 * @param min the smallest value, as shown
 * @param max the largest value, as shown
 * @param last the newest value, as shown
 * @param from the first point's time
 * @param to the last point's time
 */
public record Chart(
        String name,
        int width,
        int height,
        String line,
        List<ChartPoint> points,
        String min,
        String max,
        String last,
        String from,
        String to) {
    public Chart {
        points = List.copyOf(points);
    }

    /**
     * One value.
     *
     * @param x its horizontal position
     * @param y its vertical position
     * @param label its time, batch and value, for a tooltip
     */
    public record ChartPoint(String x, String y, String label) {}
}
