package org.evkin.report.pdf.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.time.ZonedDateTime;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;

import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;

/**
 * One PDF being written, used by one thread for one document: its A4 pages, the cursor on the current page, the two
 * embedded fonts and the drawing primitives (coordinates in points, origin bottom left as in PDF).
 */
final class Canvas implements Closeable {

    static final PDRectangle PORTRAIT = PDRectangle.A4;
    static final PDRectangle LANDSCAPE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
    static final float MARGIN_X = 42f;
    static final float MARGIN_TOP = 44f;
    /** Room below the body for the footer. */
    static final float MARGIN_BOTTOM = 58f;
    static final float FOOTER_BASELINE = 30f;
    static final float LEADING = 1.22f;

    private final PDDocument doc;
    private final FontFace regularFace;
    private final FontFace boldFace;
    private final PDType0Font regular;
    private final PDType0Font bold;
    private final java.util.List<org.apache.fontbox.ttf.TrueTypeFont> parsed = new java.util.ArrayList<>(2);
    private PDPage page;
    private PDPageContentStream content;
    private float y;

    /** A new empty document (kept in main memory: a report is a few hundred kilobytes at most) with both fonts. */
    Canvas(FontFace regularFace, FontFace boldFace, String title, java.time.Instant created) throws IOException {
        this.regularFace = regularFace;
        this.boldFace = boldFace;
        this.doc = new PDDocument(MemoryUsageSetting.setupMainMemoryOnly().streamCache);
        try {
            parsed.add(regularFace.parse());
            this.regular = FontFace.embed(doc, parsed.get(0));
            parsed.add(boldFace.parse());
            this.bold = FontFace.embed(doc, parsed.get(1));
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(regularFace.clean(title));
            info.setCreator("EvKin");
            info.setProducer("EvKin (Apache PDFBox)");
            ZonedDateTime when = (created == null ? java.time.Instant.now() : created).atZone(Texts.ZONE);
            Calendar calendar = GregorianCalendar.from(when);
            calendar.setTimeZone(TimeZone.getTimeZone(Texts.ZONE));
            info.setCreationDate(calendar);
            doc.getDocumentCatalog().setLanguage("id-ID");
            PDViewerPreferences preferences = new PDViewerPreferences(new org.apache.pdfbox.cos.COSDictionary());
            preferences.setDisplayDocTitle(true);
            doc.getDocumentCatalog().setViewerPreferences(preferences);
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Ends the current page's drawing and starts a new A4 page; the cursor goes to the top of its body. */
    void newPage(boolean landscape) throws IOException {
        endPage();
        page = new PDPage(landscape ? LANDSCAPE : PORTRAIT);
        doc.addPage(page);
        content = new PDPageContentStream(doc, page, AppendMode.OVERWRITE, true);
        y = top();
    }

    /** Closes the drawing of the current page (the page stays in the document). */
    void endPage() throws IOException {
        if (content != null) {
            content.close();
            content = null;
        }
    }

    /** Draws more on an earlier page (the contents of the table list, the footers) after the flow is done. */
    void onPage(int index, PageDrawing drawing) throws IOException {
        endPage();
        page = doc.getPage(index);
        content = new PDPageContentStream(doc, page, AppendMode.APPEND, true, true);
        try {
            drawing.draw();
        } finally {
            endPage();
        }
    }

    /** Something drawn on a page. */
    interface PageDrawing {
        void draw() throws IOException;
    }

    boolean hasPage() {
        return page != null;
    }

    boolean landscape() {
        return page != null && page.getMediaBox().getWidth() > page.getMediaBox().getHeight();
    }

    int pageCount() {
        return doc.getNumberOfPages();
    }

    /** The index (0-based) of the current page. */
    int pageIndex() {
        return doc.getNumberOfPages() - 1;
    }

    float pageWidth() {
        return page.getMediaBox().getWidth();
    }

    float left() {
        return MARGIN_X;
    }

    float right() {
        return pageWidth() - MARGIN_X;
    }

    float width() {
        return right() - left();
    }

    float top() {
        return page.getMediaBox().getHeight() - MARGIN_TOP;
    }

    float bottom() {
        return MARGIN_BOTTOM;
    }

    float bodyHeight() {
        return top() - bottom();
    }

    /** The cursor: the top of what is drawn next. */
    float y() {
        return y;
    }

    void down(float height) {
        y -= height;
    }

    float remaining() {
        return y - bottom();
    }

    boolean atTop() {
        return y >= top() - 0.01f;
    }

    FontFace face(boolean isBold) {
        return isBold ? boldFace : regularFace;
    }

    static float lineHeight(float size) {
        return size * LEADING;
    }

    /** The baseline of a line whose line box starts at top. */
    float baseline(float lineTop, float size, boolean isBold) {
        FontFace face = face(isBold);
        float box = lineHeight(size);
        float glyphs = (face.ascent() + face.descent()) * size;
        return lineTop - (box - glyphs) / 2 - face.ascent() * size;
    }

    /** One line of text with its left end at x. */
    void text(String text, boolean isBold, float size, float x, float baseline, Rgb color) throws IOException {
        String shown = face(isBold).clean(text);
        if (shown.isBlank()) {
            return;
        }
        content.beginText();
        content.setFont(isBold ? bold : regular, size);
        content.setNonStrokingColor(color.r(), color.g(), color.b());
        content.newLineAtOffset(x, baseline);
        content.showText(shown);
        content.endText();
    }

    /** One line of text, placed by its alignment within [x, x + width]. */
    void text(String text, boolean isBold, float size, float x, float width, Align align, float baseline, Rgb color)
            throws IOException {
        String shown = face(isBold).clean(text);
        float w = face(isBold).width(shown, size);
        float at = switch (align) {
            case LEFT -> x;
            case CENTER -> x + (width - w) / 2;
            case RIGHT -> x + width - w;
        };
        text(shown, isBold, size, at, baseline, color);
    }

    /** Where a line goes in its box. */
    enum Align { LEFT, CENTER, RIGHT }

    /**
     * A wrapped paragraph across the body width from the cursor on, continued on a new page (same orientation) when
     * a line does not fit; the cursor ends below it.
     */
    void paragraph(String text, boolean isBold, float size, Rgb color, Align align) throws IOException {
        float lh = lineHeight(size);
        for (String line : Lines.wrap(text, face(isBold), size, width())) {
            if (remaining() < lh && !atTop()) {
                newPage(landscape());
            }
            text(line, isBold, size, left(), width(), align, baseline(y, size, isBold), color);
            y -= lh;
        }
    }

    /** The height of a wrapped paragraph in a width. */
    float paragraphHeight(String text, boolean isBold, float size, float width) {
        return Lines.wrap(text, face(isBold), size, width).size() * lineHeight(size);
    }

    void fill(float x, float yBottom, float w, float h, Rgb color) throws IOException {
        content.setNonStrokingColor(color.r(), color.g(), color.b());
        content.addRect(x, yBottom, w, h);
        content.fill();
    }

    void line(float x1, float y1, float x2, float y2, float lineWidth, Rgb color) throws IOException {
        content.setStrokingColor(color.r(), color.g(), color.b());
        content.setLineWidth(lineWidth);
        content.moveTo(x1, y1);
        content.lineTo(x2, y2);
        content.stroke();
    }

    void box(float x, float yBottom, float w, float h, float lineWidth, Rgb color) throws IOException {
        content.setStrokingColor(color.r(), color.g(), color.b());
        content.setLineWidth(lineWidth);
        content.addRect(x, yBottom, w, h);
        content.stroke();
    }

    /** A check mark drawn as a path in a square of the given size whose lower left corner is (x, y). */
    void tick(float x, float yBottom, float size, Rgb color) throws IOException {
        content.setStrokingColor(color.r(), color.g(), color.b());
        content.setLineWidth(Math.max(1.2f, size * 0.14f));
        content.setLineCapStyle(1);
        content.setLineJoinStyle(1);
        content.moveTo(x + size * 0.12f, yBottom + size * 0.52f);
        content.lineTo(x + size * 0.40f, yBottom + size * 0.20f);
        content.lineTo(x + size * 0.90f, yBottom + size * 0.86f);
        content.stroke();
        content.setLineCapStyle(0);
        content.setLineJoinStyle(0);
    }

    void save(OutputStream out) throws IOException {
        endPage();
        doc.save(out);
    }

    /** Closes the document and the fonts parsed for it. */
    @Override
    public void close() throws IOException {
        try {
            endPage();
        } finally {
            try {
                doc.close();
            } finally {
                for (org.apache.fontbox.ttf.TrueTypeFont ttf : parsed) {
                    ttf.close();
                }
            }
        }
    }
}
