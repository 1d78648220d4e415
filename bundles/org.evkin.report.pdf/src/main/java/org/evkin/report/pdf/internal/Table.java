package org.evkin.report.pdf.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.evkin.report.pdf.internal.Canvas.Align;

/**
 * A table to flow over pages: column widths, header rows (repeated on every page the table continues on) and body
 * rows. Body cells of one column with the same group in consecutive rows are shown as one merged cell (the kompetensi
 * spanning its subkompetensi); a merged run that continues on a new page shows its text again.
 */
final class Table {

    /** A box drawn in a cell, ticked or not. */
    enum Mark { NONE, BOX, TICKED }

    /** One cell: its text and look, how many columns it spans, and the group that merges it with the cell above. */
    record Cell(String text, int span, boolean bold, Align align, Rgb fill, Rgb color, Object group, Mark mark) {

        static Cell of(String text) {
            return new Cell(text == null ? "" : text, 1, false, Align.LEFT, null, Palette.TEXT, null, Mark.NONE);
        }

        static Cell mark(boolean ticked) {
            return new Cell("", 1, false, Align.CENTER, null, Palette.TEXT, null, ticked ? Mark.TICKED : Mark.BOX);
        }

        /** The same cell in bold. */
        Cell strong() {
            return new Cell(text, span, true, align, fill, color, group, mark);
        }

        Cell strong(boolean isBold) {
            return new Cell(text, span, isBold, align, fill, color, group, mark);
        }

        Cell align(Align a) {
            return new Cell(text, span, bold, a, fill, color, group, mark);
        }

        Cell center() {
            return align(Align.CENTER);
        }

        Cell fill(Rgb f) {
            return new Cell(text, span, bold, align, f, color, group, mark);
        }

        Cell color(Rgb c) {
            return new Cell(text, span, bold, align, fill, c, group, mark);
        }

        Cell span(int n) {
            return new Cell(text, n, bold, align, fill, color, group, mark);
        }

        Cell group(Object g) {
            return new Cell(text, span, bold, align, fill, color, g, mark);
        }
    }

    final float[] widths;
    final float size;
    final float padding;
    final List<List<Cell>> head = new ArrayList<>();
    final List<List<Cell>> body = new ArrayList<>();
    /** Shown above the repeated header on the pages the table continues on (null: nothing). */
    String continued;
    /**
     * Move the whole table to the next page rather than split it when it is at most this share of a page body high
     * (0: split wherever needed, 1: whenever it fits on one page).
     */
    float keepTogether;
    /** Body rows kept on the page of the row before them (the TOTAL row). */
    final java.util.Set<Integer> glued = new java.util.HashSet<>();

    Table(float[] widths, float size) {
        this.widths = widths.clone();
        this.size = size;
        this.padding = Math.max(2.5f, size * 0.38f);
    }

    float width() {
        float w = 0;
        for (float x : widths) {
            w += x;
        }
        return w;
    }

    Table head(Cell... cells) {
        head.add(Arrays.asList(cells));
        return this;
    }

    Table row(Cell... cells) {
        body.add(Arrays.asList(cells));
        return this;
    }

    Table row(List<Cell> cells) {
        body.add(List.copyOf(cells));
        return this;
    }

    /** Keeps the last row added on the same page as the row before it. */
    Table glue() {
        glued.add(body.size() - 1);
        return this;
    }
}
