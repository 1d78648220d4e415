package org.evkin.report.pdf.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.evkin.report.IndividualReport;
import org.evkin.report.NationalReport;

/** A rendered PDF reopened with PDFBox: its pages' sizes, fonts and text (whitespace runs made one space). */
record Pdf(byte[] bytes, List<String> pages, List<float[]> sizes, List<PDFontInfo> fonts) {

    record PDFontInfo(String name, boolean embedded, String subtype) {
    }

    static final PdfReportDocuments DOCUMENTS = new PdfReportDocuments();

    static Pdf individual(IndividualReport report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            DOCUMENTS.individualPdf(report, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return read(out.toByteArray());
    }

    static Pdf national(NationalReport report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            DOCUMENTS.nationalPdf(report, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return read(out.toByteArray());
    }

    static Pdf read(byte[] bytes) {
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            List<String> pages = new ArrayList<>();
            List<float[]> sizes = new ArrayList<>();
            List<PDFontInfo> fonts = new ArrayList<>();
            PDFTextStripper stripper = new PDFTextStripper();
            for (int i = 1; i <= doc.getNumberOfPages(); i++) {
                stripper.setStartPage(i);
                stripper.setEndPage(i);
                pages.add(normalise(stripper.getText(doc)));
                PDPage page = doc.getPage(i - 1);
                sizes.add(new float[] {page.getMediaBox().getWidth(), page.getMediaBox().getHeight()});
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    PDFont font = resources.getFont(name);
                    fonts.add(new PDFontInfo(font.getName(), font.isEmbedded(), font.getSubType()));
                }
            }
            return new Pdf(bytes, pages, sizes, fonts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String normalise(String text) {
        return text.replaceAll("\\s+", " ").trim();
    }

    String text() {
        return String.join(" ", pages);
    }

    int pageCount() {
        return pages.size();
    }
}
