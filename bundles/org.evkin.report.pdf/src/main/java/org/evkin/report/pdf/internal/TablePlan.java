package org.evkin.report.pdf.internal;

import java.util.List;

import org.evkin.report.ReportTable;
import org.evkin.report.ReportTable.Kind;

/**
 * How a national table fits the page, from its content: portrait unless its columns need more room than a portrait
 * A4 gives them, then landscape (and a smaller type if even that is too narrow); numbers keep their width, text
 * columns share the rest and wrap.
 */
record TablePlan(boolean landscape, float size, float[] widths) {

    private static final float SIZE = 8.5f;
    /** A text column is comfortable from this width on (it then wraps into a few lines at most). */
    private static final float COMFORTABLE_TEXT = 150f;
    private static final float MIN_TEXT = 36f;

    /** The plan for a table whose header labels and formatted cells (total row included) are given. */
    static TablePlan of(ReportTable table, List<String[]> cells, FontFace regular, FontFace bold, float portrait,
            float landscape) {
        int n = table.columns().size();
        boolean[] text = new boolean[n];
        for (int c = 0; c < n; c++) {
            text[c] = table.columns().get(c).kind() == Kind.TEXT;
        }
        for (float size : new float[] {SIZE, 7.5f, 6.5f}) {
            Widths w = widths(table, cells, regular, bold, size, text);
            float comfortable = 0;
            float minimum = 0;
            for (int c = 0; c < n; c++) {
                comfortable += text[c] ? Math.min(w.natural[c], Math.max(w.min[c], COMFORTABLE_TEXT)) : w.min[c];
                minimum += w.min[c];
            }
            if (size == SIZE && comfortable <= portrait) {
                return new TablePlan(false, size, distribute(w, text, portrait));
            }
            if (minimum <= landscape || size == 6.5f) {
                return new TablePlan(true, size, distribute(w, text, landscape));
            }
        }
        throw new IllegalStateException("unreachable");
    }

    /** Natural (one line) and minimum (longest word) widths of each column, padding included. */
    private record Widths(float[] natural, float[] min) {
    }

    private static Widths widths(ReportTable table, List<String[]> cells, FontFace regular, FontFace bold, float size,
            boolean[] text) {
        int n = table.columns().size();
        float pad = 2 * Math.max(2.5f, size * 0.38f) + 1;
        float[] natural = new float[n];
        float[] min = new float[n];
        for (int c = 0; c < n; c++) {
            String label = bold.clean(table.columns().get(c).label());
            natural[c] = bold.width(label, size);
            min[c] = longestWord(label, bold, size);
            for (String[] row : cells) {
                String cell = c < row.length ? regular.clean(row[c]) : "";
                float w = bold.width(cell, size);
                natural[c] = Math.max(natural[c], w);
                min[c] = Math.max(min[c], text[c] ? longestWord(cell, bold, size) : w);
            }
            if (text[c]) {
                min[c] = Math.max(min[c], Math.min(natural[c], MIN_TEXT));
            }
            natural[c] += pad;
            min[c] += pad;
        }
        return new Widths(natural, min);
    }

    private static float longestWord(String text, FontFace face, float size) {
        float max = 0;
        for (String word : text.split(" +")) {
            max = Math.max(max, face.width(word, size));
        }
        return max;
    }

    /** Widths over the whole available width: numbers at their width, text columns sharing what is left. */
    private static float[] distribute(Widths w, boolean[] text, float available) {
        int n = text.length;
        float[] out = new float[n];
        float natural = 0;
        float textNatural = 0;
        for (int c = 0; c < n; c++) {
            natural += w.natural[c];
            textNatural += text[c] ? w.natural[c] : 0;
        }
        if (natural <= available) {
            float extra = available - natural;
            for (int c = 0; c < n; c++) {
                out[c] = w.natural[c] + (textNatural > 0 ? (text[c] ? extra * w.natural[c] / textNatural : 0) : extra / n);
            }
            return out;
        }
        float fixed = 0;
        float textMin = 0;
        float textSlack = 0;
        for (int c = 0; c < n; c++) {
            if (text[c]) {
                textMin += w.min[c];
                textSlack += w.natural[c] - w.min[c];
            } else {
                fixed += w.min[c];
            }
        }
        float room = available - fixed;
        if (room >= textMin) {
            float share = textSlack > 0 ? (room - textMin) / textSlack : 0;
            for (int c = 0; c < n; c++) {
                out[c] = text[c] ? w.min[c] + (w.natural[c] - w.min[c]) * share : w.min[c];
            }
            return out;
        }
        // even the shortest widths are too many: scale everything (long words then break inside)
        float scale = available / (fixed + textMin);
        for (int c = 0; c < n; c++) {
            out[c] = w.min[c] * scale;
        }
        return out;
    }
}
