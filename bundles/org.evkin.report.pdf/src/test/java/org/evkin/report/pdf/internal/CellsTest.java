package org.evkin.report.pdf.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;

import org.evkin.report.ReportTable.Kind;
import org.junit.jupiter.api.Test;

/** Cells in the Indonesian number format, by column kind. */
class CellsTest {

    @Test
    void meansHaveTwoDecimalsAndADecimalComma() {
        assertEquals("3,12", Cells.format(new BigDecimal("3.12"), Kind.MEAN));
        assertEquals("3,00", Cells.format(new BigDecimal("3"), Kind.MEAN));
        assertEquals("3,41", Cells.format(new BigDecimal("3.405"), Kind.MEAN));
        assertEquals("-", Cells.format(null, Kind.MEAN));
    }

    @Test
    void percentagesAreWholeAndEmptyWhenNone() {
        assertEquals("33%", Cells.format(33, Kind.PERCENT));
        assertEquals("0%", Cells.format(0, Kind.PERCENT));
        assertEquals("", Cells.format(null, Kind.PERCENT));
    }

    @Test
    void countsAreWholeWithThousandsDots() {
        assertEquals("404", Cells.format(404, Kind.COUNT));
        assertEquals("1.234", Cells.format(1234, Kind.COUNT));
        assertEquals("1.234.567", Cells.format(1234567L, Kind.COUNT));
        assertEquals("0", Cells.format(0, Kind.COUNT));
        assertEquals("", Cells.format(null, Kind.COUNT));
    }

    @Test
    void textAndStringsAsTheyAre() {
        assertEquals("TOTAL", Cells.format("TOTAL", Kind.COUNT));
        assertEquals("Aceh", Cells.format("Aceh", Kind.TEXT));
        assertEquals("", Cells.format(null, Kind.TEXT));
    }
}
