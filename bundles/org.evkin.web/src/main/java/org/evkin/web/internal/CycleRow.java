package org.evkin.web.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.evkin.workflow.Battery;
import org.evkin.workflow.Cycle;

/** A cycle as the dashboard shows it: its name and one row per program battery, dates already written out. */
public record CycleRow(long id, String name, List<BatteryRow> batteries) {

    /** One battery: program code, whether it is active, and its period ("1 November 2025") and extension, if any. */
    public record BatteryRow(String programCode, boolean active, String periodStart, String periodEnd, String extendedUntil) {
    }

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Messages.INDONESIAN);

    static CycleRow of(Cycle c) {
        return new CycleRow(c.id(), c.name(), c.batteries().stream().map(CycleRow::row).toList());
    }

    private static BatteryRow row(Battery b) {
        LocalDate extended = b.closesAfter().equals(b.periodEnd()) ? null : b.closesAfter();
        return new BatteryRow(b.programCode(), b.active(), date(b.periodStart()), date(b.periodEnd()), date(extended));
    }

    private static String date(LocalDate d) {
        return d == null ? null : DATE.format(d);
    }
}
