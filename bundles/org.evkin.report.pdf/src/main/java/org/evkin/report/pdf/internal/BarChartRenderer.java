package org.evkin.report.pdf.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.evkin.report.pdf.internal.BarChart.Item;
import org.evkin.report.pdf.internal.Canvas.Align;

/**
 * Draws a BarChart with vector graphics and real text at the cursor: caption, legend, gridlines, bars with their
 * values, the axis; items that do not fit continue on the next page under the caption and legend again.
 */
final class BarChartRenderer {

    private static final float CAPTION = 8.5f;
    private static final float LABEL = 7.5f;
    private static final float VALUE = 7f;
    private static final int MAX_LABEL_LINES = 4;

    private final Canvas canvas;
    private final Texts texts;
    private final BarChart chart;
    private final FontFace regular;

    private BarChartRenderer(Canvas canvas, Texts texts, BarChart chart) {
        this.canvas = canvas;
        this.texts = texts;
        this.chart = chart;
        this.regular = canvas.face(false);
    }

    static void draw(Canvas canvas, Texts texts, BarChart chart) throws IOException {
        new BarChartRenderer(canvas, texts, chart).draw();
    }

    private float bandHeight() {
        return switch (chart.type()) {
            case BARS -> 12;
            case GROUPED -> chart.series().size() * 7.5f + (chart.series().size() - 1) * 1.5f;
            case STACKED -> 11;
        };
    }

    private float gap() {
        return chart.type() == BarChart.Type.GROUPED ? 8 : 5;
    }

    private void draw() throws IOException {
        float width = canvas.width();
        float labelWidth = 0;
        for (Item item : chart.items()) {
            labelWidth = Math.max(labelWidth, regular.width(regular.clean(item.label()), LABEL));
        }
        labelWidth = Math.min(labelWidth + 4, width * 0.34f);
        List<List<String>> labels = new ArrayList<>();
        List<Float> heights = new ArrayList<>();
        float lh = Canvas.lineHeight(LABEL);
        for (Item item : chart.items()) {
            List<String> lines = Lines.wrap(item.label(), regular, LABEL, labelWidth);
            if (lines.size() > MAX_LABEL_LINES) {
                List<String> cut = new ArrayList<>(lines.subList(0, MAX_LABEL_LINES));
                cut.set(MAX_LABEL_LINES - 1, Lines.fit(cut.get(MAX_LABEL_LINES - 1) + " \u2026", regular, LABEL, labelWidth));
                lines = cut;
            }
            labels.add(lines);
            heights.add(Math.max(bandHeight(), lines.size() * lh) + gap());
        }
        float endSpace = 0;
        for (Item item : chart.items()) {
            if (item.endLabel() != null) {
                endSpace = Math.max(endSpace, regular.width(regular.clean(item.endLabel()), VALUE));
            }
            if (chart.type() != BarChart.Type.STACKED) {
                for (String v : item.valueLabels()) {
                    endSpace = Math.max(endSpace, regular.width(regular.clean(v), VALUE));
                }
            }
        }
        endSpace += 8;
        float plotX = canvas.left() + labelWidth + 8;
        float plotWidth = width - labelWidth - 8 - endSpace;
        int start = 0;
        while (start < chart.items().size()) {
            float header = headerHeight(start > 0, width);
            float axis = 8 + Canvas.lineHeight(LABEL) * 2 + 4;
            int end = start;
            float used = 0;
            float room = canvas.remaining() - header - axis - 6;
            while (end < chart.items().size() && used + heights.get(end) <= room) {
                used += heights.get(end);
                end++;
            }
            int wanted = Math.min(chart.items().size() - start, 3);
            if (end - start < wanted && !canvas.atTop()) {
                canvas.newPage(canvas.landscape());
                continue;
            }
            if (end == start) {
                end = start + 1;
                used = heights.get(start);
            }
            drawHeader(start > 0, width);
            float plotTop = canvas.y();
            float plotBottom = plotTop - used;
            grid(plotX, plotWidth, plotTop, plotBottom);
            float y = plotTop;
            for (int i = start; i < end; i++) {
                item(i, labels.get(i), y, heights.get(i), plotX, plotWidth);
                y -= heights.get(i);
            }
            axis(plotX, plotWidth, plotBottom);
            canvas.down(used + axis);
            start = end;
        }
    }

    private float headerHeight(boolean continued, float width) {
        String caption = caption(continued);
        float h = canvas.paragraphHeight(caption, true, CAPTION, width) + 4;
        if (legendShown()) {
            h += legendLines(width).size() * (Canvas.lineHeight(LABEL) + 2) + 4;
        }
        return h;
    }

    private String caption(boolean continued) {
        return texts.get(continued ? "national.chartContinued" : "national.chart", chart.caption());
    }

    private boolean legendShown() {
        return chart.type() != BarChart.Type.BARS;
    }

    private void drawHeader(boolean continued, float width) throws IOException {
        canvas.paragraph(caption(continued), true, CAPTION, Palette.TEXT, Align.LEFT);
        canvas.down(4);
        if (legendShown()) {
            float lh = Canvas.lineHeight(LABEL) + 2;
            for (List<Integer> line : legendLines(width)) {
                float x = canvas.left();
                float baseline = canvas.baseline(canvas.y(), LABEL, false);
                for (int s : line) {
                    canvas.fill(x, baseline - 0.5f, 8, 8, chart.colors().get(s));
                    x += 11;
                    String label = regular.clean(chart.series().get(s));
                    canvas.text(label, false, LABEL, x, baseline, Palette.TEXT);
                    x += regular.width(label, LABEL) + 14;
                }
                canvas.down(lh);
            }
            canvas.down(4);
        }
    }

