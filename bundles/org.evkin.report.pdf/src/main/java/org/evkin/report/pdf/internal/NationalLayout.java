package org.evkin.report.pdf.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.evkin.report.NationalReport;
import org.evkin.report.ReportTable;
import org.evkin.report.ReportTable.Column;
import org.evkin.report.ReportTable.Kind;
import org.evkin.report.pdf.internal.Canvas.Align;
import org.evkin.report.pdf.internal.Table.Cell;

/**
 * Lays out the national report: a title page with the filter, the date and the list of tables, then every table in
 * order (title, note, header repeated on each page, rows, TOTAL) with its bar chart; a table too wide for portrait
 * gets landscape pages.
 */
final class NationalLayout {

    private static final float TITLE = 16f;
    private static final float SUBTITLE = 10.5f;
    private static final float HEADING = 10.5f;
    private static final float NOTE = 8f;
    private static final float CONTENTS = 9f;

    private final Canvas canvas;
    private final Texts texts;
    private final NationalReport report;
    private final List<String> entries = new ArrayList<>();
    private final List<Integer> entryPages = new ArrayList<>();
    private float contentsTop;

    NationalLayout(Canvas canvas, Texts texts, NationalReport report) {
        this.canvas = canvas;
        this.texts = texts;
        this.report = report;
    }

    void render() throws IOException {
        cover();
        for (ReportTable table : report.tables()) {
            section(table);
        }
        contents();
        String generated = texts.get("footer.generated", texts.date(report.generatedAt()));
        String filter = report.filterText();
        Footers.draw(canvas, texts, filter == null || filter.isBlank() ? generated
                : filter + texts.get("footer.separator") + generated);
    }

    private void cover() throws IOException {
        canvas.newPage(false);
        canvas.down(canvas.bodyHeight() * 0.12f);
        canvas.fill(canvas.left(), canvas.y(), canvas.width(), 4, Palette.SECTION);
        canvas.down(22);
        canvas.paragraph(report.title(), true, TITLE, Palette.TEXT, Align.CENTER);
        canvas.down(12);
        if (report.filterText() != null && !report.filterText().isBlank()) {
            canvas.paragraph(report.filterText(), false, SUBTITLE, Palette.TEXT, Align.CENTER);
            canvas.down(4);
        }
        canvas.paragraph(texts.get("national.generated", texts.date(report.generatedAt())), false, SUBTITLE - 1,
                Palette.MUTED, Align.CENTER);
        canvas.down(16);
        canvas.fill(canvas.left(), canvas.y(), canvas.width(), 1.2f, Palette.SECTION);
        canvas.down(28);
        if (!report.tables().isEmpty()) {
            canvas.paragraph(texts.get("national.contents"), true, SUBTITLE, Palette.TEXT, Align.LEFT);
            canvas.down(6);
        }
        contentsTop = canvas.y();
    }

    /** The list of tables on the title page, with the page each starts on (known only now). */
    private void contents() throws IOException {
        if (entries.isEmpty()) {
            return;
        }
        canvas.onPage(0, () -> {
            float y = contentsTop;
            float lh = Canvas.lineHeight(CONTENTS) + 3;
            FontFace face = canvas.face(false);
            for (int i = 0; i < entries.size() && y - lh > canvas.bottom(); i++) {
                String page = texts.get("national.pageRef", entryPages.get(i));
                float pageWidth = face.width(face.clean(page), CONTENTS);
                float baseline = canvas.baseline(y, CONTENTS, false);
                String entry = Lines.fit(entries.get(i), face, CONTENTS, canvas.width() - pageWidth - 24);
                canvas.text(entry, false, CONTENTS, canvas.left(), baseline, Palette.TEXT);
                canvas.text(page, false, CONTENTS, canvas.right() - pageWidth, baseline, Palette.TEXT);
                float dotsFrom = canvas.left() + face.width(face.clean(entry), CONTENTS) + 6;
                float dotsTo = canvas.right() - pageWidth - 6;
                if (dotsTo > dotsFrom) {
                    canvas.line(dotsFrom, baseline, dotsTo, baseline, 0.3f, Palette.GRID);
                }
                y -= lh;
            }
        });
    }

    /** "Tabel 3.4 …" as the table names itself; the id is put in front when the title lacks it. */
    String heading(ReportTable table) {
        String id = table.id();
        boolean figure = id.startsWith("G");
        String number = figure ? id.substring(1) : id;
        String prefix = texts.get(figure ? "national.figure" : "national.table", number);
        String title = table.title() == null ? "" : table.title().strip();
        if (title.isEmpty()) {
            return prefix;
        }
        String[] words = title.split("\\s+", 3);
        boolean named = words.length > 1 && (words[1].equals(number) || words[1].equals(number + ".") || words[1].equals(id));
        return named ? title : prefix + " " + title;
    }

