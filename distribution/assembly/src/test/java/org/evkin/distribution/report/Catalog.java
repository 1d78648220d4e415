package org.evkin.distribution.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the running distribution publishes and the dataset is built on: the competency model (6 kompetensi, 15
 * subkompetensi, blueprint texts, the Part-1 task catalog) from GET /api/competency-model, and the deployed programs with
 * their battery and items from GET /api/instruments and GET /api/instruments/{code}.
 */
record Catalog(List<Competency> competencies, Map<Integer, Subcompetency> subcompetencies, Map<String, String> levelLabels,
        Map<String, Map<Integer, String>> definitions, List<Task> tasks, Map<String, Program> programs) {

    /** The four PK levels, lowest first, as the API names them. */
    static final List<String> PK_LEVELS = List.of("AHLI_PERTAMA", "AHLI_MUDA", "AHLI_MADYA", "AHLI_UTAMA");
    static final String PAK = "PAK";

    record Competency(int no, String name, List<Integer> subcompetencies) {
    }

    /** targets: the levels (and PAK) whose blueprint defines it. */
    record Subcompetency(int no, String name, int competency, Set<String> targets) {
    }

    record Task(String code, String level, int subcompetency) {
    }

    record Item(String code, int subcompetency, String level, String self, String other) {
    }

    /** kind: PK or PAK; levels: the PK levels the instrument covers; reportTexts: the report template's intro and closing. */
    record Program(String code, String title, String kind, List<String> levels, List<Integer> battery, List<Item> items,
            List<String> reportTexts) {

        boolean pak() {
            return PAK.equals(kind);
        }
    }

    static Catalog load(ReportDistribution evkin) throws Exception {
        JsonNode model = evkin.getJson("/api/competency-model", null);
        List<Competency> competencies = new ArrayList<>();
        for (JsonNode c : model.path("competencies")) {
            List<Integer> subs = new ArrayList<>();
            c.path("subcompetencies").forEach(n -> subs.add(n.asInt()));
            competencies.add(new Competency(c.path("no").asInt(), c.path("name").asText(), subs));
        }
        Map<Integer, Subcompetency> subcompetencies = new TreeMap<>();
        for (JsonNode s : model.path("subcompetencies")) {
            Set<String> targets = new LinkedHashSet<>();
            s.path("targets").forEach(t -> targets.add(t.asText()));
            subcompetencies.put(s.path("no").asInt(), new Subcompetency(s.path("no").asInt(), s.path("name").asText(),
                    s.path("competency").asInt(), targets));
        }
        Map<String, String> levelLabels = new LinkedHashMap<>();
        model.path("levels").forEach(l -> levelLabels.put(l.path("code").asText(), l.path("name").asText()));
        Map<String, Map<Integer, String>> definitions = new HashMap<>();
        for (JsonNode b : model.path("blueprints")) {
            Map<Integer, String> byNo = new TreeMap<>();
            b.path("entries").forEach(e -> byNo.put(e.path("subcompetency").asInt(), e.path("operationalDefinition").asText()));
            definitions.put(b.path("target").asText(), byNo);
        }
        List<Task> tasks = new ArrayList<>();
        model.path("tasks").forEach(t -> tasks.add(new Task(t.path("code").asText(), t.path("level").asText(),
                t.path("subcompetency").asInt())));

        Map<String, Program> programs = new TreeMap<>();
        for (JsonNode summary : evkin.getJson("/api/instruments", null).path("instruments")) {
            String code = summary.path("code").asText();
            JsonNode d = evkin.getJson("/api/instruments/" + code, null);
            List<String> levels = new ArrayList<>();
            d.path("target").path("levels").forEach(l -> levels.add(l.asText()));
            List<Integer> battery = new ArrayList<>();
            d.path("battery").forEach(b -> battery.add(b.path("no").asInt()));
            List<Item> items = new ArrayList<>();
            d.path("items").forEach(i -> items.add(new Item(i.path("code").asText(), i.path("subcompetency").asInt(),
                    i.path("level").asText(), i.path("self").asText(), i.path("other").asText())));
            List<String> reportTexts = List.of(d.path("report").path("intro").asText(""), d.path("report").path("closing").asText(""));
            programs.put(code, new Program(code, d.path("title").asText(), d.path("target").path("kind").asText(), levels,
                    battery, items, reportTexts));
        }
        Catalog catalog = new Catalog(competencies, subcompetencies, levelLabels, definitions, tasks, programs);
        catalog.checkItemsFollowTheBlueprints();
        return catalog;
    }

    /**
     * SPEC §2: a participant is rated on the battery's subkompetensi that exist at his or her level (PAK: in the PAK
     * blueprint). Derived from the competency model, not from the items.
     */
    List<Integer> rated(String program, String target) {
        Program p = programs.get(program);
        if (p.pak() != PAK.equals(target) || (!p.pak() && !p.levels().contains(target))) {
            return List.of();
        }
        return p.battery().stream().filter(s -> subcompetencies.get(s).targets().contains(target)).sorted().toList();
    }

    /** The Part-2 items a participant at this level answers in this program. */
    List<Item> items(String program, String target) {
        return programs.get(program).items().stream().filter(i -> i.level().equals(target)).toList();
    }

    List<Item> items(String program, String target, int subcompetency) {
        return items(program, target).stream().filter(i -> i.subcompetency() == subcompetency).toList();
    }

    /** Whether a participant at this level can be enrolled in the program (the import refuses it otherwise). */
    boolean covers(String program, String target) {
        return !rated(program, target).isEmpty();
    }

    List<String> programCodes(boolean pak) {
        return programs.values().stream().filter(p -> p.pak() == pak).map(Program::code).toList();
    }

    String levelLabel(String level) {
        return levelLabels.get(level);
    }

    /** The definisi operasional of a subkompetensi at a level (or PAK); null where the blueprint has none. */
    String definition(String target, int subcompetency) {
        return definitions.getOrDefault(target, Map.of()).get(subcompetency);
    }

    Competency competencyOf(int subcompetency) {
        int no = subcompetencies.get(subcompetency).competency();
        return competencies.stream().filter(c -> c.no() == no).findFirst().orElseThrow();
    }

    /** Fails when an instrument's items disagree with the rated set derived from the blueprints. */
    private void checkItemsFollowTheBlueprints() {
        for (Program p : programs.values()) {
            List<String> targets = p.pak() ? List.of(PAK) : p.levels();
            for (String t : targets) {
                Set<Integer> withItems = new TreeSet<>();
                items(p.code(), t).forEach(i -> withItems.add(i.subcompetency()));
                if (!withItems.equals(new TreeSet<>(rated(p.code(), t)))) {
                    throw new AssertionError(p.code() + " at " + t + ": items for " + withItems + " but battery at the level is "
                            + rated(p.code(), t));
                }
            }
        }
    }
}
