package org.evkin.report.sheet.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.evkin.report.ReportTable;
import org.junit.jupiter.api.Test;

/** Column widths and the lines a wrapped text takes. */
class ColumnWidthsTest {

    @Test
    void widthsFollowTheLongestCellWithinBounds() {
        ReportTable table = new ReportTable("3.7", "T", null,
                List.of(SampleReports.count("no", "No"), SampleReports.text("province", "Provinsi"),
                        SampleReports.text("long", "Penjelasan")),
                List.of(SampleReports.row(1, "Daerah Khusus Ibukota Jakarta", "x".repeat(300))), null);
        double[] widths = ColumnWidths.of(table, Texts.indonesian());
        assertEquals(8, widths[0]);
        assertEquals("Daerah Khusus Ibukota Jakarta".length() + 2, widths[1]);
        assertEquals(60, widths[2]);
    }

    @Test
    void wrappedLines() {
        assertEquals(1, ColumnWidths.lines("Jawa Barat", 20, false));
        assertEquals(1, ColumnWidths.lines(null, 20, false));
        assertEquals(2, ColumnWidths.lines("baris satu\nbaris dua", 40, false));
        assertEquals(3, ColumnWidths.lines("aaaa bbbb cccc", 6.5, false), "a word a line");
        assertEquals(3, ColumnWidths.lines("x".repeat(25), 11.5, false), "a long word is cut");
        String explanation = "Mampu melaksanakan analisis jabatan sesuai standar operasional, termasuk menyusun "
                + "laporan hasilnya.";
        int lines = ColumnWidths.lines(explanation, 60, false);
        assertTrue(lines == 2, "about 100 characters in a 60 wide column: " + lines);
        assertTrue(ColumnWidths.lines(explanation, 60, true) >= lines, "bold is wider");
    }
}
