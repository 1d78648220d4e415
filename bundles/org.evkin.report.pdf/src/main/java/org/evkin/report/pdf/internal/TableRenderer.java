package org.evkin.report.pdf.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.evkin.report.pdf.internal.Table.Cell;
import org.evkin.report.pdf.internal.Table.Mark;

/**
 * Flows a Table over the pages of a Canvas: a row is never split; a short group of merged rows moves to the next page
 * whole; a new page repeats the header (and the table's continuation caption).
 */
final class TableRenderer {

    private static final float RULE = 0.5f;
    /** Groups up to this share of a page body are kept on one page. */
    private static final float KEEP_SHARE = 0.45f;
    private static final int START_ROWS = 5;

    private final Canvas canvas;
    private final Table table;
    private final float lineHeight;
    private final List<Row> head;
    private final List<Row> body;

    /** A cell placed in its row: its column, position, width and wrapped lines. */
    private static final class Placed {
        final Cell cell;
        final int column;
        final float x;
        final float w;
        final List<String> lines;
        boolean continuation;
        int runEnd = -1;

        Placed(Cell cell, int column, float x, float w, List<String> lines) {
            this.cell = cell;
            this.column = column;
            this.x = x;
            this.w = w;
            this.lines = lines;
        }
    }

    /** A row of placed cells and its height. */
    private static final class Row {
        final List<Placed> cells = new ArrayList<>();
        float height;
        boolean startsBlock = true;
    }

    TableRenderer(Canvas canvas, Table table) {
        this.canvas = canvas;
        this.table = table;
        this.lineHeight = Canvas.lineHeight(table.size);
        this.head = prepare(table.head, false);
        this.body = prepare(table.body, true);
    }

    /** Draws the table from the cursor on; the cursor ends below it. */
    static void draw(Canvas canvas, Table table) throws IOException {
        new TableRenderer(canvas, table).draw();
    }

    /** The height of the header and the first group of rows: what must fit below a heading drawn before the table. */
    static float startHeight(Canvas canvas, Table table) {
        TableRenderer r = new TableRenderer(canvas, table);
        if (r.keptWhole()) {
            return r.headHeight() + r.bodyHeight();
        }
        return r.headHeight() + (r.body.isEmpty() ? 0 : r.firstBlockHeight());
    }

    private List<Row> prepare(List<List<Cell>> source, boolean merge) {
        float left = canvas.left();
        List<Row> rows = new ArrayList<>();
        for (List<Cell> cells : source) {
            Row row = new Row();
            int column = 0;
            for (Cell cell : cells) {
                int span = Math.max(1, Math.min(cell.span(), table.widths.length - column));
                float x = left;
                for (int i = 0; i < column; i++) {
                    x += table.widths[i];
                }
                float w = 0;
                for (int i = column; i < column + span; i++) {
                    w += table.widths[i];
                }
                List<String> lines = cell.mark() != Mark.NONE ? List.of()
                        : Lines.wrap(cell.text(), canvas.face(cell.bold()), table.size, w - 2 * table.padding);
                row.cells.add(new Placed(cell, column, x, w, lines));
                column += span;
                if (column >= table.widths.length) {
                    break;
                }
            }
            rows.add(row);
        }
        if (merge) {
            link(rows);
            for (int r : table.glued) {
                if (r > 0 && r < rows.size()) {
                    rows.get(r).startsBlock = false;
                }
            }
        }
        for (Row row : rows) {
            float h = lineHeight + 2 * table.padding;
            for (Placed p : row.cells) {
                if (!p.continuation && p.runEnd < 0) {
                    h = Math.max(h, textHeight(p));
                }
            }
            row.height = h;
        }
        for (int r = 0; r < rows.size(); r++) {
            for (Placed p : rows.get(r).cells) {
                if (p.runEnd > r) {
                    float have = 0;
                    for (int k = r; k <= p.runEnd; k++) {
                        have += rows.get(k).height;
                    }
                    float need = textHeight(p);
                    if (need > have) {
                        rows.get(p.runEnd).height += need - have;
                    }
                }
            }
        }
        return rows;
    }

