package org.evkin.report.pdf.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

import org.evkin.report.IndividualReport;
import org.evkin.report.NationalReport;
import org.evkin.report.ReportDocuments;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders the reports as PDF with Apache PDFBox: A4, Liberation Sans embedded as a subset, real text, Indonesian
 * labels and number format. Holds only immutable data (the font bytes and metrics, the texts); every document is
 * built in its own objects and closed before the call returns, so any number of threads may render at once.
 */
@Component(service = ReportDocuments.class, name = "org.evkin.report.pdf")
public final class PdfReportDocuments implements ReportDocuments {

    static final String FONTS = "org/evkin/report/pdf/internal/fonts/";

    private static final Logger LOG = LoggerFactory.getLogger(PdfReportDocuments.class);

    private final Texts texts;
    private final FontFace regular;
    private final FontFace bold;

    /** Reads the fonts and texts from this bundle once; a missing resource fails the activation with its name. */
    public PdfReportDocuments() {
        try {
            this.texts = Texts.indonesian();
            this.regular = FontFace.resource(FONTS + "LiberationSans-Regular.ttf");
            this.bold = FontFace.resource(FONTS + "LiberationSans-Bold.ttf");
        } catch (IOException e) {
            throw new UncheckedIOException("report PDFs: cannot read the fonts of bundle org.evkin.report.pdf", e);
        }
    }

    @Override
    public void individualPdf(IndividualReport report, OutputStream out) throws IOException {
        long start = System.nanoTime();
        int pages;
        try (Canvas canvas = new Canvas(regular, bold, report.title(), report.generatedAt())) {
            new IndividualLayout(canvas, texts, report).render();
            pages = canvas.pageCount();
            canvas.save(out);
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("individual report PDF: cycle {}, participant {}, status {}, {} pages in {} ms", report.cycleId(),
                    report.participant().id(), report.status(), pages, (System.nanoTime() - start) / 1_000_000);
        }
    }

    @Override
    public void nationalPdf(NationalReport report, OutputStream out) throws IOException {
        long start = System.nanoTime();
        int pages;
        try (Canvas canvas = new Canvas(regular, bold, report.title(), report.generatedAt())) {
            new NationalLayout(canvas, texts, report).render();
            pages = canvas.pageCount();
            canvas.save(out);
        }
        LOG.info("national report PDF: cycle {} ({}), {} tables, {} pages in {} ms",
                report.filter() == null ? "-" : report.filter().cycleId(), report.filterText(), report.tables().size(),
                pages, (System.nanoTime() - start) / 1_000_000);
    }
}