    /** The series indexes of each legend line. */
    private List<List<Integer>> legendLines(float width) {
        List<List<Integer>> lines = new ArrayList<>();
        List<Integer> line = new ArrayList<>();
        float x = 0;
        for (int s = 0; s < chart.series().size(); s++) {
            float w = 11 + regular.width(regular.clean(chart.series().get(s)), LABEL) + 14;
            if (!line.isEmpty() && x + w > width) {
                lines.add(line);
                line = new ArrayList<>();
                x = 0;
            }
            line.add(s);
            x += w;
        }
        if (!line.isEmpty()) {
            lines.add(line);
        }
        return lines;
    }

    private float x(double value, float plotX, float plotWidth) {
        double v = Math.max(chart.min(), Math.min(chart.max(), value));
        return plotX + (float) ((v - chart.min()) / (chart.max() - chart.min())) * plotWidth;
    }

    private void grid(float plotX, float plotWidth, float top, float bottom) throws IOException {
        for (double v = chart.min(); v <= chart.max() + 1e-9; v += chart.step()) {
            float x = x(v, plotX, plotWidth);
            canvas.line(x, top, x, bottom, 0.4f, Palette.GRID);
        }
    }

    private void axis(float plotX, float plotWidth, float bottom) throws IOException {
        canvas.line(plotX, bottom, plotX + plotWidth, bottom, 0.7f, Palette.TEXT);
        float tickBaseline = canvas.baseline(bottom - 4, LABEL, false);
        for (double v = chart.min(); v <= chart.max() + 1e-9; v += chart.step()) {
            float x = x(v, plotX, plotWidth);
            canvas.line(x, bottom, x, bottom - 3, 0.7f, Palette.TEXT);
            String tick = chart.meanAxis() ? BigDecimal.valueOf(v).setScale(1, java.math.RoundingMode.HALF_UP).toPlainString()
                    .replace('.', ',') : Cells.whole(BigDecimal.valueOf(v));
            canvas.text(tick, false, LABEL, x - 20, 40, Align.CENTER, tickBaseline, Palette.MUTED);
        }
        float titleBaseline = tickBaseline - Canvas.lineHeight(LABEL);
        canvas.text(chart.axisTitle(), false, LABEL, plotX, plotWidth, Align.CENTER, titleBaseline, Palette.MUTED);
    }

    private void item(int index, List<String> label, float top, float height, float plotX, float plotWidth)
            throws IOException {
        Item item = chart.items().get(index);
        float box = height - gap();
        float lh = Canvas.lineHeight(LABEL);
        float labelTop = top - gap() / 2 - (box - label.size() * lh) / 2;
        for (int i = 0; i < label.size(); i++) {
            canvas.text(label.get(i), false, LABEL, canvas.left(), canvas.baseline(labelTop - i * lh, LABEL, false),
                    Palette.TEXT);
        }
        float bandTop = top - gap() / 2 - (box - bandHeight()) / 2;
        switch (chart.type()) {
            case BARS -> bar(item.values()[0], item.valueLabels()[0], chart.colors().get(Math.min(index, chart.colors().size() - 1)),
                    bandTop, bandHeight(), plotX, plotWidth);
            case GROUPED -> {
                float barHeight = 7.5f;
                for (int s = 0; s < item.values().length; s++) {
                    bar(item.values()[s], item.valueLabels()[s], chart.colors().get(s), bandTop - s * (barHeight + 1.5f),
                            barHeight, plotX, plotWidth);
                }
            }
            case STACKED -> stack(item, bandTop, plotX, plotWidth);
        }
    }

    private void bar(double value, String label, Rgb color, float top, float height, float plotX, float plotWidth)
            throws IOException {
        float end = plotX;
        if (!Double.isNaN(value)) {
            end = x(value, plotX, plotWidth);
            if (end > plotX) {
                canvas.fill(plotX, top - height, end - plotX, height, color);
            }
        }
        float size = Math.min(VALUE, height);
        float baseline = top - height / 2 - size * 0.35f;
        canvas.text(label, false, size, end + 3, baseline, Palette.TEXT);
    }

    private void stack(Item item, float top, float plotX, float plotWidth) throws IOException {
        float height = bandHeight();
        float x = plotX;
        float baseline = top - height / 2 - VALUE * 0.35f;
        for (int s = 0; s < item.values().length; s++) {
            double v = item.values()[s];
            if (Double.isNaN(v) || v <= 0) {
                continue;
            }
            float w = (float) (v / (chart.max() - chart.min())) * plotWidth;
            Rgb color = chart.colors().get(s);
            canvas.fill(x, top - height, w, height, color);
            String label = regular.clean(item.valueLabels()[s]);
            float lw = regular.width(label, VALUE);
            if (lw + 3 <= w) {
                canvas.text(label, false, VALUE, x + (w - lw) / 2, baseline, color.readableText());
            }
            x += w;
        }
        if (item.endLabel() != null) {
            canvas.text(item.endLabel(), true, VALUE, x + 3, baseline, Palette.TEXT);
        }
    }
}
