package org.evkin.report.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.evkin.instrument.InstrumentDefinition;
import org.evkin.model.Target;
import org.evkin.report.internal.CycleData.FormInfo;
import org.evkin.report.internal.Evaluation.ProgramEvaluation;
import org.evkin.scoring.ActivityProfile;
import org.evkin.scoring.Band;
import org.evkin.scoring.ParticipantResult;
import org.evkin.scoring.ProgramInput;
import org.evkin.scoring.ProgramResult;
import org.evkin.scoring.RaterInput;
import org.evkin.scoring.RaterSource;
import org.evkin.scoring.Scoring;
import org.evkin.scoring.ScoringRules;
import org.evkin.scoring.Tally;
import org.evkin.store.EnrolmentRecord;
import org.evkin.store.ParticipantRecord;

/** Scores participants from CycleData with the scoring engine: the bridge between stored forms and the pure rules. */
final class Evaluator {

    static final List<String> PART1_SOURCES = List.of("DIRI", "ATASAN", "REKAN");
    static final List<String> PK_LEVELS = Target.pkLevels().stream().map(Enum::name).toList();

    private final ScoringRules platform;
    private final BiFunction<String, String, InstrumentDefinition> definitions;
    /** The rules of each instrument version met (an Evaluator serves one request, on one thread). */
    private final Map<InstrumentDefinition, ScoringRules> programRules = new java.util.IdentityHashMap<>();
    /** The battery of each instrument version at each level (computing it scans the items). */
    private final Map<InstrumentDefinition, Map<Target, List<Integer>>> batteries = new java.util.IdentityHashMap<>();

    /** @param definitions (program, version or null) → the instrument version, or null when unknown */
    Evaluator(ScoringRules platform, BiFunction<String, String, InstrumentDefinition> definitions) {
        this.platform = platform;
        this.definitions = definitions;
    }

    /** Scores one participant of the data, over all enrolments or only the one of programFilter. */
    Evaluation evaluate(CycleData data, ParticipantRecord p, String programFilter) {
        return evaluate(data, p, programFilter, true);
    }

    /** The same, without the activity profile when the caller (the national tables) has no use for it. */
    Evaluation evaluate(CycleData data, ParticipantRecord p, String programFilter, boolean withActivity) {
        Target target = "PAK".equals(p.kind()) ? Target.PAK : Target.valueOf(p.level());
        List<FormInfo> forms = data.forms().getOrDefault(p.id(), List.of());
        List<EnrolmentRecord> enrolments = new ArrayList<>(data.enrolments().getOrDefault(p.id(), List.of()));
        enrolments.sort(Comparator.comparing(EnrolmentRecord::programCode));
        List<ProgramEvaluation> programs = new ArrayList<>();
        List<ProgramResult> results = new ArrayList<>();
        for (EnrolmentRecord e : enrolments) {
            if (programFilter != null && !programFilter.equals(e.programCode())) {
                continue;
            }
            String version = e.instrumentVersion();
            if (version == null) {
                version = forms.stream().filter(f -> f.part() == 2 && f.program().equals(e.programCode()) && f.version() != null)
                        .map(FormInfo::version).findFirst().orElse(null);
            }
            InstrumentDefinition definition = definitions.apply(e.programCode(), version);
            ScoringRules rules = definition == null ? platform
                    : programRules.computeIfAbsent(definition, d -> ScoringSettings.forProgram(platform, d));
            if (!e.eligible()) {
                programs.add(new ProgramEvaluation(e, definition, null, rules));
                continue;
            }
            List<Integer> rated = definition == null ? List.of()
                    : batteries.computeIfAbsent(definition, d -> new java.util.EnumMap<>(Target.class)).computeIfAbsent(target, definition::batteryAt);
            Map<RaterSource, RaterInput> raters = new EnumMap<>(RaterSource.class);
            for (FormInfo f : forms) {
                if (f.part() == 2 && f.program().equals(e.programCode())) {
                    raters.put(RaterSource.valueOf(f.role()), new RaterInput(f.submitted(), f.submitted() ? tallies(f.counts) : Map.of()));
                }
            }
            ProgramResult result = Scoring.program(new ProgramInput(e.programCode(), rated, raters), rules);
            programs.add(new ProgramEvaluation(e, definition, result, rules));
            results.add(result);
        }
        ParticipantResult combined = Scoring.participant(results);
        ScoringRules rules = conclusionRules(programs);
        Band conclusion = combined.score().map(s -> rules.bands().lookup(s)).orElse(null);
        Map<String, short[]> part1 = new LinkedHashMap<>();
        ActivityProfile activity = null;
        if (target.isPkLevel()) {
            List<Map<String, Integer>> perForm = new ArrayList<>();
            for (String source : PART1_SOURCES) {
                forms.stream().filter(f -> f.part() == 1 && f.submitted() && f.role().equals(source)).findFirst().ifPresent(f -> {
                    short[] ticks = f.counts();
                    part1.put(source, ticks);
                    perForm.add(levelCounts(ticks));
                });
            }
            if (withActivity) {
                activity = ActivityProfile.of(PK_LEVELS, target.name(), perForm, PART1_SOURCES.size(), rules.idealThreshold());
            }
        }
        return new Evaluation(p, target, programs, combined, rules, conclusion, activity, part1);
    }

    /** The rules for the conclusion: the programs' own when every program with a result agrees, else the platform's. */
    private ScoringRules conclusionRules(List<ProgramEvaluation> programs) {
        List<ScoringRules> used = programs.stream().filter(ProgramEvaluation::hasResult).map(ProgramEvaluation::rules).toList();
        if (used.isEmpty()) {
            used = programs.stream().map(ProgramEvaluation::rules).toList();
        }
        if (used.isEmpty()) {
            return platform;
        }
        ScoringRules first = used.get(0);
        boolean sameBands = used.stream().allMatch(r -> r.bands().list().equals(first.bands().list()));
        boolean sameThreshold = used.stream().allMatch(r -> r.idealThreshold().compareTo(first.idealThreshold()) == 0);
        ScoringRules rules = platform;
        if (sameBands) {
            rules = rules.withBands(first.bands());
        }
        if (sameThreshold) {
            rules = rules.withIdealThreshold(first.idealThreshold());
        }
        return rules;
    }

    private static Map<Integer, Tally> tallies(short[] part2) {
        Map<Integer, Tally> t = new LinkedHashMap<>();
        if (part2 == null) {
            return t;
        }
        for (int s = 1; s <= CycleData.SUBCOMPETENCIES; s++) {
            int count = part2[CycleData.countIndex(s)];
            if (count > 0) {
                t.put(s, new Tally(part2[CycleData.sumIndex(s)], count));
            }
        }
        return t;
    }

    static Map<String, Integer> levelCounts(short[] ticks) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int rank = 1; rank <= CycleData.LEVELS; rank++) {
            int n = 0;
            for (int s = 1; s <= CycleData.SUBCOMPETENCIES; s++) {
                n += ticks[CycleData.tickIndex(s, rank)];
            }
            counts.put(PK_LEVELS.get(rank - 1), n);
        }
        return counts;
    }
}
