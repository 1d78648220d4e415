package org.evkin.report;

import java.io.IOException;
import java.io.OutputStream;

/** Renders reports as PDF (A4, embedded fonts, real text, Indonesian number format). */
public interface ReportDocuments {

    /** The individual report as one PDF (a clear pending page while raters are missing). */
    void individualPdf(IndividualReport report, OutputStream out) throws IOException;

    /** The national report as one PDF: every table, with bar charts. */
    void nationalPdf(NationalReport report, OutputStream out) throws IOException;
}
