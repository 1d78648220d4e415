package org.evkin.report.pdf.internal;

import java.util.ArrayList;
import java.util.List;

import org.evkin.report.ReportTable;
import org.evkin.report.ReportTable.Column;
import org.evkin.report.ReportTable.Kind;

/**
 * Which charts a national table gets, read from its columns' kinds: predikat counts (3.5, 3.11) as bars, mean
 * scores per program and level (3.4) as grouped bars on the 1–4 scale, predikat per level or province (3.6, 3.7,
 * 3.12) and respondents per program and level (3.3) stacked, the others where a plain chart says something.
 * A table whose columns do not fit its chart gets none, rather than a wrong one.
 */
final class Charts {

    private Charts() {
    }

    static List<BarChart> of(ReportTable table, String caption, Texts texts) {
        if (table.rows().isEmpty()) {
            return List.of();
        }
        BarChart chart = switch (table.id()) {
            case "3.1", "3.10" -> grouped(table, caption, texts, counts(table, false), false);
            case "3.2" -> bars(table, caption, texts, false);
            case "3.3", "3.6", "3.7", "3.12" -> stacked(table, caption, texts);
            case "3.4" -> grouped(table, caption, texts, kind(table, Kind.MEAN), true);
            case "3.5", "3.11" -> bars(table, caption, texts, true);
            case "G3.1" -> kind(table, Kind.MEAN).isEmpty() ? null : meanBars(table, caption, texts);
            default -> null;
        };
        return chart == null ? List.of() : List.of(chart);
    }

    /** The columns that name a row (TEXT, or the row number "no") before the first value column. */
    static int labelColumns(ReportTable table) {
        int n = 0;
        for (Column c : table.columns()) {
            if (c.kind() == Kind.TEXT || isNo(c)) {
                n++;
            } else {
                break;
            }
        }
        return n;
    }

    static boolean isNo(Column c) {
        return c.key().equalsIgnoreCase("no") || c.label().equalsIgnoreCase("no");
    }

    /** The column whose text names a row in a chart: the program's title, the subkompetensi, else the last label. */
    private static int labelColumn(ReportTable table) {
        for (String key : new String[] {"title", "subcompetency"}) {
            for (int c = 0; c < table.columns().size(); c++) {
                if (table.columns().get(c).key().equals(key) && table.columns().get(c).kind() == Kind.TEXT) {
                    return c;
                }
            }
        }
        int labels = labelColumns(table);
        for (int c = labels - 1; c >= 0; c--) {
            if (table.columns().get(c).kind() == Kind.TEXT) {
                return c;
            }
        }
        return -1;
    }

    private static String label(ReportTable table, List<Object> row, int column, int index) {
        Object v = column >= 0 && column < row.size() ? row.get(column) : null;
        return v == null || v.toString().isBlank() ? String.valueOf(index + 1) : v.toString();
    }

    private static List<Integer> kind(ReportTable table, Kind kind) {
        List<Integer> out = new ArrayList<>();
        for (int c = 0; c < table.columns().size(); c++) {
            if (table.columns().get(c).kind() == kind && !isNo(table.columns().get(c))) {
                out.add(c);
            }
        }
        return out;
    }

    /** The COUNT columns other than the row number, without the total column when asked. */
    private static List<Integer> counts(ReportTable table, boolean withoutTotal) {
        List<Integer> counts = kind(table, Kind.COUNT);
        if (withoutTotal && counts.size() > 2) {
            int last = counts.get(counts.size() - 1);
            if (isTotal(table, last, counts.subList(0, counts.size() - 1))) {
                counts = counts.subList(0, counts.size() - 1);
            }
        }
        return counts;
    }

    /** Whether a column is the row total: named so, or the sum of the other count columns in every row. */
    private static boolean isTotal(ReportTable table, int column, List<Integer> parts) {
        Column c = table.columns().get(column);
        for (String name : new String[] {"total", "jumlah", "sum"}) {
            if (c.key().equalsIgnoreCase(name) || c.label().equalsIgnoreCase(name)) {
                return true;
            }
        }
        for (List<Object> row : table.rows()) {
            double sum = 0;
            for (int p : parts) {
                double v = value(row, p);
                sum += Double.isNaN(v) ? 0 : v;
            }
            if (Math.abs(sum - value(row, column)) > 1e-9) {
                return false;
            }
        }
        return true;
    }

    private static double value(List<Object> row, int column) {
        return column < row.size() ? Cells.number(row.get(column)) : Double.NaN;
    }

