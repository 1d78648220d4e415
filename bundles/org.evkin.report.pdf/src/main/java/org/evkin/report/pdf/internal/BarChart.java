package org.evkin.report.pdf.internal;

import java.util.List;

/**
 * A horizontal bar chart drawn from a national table: one bar per item (BARS), one bar per series within each item
 * (GROUPED), or the series stacked into one bar per item (STACKED), on an axis from min to max.
 *
 * @param series      the series' labels (the legend; one unnamed series for BARS)
 * @param colors      a colour per series, or for BARS per item
 * @param meanAxis    the 1–4 scale of mean scores (ticks with a decimal comma) rather than counts
 */
record BarChart(String caption, Type type, List<String> series, List<Rgb> colors, List<Item> items, double min,
        double max, double step, boolean meanAxis, String axisTitle) {

    enum Type { BARS, GROUPED, STACKED }

    /** One row of the chart: its label, a value per series (NaN: none) with its label, and a label after the bar. */
    record Item(String label, double[] values, String[] valueLabels, String endLabel) {
    }

    BarChart {
        series = List.copyOf(series);
        colors = List.copyOf(colors);
        items = List.copyOf(items);
    }
}
