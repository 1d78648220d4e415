package org.evkin.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SPEC §3.7: the Part-1 activity profile, with the 2025 report's Gambar 2.3 and hand-computed fractional cases. */
class ActivityProfileTest {

    static final List<String> LEVELS = List.of("AHLI_PERTAMA", "AHLI_MUDA", "AHLI_MADYA", "AHLI_UTAMA");
    static final BigDecimal T = new BigDecimal("0.75");

    static Map<String, Integer> ticks(int ap, int amu, int ama, int au) {
        return Map.of("AHLI_PERTAMA", ap, "AHLI_MUDA", amu, "AHLI_MADYA", ama, "AHLI_UTAMA", au);
    }

    @Test
    void gambar23OfThe2025Report() {
        // three forms whose means are 8, 6, 7, 3 of a total of 24
        ActivityProfile p = ActivityProfile.of(LEVELS, "AHLI_PERTAMA",
                List.of(ticks(9, 6, 7, 3), ticks(8, 5, 7, 3), ticks(7, 7, 7, 3)), 3, T);
        assertEquals(Map.of("AHLI_PERTAMA", 8, "AHLI_MUDA", 6, "AHLI_MADYA", 7, "AHLI_UTAMA", 3), p.roundedCounts());
        assertEquals(Score.of(24), p.total());
        // 8/24 = 33,3 %, 6/24 = 25 %, 7/24 = 29,2 %, 3/24 = 12,5 % → 13 %
        assertEquals(List.of(33, 25, 29, 13), List.copyOf(p.percentages().values()));
        assertEquals(LEVELS, List.copyOf(p.percentages().keySet()));
        assertFalse(p.ideal()); // kurang ideal: 8/24 < 75 %
        assertEquals(Score.of(1, 3), p.ownShare());
        assertTrue(p.shown());
    }

    @Test
    void exactly75PercentIsIdeal() {
        ActivityProfile p = ActivityProfile.of(LEVELS, "AHLI_MUDA", List.of(ticks(1, 6, 1, 0)), 1, T);
        assertEquals(75, p.percentages().get("AHLI_MUDA"));
        assertTrue(p.ideal());
    }

    @Test
    void idealIsDecidedBeforeRounding() {
        // 2999 of 4000 = 74,975 % shows as 75 % but is below the threshold
        ActivityProfile p = ActivityProfile.of(LEVELS, "AHLI_PERTAMA", List.of(ticks(2999, 1001, 0, 0)), 1, T);
        assertEquals(75, p.percentages().get("AHLI_PERTAMA"));
        assertFalse(p.ideal());
        // the threshold is configuration
        assertTrue(ActivityProfile.of(LEVELS, "AHLI_PERTAMA", List.of(ticks(2999, 1001, 0, 0)), 1, new BigDecimal("0.7")).ideal());
    }

    @Test
    void fractionalCountsOverThreeForms() {
        // means: AP (2+3+2)/3 = 7/3, AMU (1+2+2)/3 = 5/3, AMA (0+0+1)/3 = 1/3, AU 0; total 13/3
        ActivityProfile p = ActivityProfile.of(LEVELS, "AHLI_PERTAMA",
                List.of(ticks(2, 1, 0, 0), ticks(3, 2, 0, 0), ticks(2, 2, 1, 0)), 3, T);
        assertEquals(Score.of(7, 3), p.counts().get("AHLI_PERTAMA"));
        assertEquals(Score.of(13, 3), p.total());
        assertEquals(List.of(2, 2, 0, 0), List.copyOf(p.roundedCounts().values()));
        // from the unrounded counts: 7/13 = 53,8 %, 5/13 = 38,5 %, 1/13 = 7,7 % (from the rounded ones it would be 50, 50, 0)
        assertEquals(List.of(54, 38, 8, 0), List.copyOf(p.percentages().values()));
        assertFalse(p.ideal());
    }

    @Test
    void halfCountsRoundUp() {
        // AP (2+3)/2 = 5/2 → 3, AMU (0+1)/2 = 1/2 → 1; 5/3 of the total = 83,3 % → ideal
        ActivityProfile p = ActivityProfile.of(LEVELS, "AHLI_PERTAMA", List.of(ticks(2, 0, 0, 0), ticks(3, 1, 0, 0)), 3, T);
        assertEquals(List.of(3, 1, 0, 0), List.copyOf(p.roundedCounts().values()));
        assertEquals(List.of(83, 17, 0, 0), List.copyOf(p.percentages().values()));
        assertTrue(p.ideal());
        assertFalse(p.shown()); // two of three Part-1 forms submitted
    }

    @Test
    void nothingTickedIsZeroAndNotIdeal() {
        ActivityProfile p = ActivityProfile.of(LEVELS, "AHLI_UTAMA", List.of(Map.of(), ticks(0, 0, 0, 0), Map.of()), 3, T);
        assertEquals(Score.ZERO, p.total());
        assertEquals(List.of(0, 0, 0, 0), List.copyOf(p.percentages().values()));
        assertFalse(p.ideal());
        assertTrue(p.shown());
        ActivityProfile none = ActivityProfile.of(LEVELS, "AHLI_UTAMA", List.of(), 3, T);
        assertEquals(Score.ZERO, none.total());
        assertFalse(none.shown());
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> ActivityProfile.of(LEVELS, "PAK", List.of(), 3, T));
        assertThrows(IllegalArgumentException.class, () -> ActivityProfile.of(List.of(), "X", List.of(), 3, T));
        assertThrows(IllegalArgumentException.class,
                () -> ActivityProfile.of(LEVELS, "AHLI_MUDA", List.of(Map.of("AHLI_MUDAA", 1)), 3, T));
        assertThrows(IllegalArgumentException.class,
                () -> ActivityProfile.of(LEVELS, "AHLI_MUDA", List.of(Map.of("AHLI_MUDA", -1)), 3, T));
        assertThrows(IllegalArgumentException.class,
                () -> ActivityProfile.of(LEVELS, "AHLI_MUDA", List.of(), 3, BigDecimal.ZERO));
    }
}
