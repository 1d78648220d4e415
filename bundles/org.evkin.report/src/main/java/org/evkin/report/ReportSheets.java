package org.evkin.report;

import java.io.IOException;
import java.io.OutputStream;

/** Writes the national report as spreadsheets: XLSX (one sheet per table) and CSV. */
public interface ReportSheets {

    /** One workbook, a sheet per table, numbers as numbers. */
    void xlsx(NationalReport report, OutputStream out) throws IOException;

    /**
     * All tables in one CSV (UTF-8 with BOM, ';' as delimiter, decimal comma), in long form: table, table title, row
     * number, row label, column key, column label, value — one line per cell, so that every table fits one layout.
     */
    void csv(NationalReport report, OutputStream out) throws IOException;

    /** One table as a CSV in its own layout (UTF-8 with BOM, ';', decimal comma): a header line, its rows, its total. */
    void csvTable(ReportTable table, OutputStream out) throws IOException;
}
