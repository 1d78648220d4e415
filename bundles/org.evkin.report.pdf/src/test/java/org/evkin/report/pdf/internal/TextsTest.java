package org.evkin.report.pdf.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The labels come from messages.properties (UTF-8), dates in Indonesian as in Jakarta. */
class TextsTest {

    private final Texts texts = Texts.indonesian();

    @Test
    void indonesianDateInJakarta() {
        assertEquals("28 November 2026", texts.date(Instant.parse("2026-11-28T03:00:00Z")));
        assertEquals("1 Januari 2027", texts.date(Instant.parse("2026-12-31T17:30:00Z")), "00:30 WIB is the next day");
        assertEquals("17 Agustus 2025", texts.date(Instant.parse("2025-08-17T00:00:00Z")));
    }

    @Test
    void labelsAndLists() {
        assertEquals("Halaman 2 dari 5", texts.get("footer.page", 2, 5));
        assertEquals("8 aktivitas kerja", texts.get("activity.countValue", 8));
        assertEquals("Atasan langsung, Rekan kerja dan Pengguna layanan",
                texts.list(List.of("Atasan langsung", "Rekan kerja", "Pengguna layanan")));
        assertEquals("• A – menunggu penilaian dari B", texts.get("partial.program", "A", "B"));
    }
}
