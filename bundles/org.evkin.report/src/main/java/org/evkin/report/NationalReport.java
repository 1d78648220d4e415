package org.evkin.report;

import java.time.Instant;
import java.util.List;

/**
 * The national report (SPEC §4, report Bab III): Tabel 3.1–3.12 and Gambar 3.1 as tables, in that order, for the
 * filter it was asked with. Table ids: "3.1" … "3.12" and "G3.1".
 */
public record NationalReport(String title, NationalFilter filter, String filterText, Instant generatedAt,
        List<ReportTable> tables) {

    public NationalReport {
        tables = List.copyOf(tables);
    }

    /** The table with this id. */
    public ReportTable table(String id) {
        return tables.stream().filter(t -> t.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no table " + id));
    }
}
