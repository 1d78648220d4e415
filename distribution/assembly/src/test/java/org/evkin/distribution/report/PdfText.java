package org.evkin.distribution.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * The text of a PDF as PDFBox's PDFTextStripper extracts it (sorted by position), with whitespace runs made single
 * spaces so that a wrapped line reads like the sentence it is. PDFBox is on the test class path through
 * evkin-feature-evkin (the server renders its PDFs with the same library).
 */
final class PdfText {

    private PdfText() {
    }

    /** The text of every page, whitespace normalised; fails when the bytes are not a readable PDF. */
    static String of(byte[] pdf) throws IOException {
        if (pdf.length < 5 || !new String(pdf, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-")) {
            throw new AssertionError("not a PDF: " + new String(pdf, 0, Math.min(pdf.length, 200), StandardCharsets.UTF_8));
        }
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return normalize(stripper.getText(document));
        }
    }

    /** Whitespace normalised like the extracted text, for comparisons. */
    static String normalize(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }
}
