package org.evkin.scoring;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** The scoring rules of SPEC §3, as pure functions. */
public final class Scoring {

    private Scoring() {
    }

    /** §3.1 score(p,g,r,s): the mean of the numeric answers; undefined when every answer was "tidak dapat menilai". */
    public static Optional<Score> raterScore(Tally t) {
        return t.mean();
    }

    /**
     * §3.1–3.4 for one (participant, program): only submitted forms count; score(p,g,s) is the weighted mean
     * Σ w·score / Σ w over the submitted sources with a defined score and a weight above 0 (undefined if there are none);
     * score(p,g) is the mean of the defined score(p,g,s); complete when all four forms are submitted. Tallies of
     * subkompetensi that are not rated are ignored.
     */
    public static ProgramResult program(ProgramInput in, ScoringRules rules) {
        Map<Integer, Score> perSubcompetency = new TreeMap<>();
        for (Integer s : in.ratedSubcompetencies()) {
            Score weighted = Score.ZERO;
            Score totalWeight = Score.ZERO;
            for (RaterSource r : RaterSource.values()) {
                RaterInput form = in.raters().get(r);
                if (form == null || !form.submitted()) {
                    continue;
                }
                Tally tally = form.tallies().get(s);
                Optional<Score> raterScore = tally == null ? Optional.empty() : raterScore(tally);
                Score weight = Score.of(rules.weight(r));
                if (raterScore.isPresent() && weight.signum() > 0) {
                    weighted = weighted.plus(weight.times(raterScore.get()));
                    totalWeight = totalWeight.plus(weight);
                }
            }
            if (totalWeight.signum() > 0) {
                perSubcompetency.put(s, weighted.dividedBy(totalWeight));
            }
        }
        List<RaterSource> missing = new ArrayList<>();
        for (RaterSource r : RaterSource.values()) {
            RaterInput form = in.raters().get(r);
            if (form == null || !form.submitted()) {
                missing.add(r);
            }
        }
        Optional<Score> score = perSubcompetency.isEmpty()
                ? Optional.empty()
                : Optional.of(Score.mean(perSubcompetency.values()));
        return new ProgramResult(in.program(), missing.isEmpty(), perSubcompetency, score, missing);
    }

    /**
     * §3.4–3.5 for a participant: only programs with a result count. score(p) is the mean of their score(p,g);
     * score(p,s) the mean of score(p,g,s) over those of them that define it. programsWithResult keeps the given order.
     * A program code given twice is rejected.
     */
    public static ParticipantResult participant(List<ProgramResult> programs) {
        Set<String> seen = new HashSet<>();
        List<String> withResult = new ArrayList<>();
        List<Score> programScores = new ArrayList<>();
        Map<Integer, List<Score>> bySubcompetency = new LinkedHashMap<>();
        for (ProgramResult g : programs) {
            if (!seen.add(g.program())) {
                throw new IllegalArgumentException("program " + g.program() + " is given twice");
            }
            if (!g.hasResult()) {
                continue;
            }
            withResult.add(g.program());
            programScores.add(g.score().orElseThrow());
            g.subcompetencyScores().forEach((s, v) -> bySubcompetency.computeIfAbsent(s, k -> new ArrayList<>()).add(v));
        }
        Map<Integer, Score> perSubcompetency = new TreeMap<>();
        bySubcompetency.forEach((s, values) -> perSubcompetency.put(s, Score.mean(values)));
        Optional<Score> score = programScores.isEmpty() ? Optional.empty() : Optional.of(Score.mean(programScores));
        return new ParticipantResult(withResult, perSubcompetency, score);
    }
}
