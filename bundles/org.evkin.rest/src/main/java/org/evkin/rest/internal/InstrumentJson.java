package org.evkin.rest.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.evkin.instrument.DeploymentProblem;
import org.evkin.instrument.InstrumentDefinition;
import org.evkin.instrument.InstrumentSummary;
import org.evkin.instrument.Item;
import org.evkin.model.CompetencyModel;
import org.evkin.model.Target;

/** The JSON shapes of instruments, forms and deployment problems. */
final class InstrumentJson {

    private InstrumentJson() {
    }

    static Map<String, Object> summary(InstrumentSummary s) {
        return map("code", s.code(), "title", s.title(), "targetKind", s.targetKind(), "version", s.currentVersion(),
                "deployed", s.deployed(), "status", s.status(), "periodStart", s.periodStart(), "periodEnd", s.periodEnd(),
                "sourceBundle", s.sourceBundle(), "versions", s.versions());
    }

    static Map<String, Object> definition(InstrumentDefinition d, InstrumentSummary s, CompetencyModel model) {
        Map<String, Object> out = summary(s);
        out.put("version", d.version());
        out.put("currentVersion", s.currentVersion());
        out.put("title", d.title());
        out.put("organizer", d.organizer());
        out.put("training", map("start", d.trainingStart(), "end", d.trainingEnd(), "schedule", d.schedule()));
        out.put("description", d.description());
        out.put("target", map("kind", d.targetKind(), "levels", d.levels()));
        out.put("battery", d.battery().stream().map(n -> map("no", n, "name", name(model, n))).toList());
        out.put("scale", scale(d));
        out.put("items", d.items().stream().map(i -> map("code", i.code(), "subcompetency", i.subcompetency(),
                "level", i.level(), "self", i.self(), "other", i.other())).toList());
        out.put("report", map("title", d.report().title(), "intro", d.report().intro(), "closing", d.report().closing(),
                "categories", d.report().bands()));
        out.put("checksum", d.checksum());
        return out;
    }

    /** The Part-2 form of a level, for one kind of rater: items grouped by subkompetensi, in the rater's phrasing. */
    static Map<String, Object> form(InstrumentDefinition d, Target level, boolean self, CompetencyModel model) {
        List<Map<String, Object>> groups = d.batteryAt(level).stream().map(n -> map(
                "subcompetency", n, "name", name(model, n),
                "items", d.itemsFor(level).stream().filter(i -> i.subcompetency() == n)
                        .map(i -> map("code", i.code(), "text", self ? i.self() : i.other())).toList())).toList();
        return map("code", d.code(), "version", d.version(), "title", d.title(), "level", level, "rater", self ? "DIRI" : "OTHER",
                "scale", scale(d), "groups", groups, "itemCount", d.itemsFor(level).size());
    }

    static Map<String, Object> problem(DeploymentProblem p) {
        return map("at", p.at(), "bundle", p.bundle(), "location", p.location(), "file", p.file(),
                "problems", p.problems().stream().map(x -> map("path", x.path(), "message", x.message())).toList());
    }

    private static Map<String, Object> scale(InstrumentDefinition d) {
        return map("labels", d.scale().labels(), "notObserved", d.scale().notObserved());
    }

    private static String name(CompetencyModel model, int n) {
        return model == null ? null : model.subcompetency(n).map(s -> s.name()).orElse(null);
    }

    static List<String> itemCodes(List<Item> items) {
        return items.stream().map(Item::code).toList();
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
