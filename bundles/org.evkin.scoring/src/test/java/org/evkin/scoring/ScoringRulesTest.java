package org.evkin.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The configuration of SPEC §3: defaults, and what the compact constructor rejects. */
class ScoringRulesTest {

    @Test
    void defaults() {
        ScoringRules rules = ScoringRules.DEFAULT;
        assertEquals(Bands.DEFAULT, rules.bands());
        for (RaterSource r : RaterSource.values()) {
            assertEquals(BigDecimal.ONE, rules.weight(r));
        }
        assertEquals(new BigDecimal("0.75"), rules.idealThreshold());
    }

    @Test
    void withersReplaceOnePart() {
        ScoringRules rules = ScoringRules.DEFAULT.withWeights(weights(1, 2, 1, 1)).withIdealThreshold(BigDecimal.ONE);
        assertEquals(new BigDecimal("2"), rules.weight(RaterSource.ATASAN));
        assertEquals(BigDecimal.ONE, rules.idealThreshold());
        assertEquals(Bands.DEFAULT, rules.withBands(Bands.DEFAULT).bands());
    }

    @Test
    void rejectsBadWeights() {
        Map<RaterSource, BigDecimal> three = new EnumMap<>(weights(1, 1, 1, 1));
        three.remove(RaterSource.PENGGUNA);
        assertMessage("weights: PENGGUNA has no weight; all four sources need one", () -> ScoringRules.DEFAULT.withWeights(three));
        assertMessage("weights: REKAN is -1; a weight cannot be negative", () -> ScoringRules.DEFAULT.withWeights(weights(1, 1, -1, 1)));
        assertMessage("weights: every weight is 0; at least one must be greater than 0",
                () -> ScoringRules.DEFAULT.withWeights(weights(0, 0, 0, 0)));
        ScoringRules.DEFAULT.withWeights(weights(0, 1, 0, 0)); // one positive weight is enough
    }

    @Test
    void rejectsThresholdsOutsideZeroToOne() {
        assertMessage("idealThreshold is 0; it must be greater than 0 and at most 1",
                () -> ScoringRules.DEFAULT.withIdealThreshold(BigDecimal.ZERO));
        assertMessage("idealThreshold is 1.01; it must be greater than 0 and at most 1",
                () -> ScoringRules.DEFAULT.withIdealThreshold(new BigDecimal("1.01")));
        assertMessage("idealThreshold is missing", () -> ScoringRules.DEFAULT.withIdealThreshold(null));
    }

    static Map<RaterSource, BigDecimal> weights(long diri, long atasan, long rekan, long pengguna) {
        Map<RaterSource, BigDecimal> w = new EnumMap<>(RaterSource.class);
        w.put(RaterSource.DIRI, BigDecimal.valueOf(diri));
        w.put(RaterSource.ATASAN, BigDecimal.valueOf(atasan));
        w.put(RaterSource.REKAN, BigDecimal.valueOf(rekan));
        w.put(RaterSource.PENGGUNA, BigDecimal.valueOf(pengguna));
        return w;
    }

    private static void assertMessage(String message, Runnable r) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, r::run).getMessage());
    }
}
