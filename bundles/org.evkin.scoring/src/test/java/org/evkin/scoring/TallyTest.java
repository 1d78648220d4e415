package org.evkin.scoring;

import static org.evkin.scoring.Answers.tally;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** SPEC §3.1: score(p,g,r,s) is the mean of the numeric answers, "tidak dapat menilai" left out. */
class TallyTest {

    @Test
    void meanOfTheNumericAnswers() {
        assertEquals(new Tally(10, 3), tally(4, 3, 3));
        assertEquals(Optional.of(Score.of(10, 3)), Scoring.raterScore(tally(4, 3, 3)));
    }

    @Test
    void tidakDapatMenilaiIsLeftOut() {
        assertEquals(tally(4, 3), tally(4, null, 3, null));
        assertEquals(Optional.of(Score.of(7, 2)), tally(4, null, 3).mean());
    }

    @Test
    void onlyTidakDapatMenilaiIsUndefined() {
        assertEquals(Tally.EMPTY, tally(null, null));
        assertTrue(Scoring.raterScore(tally(null, null)).isEmpty());
        assertTrue(Tally.EMPTY.mean().isEmpty());
    }

    @Test
    void tallyPlusTally() {
        assertEquals(tally(1, 2, 3, 4), tally(1, 2).plus(tally(3, null, 4)));
    }

    @Test
    void rejectsValuesOutsideTheScale() {
        assertThrows(IllegalArgumentException.class, () -> Tally.EMPTY.plus(0));
        assertThrows(IllegalArgumentException.class, () -> Tally.EMPTY.plus(5));
        assertThrows(IllegalArgumentException.class, () -> new Tally(9, 2));
        assertThrows(IllegalArgumentException.class, () -> new Tally(1, 2));
        assertThrows(IllegalArgumentException.class, () -> new Tally(0, -1));
    }
}
