package org.evkin.report.pdf.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.BitSet;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A TrueType face read once from this bundle's resources: its bytes, embedded (as a subset) into each document, and
 * its metrics (which characters it has, their advance widths), so that text is measured without touching a document.
 * Immutable, so one instance serves every thread.
 */
final class FontFace {

    private static final char MISSING = '?';

    private final String name;
    private final byte[] bytes;
    private final BitSet glyphs = new BitSet(0x10000);
    private final float[] advances = new float[0x10000];
    private final float ascent;
    private final float descent;

    private FontFace(String name, byte[] bytes) throws IOException {
        this.name = name;
        this.bytes = bytes;
        try (TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(bytes))) {
            CmapLookup cmap = ttf.getUnicodeCmapLookup();
            float scale = 1000f / ttf.getUnitsPerEm();
            for (int cp = 0; cp < 0x10000; cp++) {
                int gid = cmap.getGlyphId(cp);
                if (gid != 0) {
                    glyphs.set(cp);
                    advances[cp] = ttf.getAdvanceWidth(gid) * scale;
                }
            }
            ascent = ttf.getHorizontalHeader().getAscender() * scale / 1000f;
            descent = -ttf.getHorizontalHeader().getDescender() * scale / 1000f;
        }
        if (!glyphs.get(MISSING) || !glyphs.get(' ')) {
            throw new IOException("font " + name + " has no space or question mark");
        }
    }

    /** The face in a resource of this bundle (class-loader relative, no file system path). */
    static FontFace resource(String path) throws IOException {
        try (InputStream in = FontFace.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("font resource " + path + " is missing from the bundle");
            }
            return new FontFace(path.substring(path.lastIndexOf('/') + 1), in.readAllBytes());
        }
    }

    /**
     * The face parsed for one document (the caller closes it after saving). Glyph substitution (GSUB: ligatures) is
     * off: PDFBox would run it on every line shown, which costs more than the rest of a report together, and the
     * measured widths are those of the plain glyphs.
     */
    TrueTypeFont parse() throws IOException {
        TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(bytes));
        ttf.setEnableGsub(false);
        return ttf;
    }

    /** A new PDF font for one document over a parsed face, embedded as a subset of the glyphs the document uses. */
    static PDType0Font embed(PDDocument doc, TrueTypeFont ttf) throws IOException {
        return PDType0Font.load(doc, ttf, true);
    }

    /**
     * The text as this face can show it on one line: line breaks and tabs become spaces, soft hyphens and other
     * invisible controls go, characters without a glyph become '?'.
     */
    String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char shown;
            if (c == '\n' || c == '\r' || c == '\t') {
                shown = ' ';
            } else if (c == '\u00AD' || c == '\u200B' || c == '\uFEFF' || Character.isISOControl(c)) {
                shown = 0;
            } else if (Character.isSurrogate(c)) {
                shown = Character.isHighSurrogate(c) ? MISSING : 0;
            } else {
                shown = glyphs.get(c) ? c : MISSING;
            }
            if (shown != c && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null && shown != 0) {
                out.append(shown);
            }
        }
        return out == null ? text : out.toString();
    }

    /** Whether the face has a glyph for this character. */
    boolean has(char c) {
        return glyphs.get(c);
    }

    /** The width of cleaned text at a size, in points. */
    float width(String cleaned, float size) {
        float w = 0;
        for (int i = 0; i < cleaned.length(); i++) {
            w += advances[cleaned.charAt(i)];
        }
        return w * size / 1000f;
    }

    /** Ascent above the baseline, as a fraction of the size. */
    float ascent() {
        return ascent;
    }

    /** Descent below the baseline, as a fraction of the size. */
    float descent() {
        return descent;
    }

    String name() {
        return name;
    }
}
