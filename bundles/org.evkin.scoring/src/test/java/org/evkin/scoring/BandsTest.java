package org.evkin.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SPEC §3.6: category lookup on the score rounded half-up to 2 decimals, at every boundary of the default bands. */
class BandsTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "4.00, Sangat Baik, Berkinerja Sangat Tinggi",
        "3.41, Sangat Baik, Berkinerja Sangat Tinggi",
        "3.405, Sangat Baik, Berkinerja Sangat Tinggi",
        "3.404999, Baik, Berkinerja Tinggi",
        "3.40, Baik, Berkinerja Tinggi",
        "2.81, Baik, Berkinerja Tinggi",
        "2.80, Cukup, Berkinerja Sedang",
        "2.805, Baik, Berkinerja Tinggi",
        "2.21, Cukup, Berkinerja Sedang",
        "2.20, Kurang, Berkinerja Rendah",
        "2.2049, Kurang, Berkinerja Rendah",
        "1.61, Kurang, Berkinerja Rendah",
        "1.60, Sangat Kurang, Berkinerja Sangat Rendah",
        "1.605, Kurang, Berkinerja Rendah",
        "1.00, Sangat Kurang, Berkinerja Sangat Rendah",
        "0.50, Sangat Kurang, Berkinerja Sangat Rendah",
    })
    void defaultBandBoundaries(String score, String category, String predicate) {
        Band band = Bands.DEFAULT.lookup(Score.of(new BigDecimal(score)));
        assertEquals(category, band.category());
        assertEquals(predicate, band.predicate());
    }

    @Test
    void exactFractionsNotDecimals() {
        // 3404999/1000000 rounds to 3.40 (Baik); 681/200 = 3.405 rounds to 3.41 (Sangat Baik)
        assertEquals("Baik", Bands.DEFAULT.lookup(Score.of(3404999, 1000000)).category());
        assertEquals("Sangat Baik", Bands.DEFAULT.lookup(Score.of(681, 200)).category());
        // 121/36 = 3.3611… → Baik; 17/5 = 3.40 → Baik; 341/100 → Sangat Baik
        assertEquals("Baik", Bands.DEFAULT.lookup(Score.of(121, 36)).category());
        assertEquals("Baik", Bands.DEFAULT.lookup(Score.of(17, 5)).category());
        assertEquals("Sangat Baik", Bands.DEFAULT.lookup(Score.of(341, 100)).category());
    }

    @Test
    void defaultHasFiveBandsHighestFirst() {
        assertEquals(List.of("3.41", "2.81", "2.21", "1.61", "1.00"),
                Bands.DEFAULT.list().stream().map(b -> b.min().toPlainString()).toList());
    }

    @Test
    void ofSortsHighestFirst() {
        Bands b = Bands.of(List.of(band("1.00", "Rendah"), band("3.00", "Tinggi"), band("2.00", "Sedang")));
        assertEquals(List.of("Tinggi", "Sedang", "Rendah"), b.list().stream().map(Band::category).toList());
        assertEquals("Sedang", b.lookup(Score.of(2)).category());
        assertEquals("Sedang", b.lookup(Score.of(2994, 1000)).category());
        assertEquals("Tinggi", b.lookup(Score.of(2995, 1000)).category()); // rounds to 3.00
        assertEquals(b, Bands.of(b.list()));
    }

    @Test
    void ofNamesWhatIsWrong() {
        assertMessage("bands: at least one band is needed", List.of());
        assertMessage("band 2: min 3.40 is also the min of band 1; every band needs its own min",
                List.of(band("3.4", "A"), band("3.40", "B"), band("1", "C")));
        assertMessage("bands: the lowest min is 1.01; it must be at most 1.00 so that every score from 1 to 4 has a band",
                List.of(band("3.00", "A"), band("1.01", "B")));
        assertMessage("band 1 (min 1.00): category is blank", List.of(new Band(new BigDecimal("1.00"), " ", "P")));
        assertMessage("band 1 (min 1.00): predicate is blank", List.of(new Band(new BigDecimal("1.00"), "C", "")));
        assertMessage("band 1: min is missing", List.of(new Band(null, "C", "P")));
    }

    private static Band band(String min, String category) {
        return new Band(new BigDecimal(min), category, "Berkinerja " + category);
    }

    private static void assertMessage(String message, List<Band> bands) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> Bands.of(bands)).getMessage());
    }
}
