package org.evkin.scoring;

import static org.evkin.scoring.Answers.form;
import static org.evkin.scoring.Answers.submitted;
import static org.evkin.scoring.Answers.tally;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** SPEC §3.2–3.5 with hand-computed values: weighted means over sources, program scores, results and the conclusion. */
class ScoringTest {

    // An Ahli Pertama in COP-JKP-DIS-2025 is rated on 7, 8 and 9.
    //            s7               s8                s9
    // DIRI       4 3 NA → 7/2     3 3 → 3           4 4 4 → 4
    // ATASAN     3 3 3  → 3       NA NA → undefined 2 3 → 5/2
    // REKAN      4      → 4       2 3 4 → 3         3 → 3
    // PENGGUNA   NA → undefined   4 4 → 4           3 4 → 7/2
    static Map<RaterSource, RaterInput> example() {
        return submitted(
                form(7, tally(4, 3, null), 8, tally(3, 3), 9, tally(4, 4, 4)),
                form(7, tally(3, 3, 3), 8, tally(null, null), 9, tally(2, 3)),
                form(7, tally(4), 8, tally(2, 3, 4), 9, tally(3)),
                form(7, tally((Integer) null), 8, tally(4, 4), 9, tally(3, 4)));
    }

    static ProgramInput exampleInput() {
        return new ProgramInput("COP-JKP-DIS-2025", List.of(7, 8, 9), example());
    }

    @Test
    void equalWeightsMeanOverTheSourcesWithAScore() {
        ProgramResult r = Scoring.program(exampleInput(), ScoringRules.DEFAULT);
        // s7: (7/2 + 3 + 4) / 3 = 7/2 (PENGGUNA answered only "tidak dapat menilai": left out)
        // s8: (3 + 3 + 4) / 3 = 10/3 (ATASAN only NA: left out)
        // s9: (4 + 5/2 + 3 + 7/2) / 4 = 13/4
        assertEquals(Map.of(7, Score.of(7, 2), 8, Score.of(10, 3), 9, Score.of(13, 4)), r.subcompetencyScores());
        // score(p,g) = (7/2 + 10/3 + 13/4) / 3 = 121/36 = 3,36 → Baik
        assertEquals(Optional.of(Score.of(121, 36)), r.score());
        assertEquals(new BigDecimal("3.36"), r.score().get().roundHalfUp(2));
        assertEquals("Baik", Bands.DEFAULT.lookup(r.score().get()).category());
        assertTrue(r.complete());
        assertTrue(r.hasResult());
        assertEquals(List.of(), r.missingSources());
    }

    @Test
    void aSourceWithOnlyTidakDapatMenilaiIsLeftOutOfTheWeightedMean() {
        Map<RaterSource, RaterInput> raters = submitted(
                form(1, tally(4, 4)), form(1, tally(null, null, null)), form(1, tally(2, 2)), form(1, tally(3)));
        ProgramResult r = Scoring.program(new ProgramInput("G", List.of(1), raters), ScoringRules.DEFAULT);
        // (4 + 2 + 3) / 3 = 3, not (4 + 0 + 2 + 3) / 4
        assertEquals(Score.of(3), r.subcompetencyScores().get(1));
    }

    @Test
    void weightsOfTheSources() {
        ProgramResult r = Scoring.program(exampleInput(),
                ScoringRules.DEFAULT.withWeights(ScoringRulesTest.weights(1, 2, 1, 1)));
        // s7: (7/2 + 2·3 + 4) / 4 = 27/8; s8: ATASAN undefined → 10/3; s9: (4 + 2·5/2 + 3 + 7/2) / 5 = 31/10
        assertEquals(Map.of(7, Score.of(27, 8), 8, Score.of(10, 3), 9, Score.of(31, 10)), r.subcompetencyScores());
        // (27/8 + 10/3 + 31/10) / 3 = 1177/360
        assertEquals(Optional.of(Score.of(1177, 360)), r.score());
    }

    @Test
    void aSourceWithWeightZeroIsLeftOutAndOnlyZeroWeightsLeaveItUndefined() {
        ProgramResult r = Scoring.program(exampleInput(),
                ScoringRules.DEFAULT.withWeights(ScoringRulesTest.weights(0, 1, 0, 0)));
        // only ATASAN counts: s7 = 3, s8 undefined (ATASAN only NA), s9 = 5/2
        assertEquals(Map.of(7, Score.of(3), 9, Score.of(5, 2)), r.subcompetencyScores());
        assertEquals(Optional.of(Score.of(11, 4)), r.score());
    }

    @Test
    void decimalWeights() {
        Map<RaterSource, RaterInput> raters = submitted(form(1, tally(4)), form(1, tally(1)), form(1, tally(2)), form(1, tally(3)));
        Map<RaterSource, BigDecimal> w = new EnumMap<>(RaterSource.class);
        w.put(RaterSource.DIRI, new BigDecimal("0.1"));
        w.put(RaterSource.ATASAN, new BigDecimal("0.4"));
        w.put(RaterSource.REKAN, new BigDecimal("0.25"));
        w.put(RaterSource.PENGGUNA, new BigDecimal("0.25"));
        ProgramResult r = Scoring.program(new ProgramInput("G", List.of(1), raters), ScoringRules.DEFAULT.withWeights(w));
        // 0.1·4 + 0.4·1 + 0.25·2 + 0.25·3 = 2.05 over a total weight of 1
        assertEquals(Score.of(new BigDecimal("2.05")), r.subcompetencyScores().get(1));
    }

