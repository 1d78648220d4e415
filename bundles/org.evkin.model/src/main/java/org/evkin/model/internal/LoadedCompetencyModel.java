package org.evkin.model.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.evkin.model.BlueprintEntry;
import org.evkin.model.Competency;
import org.evkin.model.CompetencyModel;
import org.evkin.model.Subcompetency;
import org.evkin.model.Target;
import org.evkin.model.Task;

/** The competency model read from the bundled JSON document, checked for consistency, immutable. */
public final class LoadedCompetencyModel implements CompetencyModel {

    static final String RESOURCE = "competency-model.json";

    private final String source;
    private final List<Competency> competencies;
    private final List<Subcompetency> subcompetencies;
    private final Map<Target, List<BlueprintEntry>> blueprints;
    private final List<Task> tasks;
    private final Map<String, Task> tasksByCode;

    private LoadedCompetencyModel(ModelDocument doc) {
        List<String> problems = new ArrayList<>();
        this.source = doc.source();
        this.competencies = doc.competencies().stream().map(c -> new Competency(c.no(), c.name())).toList();
        this.subcompetencies = doc.subcompetencies().stream()
                .map(s -> new Subcompetency(s.no(), s.name(), s.competency())).toList();
        checkNumbering("competencies", competencies.stream().map(Competency::no).toList(), 6, problems);
        checkNumbering("subcompetencies", subcompetencies.stream().map(Subcompetency::no).toList(), 15, problems);
        for (Subcompetency s : subcompetencies) {
            if (s.competency() < 1 || s.competency() > competencies.size()) {
                problems.add("subcompetency " + s.no() + " names unknown competency " + s.competency());
            }
        }
        for (ModelDocument.LevelJson level : doc.levels()) {
            try {
                Target t = Target.valueOf(level.code());
                if (!t.isPkLevel() || t.rank() != level.rank() || !t.label().equals(level.name())) {
                    problems.add("level " + level.code() + " does not match " + t.label() + " rank " + t.rank());
                }
            } catch (IllegalArgumentException e) {
                problems.add("unknown level code " + level.code());
            }
        }
        Map<Target, List<BlueprintEntry>> bp = new EnumMap<>(Target.class);
        for (ModelDocument.BlueprintJson b : doc.blueprints()) {
            Target target;
            try {
                target = Target.valueOf(b.target());
            } catch (IllegalArgumentException e) {
                problems.add("unknown blueprint target " + b.target());
                continue;
            }
            List<BlueprintEntry> entries = new ArrayList<>();
            int previous = 0;
            for (ModelDocument.EntryJson e : b.entries()) {
                String where = "blueprint " + target + " subcompetency " + e.subcompetency();
                if (e.subcompetency() <= previous || e.subcompetency() > 15) {
                    problems.add(where + ": out of order or out of range");
                }
                previous = e.subcompetency();
                if (blank(e.characteristic()) || blank(e.operationalDefinition())) {
                    problems.add(where + ": ciri khas or definisi operasional is empty");
                }
                if (e.indicators() == null || e.indicators().isEmpty() || e.indicators().stream().anyMatch(LoadedCompetencyModel::blank)) {
                    problems.add(where + ": missing or empty indikator perilaku");
                    continue;
                }
                entries.add(new BlueprintEntry(target, e.subcompetency(), e.characteristic().strip(),
                        e.operationalDefinition().strip(), e.indicators().stream().map(String::strip).toList()));
            }
            if (bp.put(target, List.copyOf(entries)) != null) {
                problems.add("blueprint " + target + " appears twice");
            }
        }
        for (Target t : Target.values()) {
            if (!bp.containsKey(t)) {
                problems.add("no blueprint for " + t);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The competency model " + RESOURCE + " is inconsistent: " + String.join("; ", problems));
        }
        this.blueprints = Collections.unmodifiableMap(bp);
        List<Task> catalog = new ArrayList<>();
        for (Target level : Target.pkLevels()) {
            for (BlueprintEntry entry : bp.get(level)) {
                for (int i = 0; i < entry.indicators().size(); i++) {
                    catalog.add(new Task(Task.codeOf(level, entry.subcompetency(), i + 1), level,
                            entry.subcompetency(), i + 1, entry.indicators().get(i)));
                }
            }
        }
        this.tasks = List.copyOf(catalog);
        Map<String, Task> byCode = new LinkedHashMap<>();
        catalog.forEach(t -> byCode.put(t.code(), t));
        this.tasksByCode = Collections.unmodifiableMap(byCode);
    }

    /** Reads and checks the model bundled with this class; fails with every inconsistency named. */
    public static LoadedCompetencyModel fromBundledResource() {
        try (InputStream in = LoadedCompetencyModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The competency model resource " + RESOURCE + " is missing from the bundle");
            }
            return read(in);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the competency model " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    static LoadedCompetencyModel read(InputStream in) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        return new LoadedCompetencyModel(mapper.readValue(in, ModelDocument.class));
    }

    private static void checkNumbering(String what, List<Integer> numbers, int expected, List<String> problems) {
        Set<Integer> seen = new HashSet<>(numbers);
        for (int i = 1; i <= expected; i++) {
            if (!seen.contains(i)) {
                problems.add(what + ": number " + i + " is missing");
            }
        }
        if (numbers.size() != expected) {
            problems.add(what + ": expected " + expected + " entries, found " + numbers.size());
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public List<Competency> competencies() {
        return competencies;
    }

    @Override
    public List<Subcompetency> subcompetencies() {
        return subcompetencies;
    }

    @Override
    public Optional<Subcompetency> subcompetency(int no) {
        return no >= 1 && no <= subcompetencies.size() ? Optional.of(subcompetencies.get(no - 1)) : Optional.empty();
    }

    @Override
    public List<BlueprintEntry> blueprint(Target target) {
        return blueprints.get(target);
    }

    @Override
    public Optional<BlueprintEntry> blueprint(Target target, int subcompetency) {
        return blueprints.get(target).stream().filter(e -> e.subcompetency() == subcompetency).findFirst();
    }

    @Override
    public List<Task> tasks() {
        return tasks;
    }

    @Override
    public Optional<Task> task(String code) {
        return Optional.ofNullable(code == null ? null : tasksByCode.get(code));
    }
}
