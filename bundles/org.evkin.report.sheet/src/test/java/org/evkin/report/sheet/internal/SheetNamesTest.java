package org.evkin.report.sheet.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Sheet names Excel accepts. */
class SheetNamesTest {

    @Test
    void forbiddenCharactersEndApostrophesAndLength() {
        assertEquals("Tabel 3.4", SheetNames.clean("Tabel 3.4"));
        assertEquals("a-b-c-d-e-f-g-h", SheetNames.clean("a[b]c:d*e?f/g\\h"));
        assertEquals("Jum'at", SheetNames.clean("'Jum'at'"));
        assertEquals("Tab", SheetNames.clean("Ta\u0007b"));
        String longName = "Predikat kinerja per provinsi dan jenjang";
        assertEquals(31, SheetNames.clean(longName).length());
        assertEquals("Predikat kinerja per provinsi d", SheetNames.clean(longName));
        assertEquals(30, SheetNames.clean("x".repeat(30) + "😀").length(), "never half an emoji");
    }

    @Test
    void namesAreUniqueRegardlessOfCaseAndNeverHistory() {
        SheetNames names = new SheetNames("Lembar");
        assertEquals("Keterangan", names.unique("Keterangan"));
        assertEquals("KETERANGAN (2)", names.unique("KETERANGAN"));
        assertEquals("Keterangan (3)", names.unique("Keterangan"));
        assertEquals("History (2)", names.unique("History"));
        assertEquals("Lembar", names.unique(" ' "));
        assertEquals("Lembar (2)", names.unique(null));
        String longName = "x".repeat(40);
        assertEquals("x".repeat(31), names.unique(longName));
        String second = names.unique(longName);
        assertEquals("x".repeat(27) + " (2)", second);
        assertTrue(second.length() <= 31);
    }
}
