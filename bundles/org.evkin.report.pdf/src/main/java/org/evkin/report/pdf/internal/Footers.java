package org.evkin.report.pdf.internal;

import java.io.IOException;

/** The footer of every page, drawn once the page count is known: a label on the left, "Halaman x dari y" right. */
final class Footers {

    private static final float SIZE = 7.5f;

    private Footers() {
    }

    static void draw(Canvas canvas, Texts texts, String label) throws IOException {
        int pages = canvas.pageCount();
        for (int i = 0; i < pages; i++) {
            int index = i;
            canvas.onPage(i, () -> {
                String page = texts.get("footer.page", index + 1, pages);
                FontFace face = canvas.face(false);
                float pageWidth = face.width(face.clean(page), SIZE);
                float ruleY = Canvas.FOOTER_BASELINE + SIZE + 4;
                canvas.line(canvas.left(), ruleY, canvas.right(), ruleY, 0.4f, Palette.RULE);
                canvas.text(Lines.fit(label, face, SIZE, canvas.width() - pageWidth - 16), false, SIZE, canvas.left(),
                        Canvas.FOOTER_BASELINE, Palette.MUTED);
                canvas.text(page, false, SIZE, canvas.right() - pageWidth, Canvas.FOOTER_BASELINE, Palette.MUTED);
            });
        }
    }
}