    private void section(ReportTable table) throws IOException {
        String heading = heading(table);
        List<String[]> cells = formatted(table);
        TablePlan plan = TablePlan.of(table, cells, canvas.face(false), canvas.face(true),
                Canvas.PORTRAIT.getWidth() - 2 * Canvas.MARGIN_X, Canvas.LANDSCAPE.getWidth() - 2 * Canvas.MARGIN_X);
        Table layout = table(table, cells, plan, heading);
        boolean onCover = canvas.pageIndex() == 0;
        if (onCover || plan.landscape() != canvas.landscape()) {
            canvas.newPage(plan.landscape());
        } else {
            float width = canvas.width();
            float need = canvas.paragraphHeight(heading, true, HEADING, width) + 4 + noteHeight(table, width)
                    + TableRenderer.startHeight(canvas, layout) + 24;
            if (canvas.remaining() < need) {
                canvas.newPage(plan.landscape());
            } else {
                canvas.down(24);
            }
        }
        entries.add(heading);
        entryPages.add(canvas.pageIndex() + 1);
        canvas.paragraph(heading, true, HEADING, Palette.TEXT, Align.LEFT);
        canvas.down(3);
        if (table.note() != null && !table.note().isBlank()) {
            canvas.paragraph(table.note(), false, NOTE, Palette.MUTED, Align.LEFT);
            canvas.down(3);
        }
        canvas.down(2);
        TableRenderer.draw(canvas, layout);
        for (BarChart chart : Charts.of(table, heading, texts)) {
            canvas.down(16);
            BarChartRenderer.draw(canvas, texts, chart);
        }
    }

    private float noteHeight(ReportTable table, float width) {
        return table.note() == null || table.note().isBlank() ? 0 : canvas.paragraphHeight(table.note(), false, NOTE, width) + 3;
    }

    /** Every body and total cell as shown, for measuring the columns. */
    private static List<String[]> formatted(ReportTable table) {
        List<String[]> out = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>(table.rows());
        if (table.total() != null) {
            rows.add(table.total());
        }
        for (List<Object> row : rows) {
            String[] cells = new String[table.columns().size()];
            for (int c = 0; c < cells.length; c++) {
                cells[c] = Cells.format(c < row.size() ? row.get(c) : null, table.columns().get(c).kind());
            }
            out.add(cells);
        }
        return out;
    }

    private Table table(ReportTable source, List<String[]> cells, TablePlan plan, String heading) {
        List<Column> columns = source.columns();
        int n = columns.size();
        Table table = new Table(plan.widths(), plan.size());
        table.continued = texts.get("national.continued", heading);
        table.keepTogether = 0.5f;
        Cell[] header = new Cell[n];
        for (int c = 0; c < n; c++) {
            header[c] = Cell.of(columns.get(c).label()).strong().center().fill(Palette.HEADER);
        }
        table.head(header);
        int labels = Charts.labelColumns(source);
        for (int r = 0; r < source.rows().size(); r++) {
            String[] row = cells.get(r);
            List<Cell> out = new ArrayList<>(n);
            for (int c = 0; c < n; c++) {
                Cell cell = Cell.of(row[c]).align(align(columns.get(c)));
                // the leading label columns but the last merge down, hierarchically (3.9: subkompetensi over its levels)
                if (c < labels - 1 && !row[c].isBlank()) {
                    cell = cell.group(List.of(java.util.Arrays.copyOfRange(row, 0, c + 1)));
                }
                out.add(cell);
            }
            table.row(out);
        }
        if (source.rows().isEmpty()) {
            table.row(Cell.of(texts.get("national.empty")).span(n).center().color(Palette.MUTED));
        }
        if (source.total() != null) {
            table.row(totalRow(cells.get(cells.size() - 1), columns, labels)).glue();
        }
        return table;
    }

    /** The TOTAL row, bold and shaded, its empty label cells merged into the first. */
    private static List<Cell> totalRow(String[] row, List<Column> columns, int labels) {
        List<Cell> out = new ArrayList<>();
        int c = 0;
        while (c < row.length) {
            int span = 1;
            if (c < labels) {
                while (c + span < labels && row[c + span].isBlank()) {
                    span++;
                }
            }
            out.add(Cell.of(row[c]).span(span).strong().fill(Palette.TOTAL)
                    .align(c < labels ? Align.LEFT : align(columns.get(c))));
            c += span;
        }
        return out;
    }

    private static Align align(Column column) {
        return column.kind() == Kind.TEXT && !Charts.isNo(column) ? Align.LEFT : Align.CENTER;
    }
}
