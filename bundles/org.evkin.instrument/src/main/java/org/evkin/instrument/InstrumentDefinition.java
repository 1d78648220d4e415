package org.evkin.instrument;

import java.time.LocalDate;
import java.util.List;
import org.evkin.model.Target;

/**
 * One version of a program's instrument, immutable: metadata, battery, items, scale and report template.
 * The same (code, version) always means the same content; it is kept in the database after its bundle is gone.
 */
public record InstrumentDefinition(String code, String version, String title, String organizer, LocalDate trainingStart,
        LocalDate trainingEnd, String schedule, String description, TargetKind targetKind, List<Target> levels,
        List<Integer> battery, Scale scale, List<Item> items, ReportTemplate report, String checksum) {

    public InstrumentDefinition {
        levels = List.copyOf(levels);
        battery = List.copyOf(battery);
        items = List.copyOf(items);
    }

    /** The items a participant at this level is rated on, in descriptor order. */
    public List<Item> itemsFor(Target level) {
        return items.stream().filter(i -> i.level() == level).toList();
    }

    /** The battery's subkompetensi that have items at this level. */
    public List<Integer> batteryAt(Target level) {
        return battery.stream().filter(s -> items.stream().anyMatch(i -> i.level() == level && i.subcompetency() == s)).toList();
    }

    /** Whether participants of this target are evaluated by the instrument. */
    public boolean covers(Target target) {
        return targetKind == TargetKind.PAK ? target == Target.PAK : levels.contains(target);
    }
}