    private float textHeight(Placed p) {
        return Math.max(1, p.lines.size()) * lineHeight + 2 * table.padding;
    }

    /** Marks cells merged with the cell above (same column, span and group) and where each merged run ends. */
    private static void link(List<Row> rows) {
        for (int r = 1; r < rows.size(); r++) {
            Row row = rows.get(r);
            for (Placed p : row.cells) {
                Placed above = at(rows.get(r - 1), p.column);
                if (p.cell.group() != null && above != null && above.cell.span() == p.cell.span()
                        && Objects.equals(above.cell.group(), p.cell.group())) {
                    p.continuation = true;
                    row.startsBlock = false;
                }
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            for (Placed p : rows.get(r).cells) {
                if (p.continuation) {
                    continue;
                }
                int end = r;
                while (end + 1 < rows.size()) {
                    Placed below = at(rows.get(end + 1), p.column);
                    if (below == null || !below.continuation) {
                        break;
                    }
                    end++;
                }
                p.runEnd = end > r ? end : -1;
            }
        }
    }

    private static Placed at(Row row, int column) {
        for (Placed p : row.cells) {
            if (p.column == column) {
                return p;
            }
        }
        return null;
    }

    private float headHeight() {
        float h = 0;
        for (Row row : head) {
            h += row.height;
        }
        return h;
    }

    private float bodyHeight() {
        float h = 0;
        for (Row row : body) {
            h += row.height;
        }
        return h;
    }

    private float blockHeight(int start) {
        float h = body.get(start).height;
        for (int r = start + 1; r < body.size() && !body.get(r).startsBlock; r++) {
            h += body.get(r).height;
        }
        return h;
    }

    /**
     * What must fit below the header for the table to start on this page: its first rows (up to five, whole
     * groups), so that a long table does not start with a lone row at the foot of a page.
     */
    private float firstBlockHeight() {
        float h = 0;
        int rows = 0;
        int r = 0;
        while (r < body.size() && rows < START_ROWS) {
            float block = blockHeight(r);
            int end = r + 1;
            while (end < body.size() && !body.get(end).startsBlock) {
                end++;
            }
            if (block > KEEP_SHARE * canvas.bodyHeight()) {
                return h + (rows == 0 ? body.get(r).height : 0);
            }
            h += block;
            rows += end - r;
            r = end;
        }
        return h;
    }

    private float continuedHeight() {
        return table.continued == null ? 0 : Canvas.lineHeight(table.size) + 3;
    }

    /** Whether the table is short enough to be kept on one page. */
    private boolean keptWhole() {
        float total = headHeight() + bodyHeight();
        return total <= table.keepTogether * canvas.bodyHeight() && total <= canvas.bodyHeight() - continuedHeight();
    }

    private void draw() throws IOException {
        float total = headHeight() + bodyHeight();
        if (keptWhole() && !canvas.atTop() && canvas.remaining() < total) {
            canvas.newPage(canvas.landscape());
        } else if (!canvas.atTop() && canvas.remaining() < headHeight() + (body.isEmpty() ? 0 : firstBlockHeight())) {
            canvas.newPage(canvas.landscape());
        }
        drawRows(head, true);
        boolean fresh = true;
        float keep = KEEP_SHARE * canvas.bodyHeight();
        for (int r = 0; r < body.size(); r++) {
            Row row = body.get(r);
            if (row.startsBlock && !fresh) {
                float block = blockHeight(r);
                if (block <= keep && canvas.remaining() < block) {
                    breakPage();
                    fresh = true;
                }
            }
            if (!fresh && canvas.remaining() < row.height) {
                breakPage();
                fresh = true;
            }
            drawRow(body, r, fresh);
            fresh = false;
        }
        closeSegment();
    }

    private void breakPage() throws IOException {
        closeSegment();
        canvas.newPage(canvas.landscape());
        if (table.continued != null) {
            float size = table.size;
            canvas.text(Lines.fit(table.continued, canvas.face(true), size, table.width()), true, size, canvas.left(),
                    canvas.baseline(canvas.y(), size, true), Palette.MUTED);
            canvas.down(continuedHeight());
        }
        drawRows(head, true);
    }

    private void drawRows(List<Row> rows, boolean fresh) throws IOException {
        for (int r = 0; r < rows.size(); r++) {
            drawRow(rows, r, fresh);
        }
    }

    private void closeSegment() throws IOException {
        canvas.line(canvas.left(), canvas.y(), canvas.left() + table.width(), canvas.y(), RULE, Palette.RULE);
    }

    private void drawRow(List<Row> rows, int r, boolean fresh) throws IOException {
        Row row = rows.get(r);
        float top = canvas.y();
        float h = row.height;
        for (Placed p : row.cells) {
            if (p.cell.fill() != null) {
                canvas.fill(p.x, top - h, p.w, h, p.cell.fill());
            }
        }
        for (Placed p : row.cells) {
            boolean hidden = p.continuation && !fresh;
            if (hidden) {
                continue;
            }
            if (p.cell.mark() != Mark.NONE) {
                drawMark(p, top, h);
                continue;
            }
            if (p.runEnd > r || p.continuation) {
                int end = p.runEnd > r ? p.runEnd : runEndBelow(rows, r, p.column);
                float space = spaceOnPage(rows, r, end);
                drawLines(p, top - table.padding, (int) Math.max(1, (space - 2 * table.padding) / lineHeight));
            } else {
                float textTop = top - (h - p.lines.size() * lineHeight) / 2;
                drawLines(p, textTop, p.lines.size());
            }
        }
        float right = canvas.left() + table.width();
        for (Placed p : row.cells) {
            if (!(p.continuation && !fresh)) {
                canvas.line(p.x, top, p.x + p.w, top, RULE, Palette.RULE);
            }
            canvas.line(p.x, top, p.x, top - h, RULE, Palette.RULE);
        }
        canvas.line(right, top, right, top - h, RULE, Palette.RULE);
        canvas.down(h);
    }

    /** Where the merged run that a continuation cell belongs to ends. */
    private static int runEndBelow(List<Row> rows, int r, int column) {
        int end = r;
        while (end + 1 < rows.size()) {
            Placed below = at(rows.get(end + 1), column);
            if (below == null || !below.continuation) {
                break;
            }
            end++;
        }
        return end;
    }

    /** The height rows r..end take on the current page (the rows that will still fit on it). */
    private float spaceOnPage(List<Row> rows, int r, int end) {
        float remaining = canvas.remaining();
        float space = 0;
        for (int k = r; k <= end; k++) {
            float h = rows.get(k).height;
            if (k > r && h > remaining) {
                break;
            }
            space += h;
            remaining -= h;
        }
        return space;
    }

    private void drawLines(Placed p, float textTop, int max) throws IOException {
        Cell c = p.cell;
        int n = Math.min(max, p.lines.size());
        for (int i = 0; i < n; i++) {
            String line = p.lines.get(i);
            if (i == n - 1 && n < p.lines.size()) {
                line = Lines.fit(line + " \u2026", canvas.face(c.bold()), table.size, p.w - 2 * table.padding);
            }
            float baseline = canvas.baseline(textTop - i * lineHeight, table.size, c.bold());
            canvas.text(line, c.bold(), table.size, p.x + table.padding, p.w - 2 * table.padding, c.align(), baseline,
                    c.color());
        }
    }

    private void drawMark(Placed p, float top, float h) throws IOException {
        float size = Math.min(Math.min(p.w, h) - 2 * table.padding, table.size * 1.3f);
        float x = p.x + (p.w - size) / 2;
        float y = top - (h + size) / 2;
        canvas.box(x, y, size, size, 0.8f, Palette.TEXT);
        if (p.cell.mark() == Mark.TICKED) {
            canvas.tick(x + size * 0.1f, y + size * 0.1f, size * 0.8f, Palette.TICK);
        }
    }
}
