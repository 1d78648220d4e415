package org.evkin.report.sheet.internal;

import java.io.IOException;
import java.io.OutputStream;

import org.evkin.report.NationalReport;
import org.evkin.report.ReportSheets;
import org.evkin.report.ReportTable;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The national report as spreadsheets: XLSX written with the JDK alone, CSV in long form and per table. Stateless. */
@Component(service = ReportSheets.class, name = "org.evkin.report.sheet")
public final class ReportSheetsComponent implements ReportSheets {

    private static final Logger LOG = LoggerFactory.getLogger(ReportSheetsComponent.class);

    private final Texts texts = Texts.indonesian();

    @Override
    public void xlsx(NationalReport report, OutputStream out) throws IOException {
        long start = System.nanoTime();
        new XlsxWorkbook(texts).write(report, out);
        LOG.debug("national report of cycle {} written as XLSX ({} tables) in {} ms", cycle(report),
                report.tables().size(), (System.nanoTime() - start) / 1_000_000);
    }

    @Override
    public void csv(NationalReport report, OutputStream out) throws IOException {
        long start = System.nanoTime();
        new CsvExport(texts).longForm(report, out);
        LOG.debug("national report of cycle {} written as CSV ({} tables) in {} ms", cycle(report),
                report.tables().size(), (System.nanoTime() - start) / 1_000_000);
    }

    @Override
    public void csvTable(ReportTable table, OutputStream out) throws IOException {
        new CsvExport(texts).table(table, out);
    }

    private static Object cycle(NationalReport report) {
        return report.filter() == null ? "?" : report.filter().cycleId();
    }
}