    private static BarChart bars(ReportTable table, String caption, Texts texts, boolean predicates) {
        List<Integer> counts = counts(table, false);
        if (counts.isEmpty()) {
            return null;
        }
        int count = counts.get(0);
        List<Integer> percents = kind(table, Kind.PERCENT);
        int labelColumn = labelColumn(table);
        List<BarChart.Item> items = new ArrayList<>();
        double max = 0;
        for (int i = 0; i < table.rows().size(); i++) {
            List<Object> row = table.rows().get(i);
            double v = value(row, count);
            String shown = Cells.format(row.size() > count ? row.get(count) : null, Kind.COUNT);
            if (!percents.isEmpty() && row.size() > percents.get(0) && row.get(percents.get(0)) != null) {
                shown = texts.get("chart.countPercent", shown, Cells.format(row.get(percents.get(0)), Kind.PERCENT));
            }
            items.add(new BarChart.Item(label(table, row, labelColumn, i), new double[] {v}, new String[] {shown}, null));
            max = Double.isNaN(v) ? max : Math.max(max, v);
        }
        if (max <= 0) {
            return null;
        }
        double step = step(max);
        List<Rgb> colors = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            colors.add(predicates && items.size() == Palette.PREDICATES.size() ? Palette.PREDICATES.get(i) : Palette.series(0));
        }
        return new BarChart(caption, BarChart.Type.BARS, List.of(table.columns().get(count).label()), colors, items, 0,
                Math.ceil(max / step) * step, step, false, texts.get("chart.count"));
    }

    private static BarChart meanBars(ReportTable table, String caption, Texts texts) {
        int mean = kind(table, Kind.MEAN).get(0);
        int labelColumn = labelColumn(table);
        int category = -1;
        for (int c = 0; c < table.columns().size(); c++) {
            if (table.columns().get(c).key().equals("category")) {
                category = c;
            }
        }
        List<BarChart.Item> items = new ArrayList<>();
        boolean any = false;
        for (int i = 0; i < table.rows().size(); i++) {
            List<Object> row = table.rows().get(i);
            double v = value(row, mean);
            any |= !Double.isNaN(v);
            String shown = Cells.format(row.size() > mean ? row.get(mean) : null, Kind.MEAN);
            if (!Double.isNaN(v) && category >= 0 && row.size() > category && row.get(category) != null) {
                shown = shown + " (" + row.get(category) + ")";
            }
            items.add(new BarChart.Item(label(table, row, labelColumn, i), new double[] {v}, new String[] {shown}, null));
        }
        if (!any) {
            return null;
        }
        List<Rgb> colors = new ArrayList<>();
        items.forEach(i -> colors.add(Palette.series(0)));
        return new BarChart(caption, BarChart.Type.BARS, List.of(table.columns().get(mean).label()), colors, items, 1, 4,
                0.5, true, texts.get("chart.mean"));
    }

    private static BarChart grouped(ReportTable table, String caption, Texts texts, List<Integer> all, boolean mean) {
        // a series without any value (no Ahli Utama in the filter) is left out of the chart; the table shows its "-"
        List<Integer> columns = all.stream().filter(c -> table.rows().stream().anyMatch(r -> !Double.isNaN(value(r, c))))
                .toList();
        if (columns.isEmpty()) {
            return null;
        }
        if (columns.size() == 1 && !mean) {
            return bars(table, caption, texts, false);
        }
        int labelColumn = labelColumn(table);
        Kind kind = mean ? Kind.MEAN : Kind.COUNT;
        List<BarChart.Item> items = new ArrayList<>();
        double max = 0;
        boolean any = false;
        for (int i = 0; i < table.rows().size(); i++) {
            List<Object> row = table.rows().get(i);
            double[] values = new double[columns.size()];
            String[] labels = new String[columns.size()];
            for (int s = 0; s < columns.size(); s++) {
                int c = columns.get(s);
                values[s] = value(row, c);
                labels[s] = Cells.format(c < row.size() ? row.get(c) : null, kind);
                if (labels[s].isEmpty()) {
                    labels[s] = "-";
                }
                if (!Double.isNaN(values[s])) {
                    max = Math.max(max, values[s]);
                    any = true;
                }
            }
            items.add(new BarChart.Item(label(table, row, labelColumn, i), values, labels, null));
        }
        if (!any || (!mean && max <= 0)) {
            return null;
        }
        List<String> series = new ArrayList<>();
        List<Rgb> colors = new ArrayList<>();
        for (int s = 0; s < columns.size(); s++) {
            series.add(table.columns().get(columns.get(s)).label());
            colors.add(Palette.series(s));
        }
        if (mean) {
            return new BarChart(caption, BarChart.Type.GROUPED, series, colors, items, 1, 4, 0.5, true, texts.get("chart.mean"));
        }
        double step = step(max);
        return new BarChart(caption, BarChart.Type.GROUPED, series, colors, items, 0, Math.ceil(max / step) * step, step,
                false, texts.get("chart.count"));
    }

    private static BarChart stacked(ReportTable table, String caption, Texts texts) {
        List<Integer> columns = counts(table, true);
        if (columns.size() < 2) {
            return null;
        }
        int labelColumn = labelColumn(table);
        List<BarChart.Item> items = new ArrayList<>();
        double max = 0;
        for (int i = 0; i < table.rows().size(); i++) {
            List<Object> row = table.rows().get(i);
            double[] values = new double[columns.size()];
            String[] labels = new String[columns.size()];
            double sum = 0;
            for (int s = 0; s < columns.size(); s++) {
                int c = columns.get(s);
                values[s] = value(row, c);
                labels[s] = Cells.format(c < row.size() ? row.get(c) : null, Kind.COUNT);
                sum += Double.isNaN(values[s]) ? 0 : values[s];
            }
            max = Math.max(max, sum);
            items.add(new BarChart.Item(label(table, row, labelColumn, i), values, labels,
                    Cells.whole(java.math.BigDecimal.valueOf(sum))));
        }
        if (max <= 0) {
            return null;
        }
        List<String> series = new ArrayList<>();
        List<Rgb> colors = new ArrayList<>();
        boolean predicates = columns.size() == Palette.PREDICATES.size() && !table.id().equals("3.3");
        for (int s = 0; s < columns.size(); s++) {
            series.add(table.columns().get(columns.get(s)).label());
            colors.add(predicates ? Palette.PREDICATES.get(s) : Palette.series(s));
        }
        double step = step(max);
        return new BarChart(caption, BarChart.Type.STACKED, series, colors, items, 0, Math.ceil(max / step) * step, step,
                false, texts.get("chart.count"));
    }

    /** A round tick step giving about five ticks up to max: 1, 2 or 5 times a power of ten, whole. */
    static double step(double max) {
        double raw = max / 5;
        double power = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 1e-9))));
        double step = power;
        for (double f : new double[] {1, 2, 5, 10}) {
            step = f * power;
            if (step >= raw) {
                break;
            }
        }
        return Math.max(1, step);
    }
}