    @Test
    void onlySubmittedFormsCount() {
        Map<RaterSource, RaterInput> raters = new EnumMap<>(example());
        raters.put(RaterSource.PENGGUNA, RaterInput.draft(form(7, tally(1, 1), 8, tally(1), 9, tally(1))));
        raters.remove(RaterSource.REKAN); // not started
        ProgramResult r = Scoring.program(new ProgramInput("G", List.of(7, 8, 9), raters), ScoringRules.DEFAULT);
        // s7: (7/2 + 3) / 2 = 13/4; s8: 3 (DIRI only); s9: (4 + 5/2) / 2 = 13/4
        assertEquals(Map.of(7, Score.of(13, 4), 8, Score.of(3), 9, Score.of(13, 4)), r.subcompetencyScores());
        assertEquals(Optional.of(Score.of(19, 6)), r.score());
        // §3.4: incomplete → no result, though the scores are there for progress views
        assertFalse(r.complete());
        assertFalse(r.hasResult());
        assertEquals(List.of(RaterSource.REKAN, RaterSource.PENGGUNA), r.missingSources());
    }

    @Test
    void scoreOfTheProgramIsTheMeanOverTheRatedSubcompetenciesWithAValue() {
        // 3 is rated but nobody answered it; 14 is answered but not rated (not in the battery at this level)
        Map<RaterSource, RaterInput> raters = submitted(
                form(1, tally(4), 14, tally(1)), form(1, tally(2), 3, tally((Integer) null)), form(1, tally(3)), form(1, tally(3)));
        ProgramResult r = Scoring.program(new ProgramInput("G", List.of(1, 3), raters), ScoringRules.DEFAULT);
        assertEquals(Map.of(1, Score.of(3)), r.subcompetencyScores());
        assertEquals(Optional.of(Score.of(3)), r.score());
    }

    @Test
    void completeButNothingDefinedIsNoResult() {
        Map<RaterSource, RaterInput> raters = submitted(
                form(1, tally((Integer) null)), form(1, tally((Integer) null)), form(), form());
        ProgramResult r = Scoring.program(new ProgramInput("G", List.of(1), raters), ScoringRules.DEFAULT);
        assertTrue(r.complete());
        assertTrue(r.score().isEmpty());
        assertFalse(r.hasResult());
        ParticipantResult p = Scoring.participant(List.of(r));
        assertFalse(p.hasConclusion());
        assertEquals(List.of(), p.programsWithResult());
    }

    @Test
    void participantCombinesTheProgramsWithAResult() {
        ProgramResult a = Scoring.program(exampleInput(), ScoringRules.DEFAULT); // 121/36; s7 7/2, s8 10/3, s9 13/4
        ProgramResult b = Scoring.program(new ProgramInput("B", List.of(8, 14), submitted(
                form(8, tally(3), 14, tally(2)), form(8, tally(3), 14, tally(2)),
                form(8, tally(3), 14, tally(2)), form(8, tally(3), 14, tally(2)))), ScoringRules.DEFAULT); // s8 3, s14 2
        Map<RaterSource, RaterInput> partial = new EnumMap<>(example());
        partial.remove(RaterSource.PENGGUNA);
        ProgramResult c = Scoring.program(new ProgramInput("C", List.of(7, 8, 9), partial), ScoringRules.DEFAULT);
        assertEquals(Optional.of(Score.of(5, 2)), b.score());
        assertFalse(c.hasResult());

        ParticipantResult p = Scoring.participant(List.of(a, c, b));
        assertEquals(List.of("COP-JKP-DIS-2025", "B"), p.programsWithResult());
        // score(p) = (121/36 + 5/2) / 2 = 211/72 = 2,93 → Berkinerja Tinggi
        assertEquals(Optional.of(Score.of(211, 72)), p.score());
        assertEquals("Berkinerja Tinggi", Bands.DEFAULT.lookup(p.score().get()).predicate());
        // score(p,s): s8 = (10/3 + 3) / 2 = 19/6; the others from the one program that defines them
        assertEquals(Map.of(7, Score.of(7, 2), 8, Score.of(19, 6), 9, Score.of(13, 4), 14, Score.of(2)), p.subcompetencyScores());
        assertTrue(p.hasConclusion());
    }

    @Test
    void noProgramWithAResultIsNoConclusion() {
        assertFalse(Scoring.participant(List.of()).hasConclusion());
        ProgramResult incomplete = new ProgramResult("G", false, Map.of(1, Score.of(3)), Optional.of(Score.of(3)));
        ParticipantResult p = Scoring.participant(List.of(incomplete));
        assertFalse(p.hasConclusion());
        assertEquals(Map.of(), p.subcompetencyScores());
        assertEquals(List.of(RaterSource.values()), incomplete.missingSources());
    }

    @Test
    void rejectsInconsistentInput() {
        assertThrows(IllegalArgumentException.class, () -> new ProgramInput("G", List.of(1, 1), Map.of()));
        ProgramResult a = Scoring.program(exampleInput(), ScoringRules.DEFAULT);
        assertThrows(IllegalArgumentException.class, () -> Scoring.participant(List.of(a, a)));
        assertThrows(IllegalArgumentException.class,
                () -> new ProgramResult("G", true, Map.of(), Optional.empty(), List.of(RaterSource.DIRI)));
    }
}
