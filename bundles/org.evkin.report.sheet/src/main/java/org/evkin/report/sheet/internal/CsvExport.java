package org.evkin.report.sheet.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import org.evkin.report.NationalReport;
import org.evkin.report.ReportTable;
import org.evkin.report.ReportTable.Column;

/**
 * The national report as CSV: every table in one long file (a line per cell) or one table in its own layout. Values:
 * COUNT a whole number, MEAN with a decimal comma ("3,12") or "-", PERCENT a whole number without "%" or empty.
 */
final class CsvExport {

    private final Texts texts;

    CsvExport(Texts texts) {
        this.texts = texts;
    }

    /** Every table, long form: tabel;judul_tabel;baris;label_baris;kolom;label_kolom;nilai. */
    void longForm(NationalReport report, OutputStream target) throws IOException {
        report.tables().forEach(Tables::check);
        CsvWriter csv = new CsvWriter(target);
        for (String name : texts.text("csv.header").split(";", -1)) {
            csv.field(name);
        }
        csv.endLine();
        for (ReportTable table : report.tables()) {
            int[] labels = Tables.labelColumns(table.columns());
            for (int r = 0; r < table.rows().size(); r++) {
                List<Object> row = table.rows().get(r);
                cells(csv, table, labels, Integer.toString(r + 1), Tables.rowLabel(row, labels, texts), row);
            }
            if (table.total() != null) {
                cells(csv, table, labels, texts.text("row.total"), Tables.totalLabel(table.total(), labels, texts),
                        table.total());
            }
        }
        csv.flush();
    }

    /** One table in its own layout: the column labels, the rows, the total (labelled TOTAL where it has no label). */
    void table(ReportTable table, OutputStream target) throws IOException {
        Tables.check(table);
        CsvWriter csv = new CsvWriter(target);
        for (Column column : table.columns()) {
            csv.text(column.label());
        }
        csv.endLine();
        for (List<Object> row : table.rows()) {
            row(csv, table, row, -1);
        }
        if (table.total() != null) {
            row(csv, table, table.total(), Tables.totalLabelColumn(table));
        }
        csv.flush();
    }

    private void cells(CsvWriter csv, ReportTable table, int[] labels, String rowNumber, String rowLabel,
            List<Object> row) throws IOException {
        for (int c = 0; c < table.columns().size(); c++) {
            if (Tables.isLabel(labels, c)) {
                continue;
            }
            Column column = table.columns().get(c);
            csv.text(table.id()).text(table.title()).field(rowNumber).text(rowLabel).text(column.key())
                    .text(column.label());
            value(csv, column, row.get(c));
            csv.endLine();
        }
    }

    private void row(CsvWriter csv, ReportTable table, List<Object> row, int totalLabel) throws IOException {
        for (int c = 0; c < table.columns().size(); c++) {
            if (c == totalLabel) {
                csv.field(texts.text("row.total"));
            } else {
                value(csv, table.columns().get(c), row.get(c));
            }
        }
        csv.endLine();
    }

    private static void value(CsvWriter csv, Column column, Object value) throws IOException {
        switch (column.kind()) {
            case TEXT -> csv.text(value == null ? "" : value.toString());
            case COUNT -> csv.field(value == null ? "" : Cells.count(value).toString());
            case MEAN -> csv.field(value == null ? "-" : Cells.decimalComma(Cells.mean(value)));
            case PERCENT -> csv.field(value == null ? "" : Cells.count(value).toString());
        }
    }
}
