package org.evkin.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Indonesia's 38 provinces and the ways of writing them. */
class ProvincesTest {

    static List<String> officialNames() {
        return Provinces.officialNames();
    }

    @Test
    void thereAre38DistinctProvincesIncludingTheNewPapuanOnes() {
        List<String> names = Provinces.officialNames();
        assertEquals(38, names.size());
        assertEquals(38, new HashSet<>(names).size());
        assertTrue(names.containsAll(List.of("Papua", "Papua Barat", "Papua Selatan", "Papua Tengah",
                "Papua Pegunungan", "Papua Barat Daya", "Kalimantan Utara", "Sulawesi Barat")));
        assertTrue(names.contains(Provinces.JAKARTA));
        assertTrue(names.contains(Provinces.YOGYAKARTA));
    }

    @ParameterizedTest
    @MethodSource("officialNames")
    void everyOfficialNameRoundTrips(String name) {
        assertEquals(Optional.of(name), Provinces.normalize(name));
        assertEquals(Optional.of(name), Provinces.normalize(name.toUpperCase(Locale.ROOT)));
        assertEquals(Optional.of(name), Provinces.normalize(name.toLowerCase(Locale.ROOT)));
        assertEquals(Optional.of(name), Provinces.normalize("  " + name.replace(" ", "   ") + " "));
        assertEquals(Optional.of(name), Provinces.normalize("Provinsi " + name));
        assertEquals(Optional.of(name), Provinces.normalize("PROV. " + name));
        assertTrue(Provinces.isOfficial(name));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "DIY|Daerah Istimewa Yogyakarta", "D.I. Yogyakarta|Daerah Istimewa Yogyakarta",
        "D.I.Y.|Daerah Istimewa Yogyakarta", "DI Yogyakarta|Daerah Istimewa Yogyakarta",
        "Jogja|Daerah Istimewa Yogyakarta", "Yogyakarta|Daerah Istimewa Yogyakarta",
        "Jogjakarta|Daerah Istimewa Yogyakarta", "Provinsi DIY|Daerah Istimewa Yogyakarta",
        "Jakarta|Daerah Khusus Ibukota Jakarta", "DKI|Daerah Khusus Ibukota Jakarta",
        "DKI Jakarta|Daerah Khusus Ibukota Jakarta", "D.K.I. Jakarta|Daerah Khusus Ibukota Jakarta",
        "Daerah Khusus Jakarta|Daerah Khusus Ibukota Jakarta", "DKJ|Daerah Khusus Ibukota Jakarta",
        "Daerah Khusus Ibu Kota Jakarta|Daerah Khusus Ibukota Jakarta",
        "Jabar|Jawa Barat", "Jateng|Jawa Tengah", "Jatim|Jawa Timur",
        "Sumut|Sumatera Utara", "Sumatra Utara|Sumatera Utara", "Sumbar|Sumatera Barat",
        "Sumsel|Sumatera Selatan", "Sulsel|Sulawesi Selatan", "Sulut|Sulawesi Utara", "Sulteng|Sulawesi Tengah",
        "Sultra|Sulawesi Tenggara", "Sulbar|Sulawesi Barat", "NTB|Nusa Tenggara Barat", "NTT|Nusa Tenggara Timur",
        "Kalbar|Kalimantan Barat", "Kalteng|Kalimantan Tengah", "Kalsel|Kalimantan Selatan",
        "Kaltim|Kalimantan Timur", "Kaltara|Kalimantan Utara", "Babel|Kepulauan Bangka Belitung",
        "Bangka Belitung|Kepulauan Bangka Belitung", "Kep. Bangka Belitung|Kepulauan Bangka Belitung",
        "Kepri|Kepulauan Riau", "Kep. Riau|Kepulauan Riau", "NAD|Aceh", "Nanggroe Aceh Darussalam|Aceh",
        "Malut|Maluku Utara", "Pabar|Papua Barat", "PBD|Papua Barat Daya", "jawa-tengah|Jawa Tengah",
        "Prov. Jawa Timur|Jawa Timur", "provinsi  kalimantan   timur|Kalimantan Timur"})
    void recognisesCommonVariants(String written, String official) {
        assertEquals(Optional.of(official), Provinces.normalize(written));
        assertFalse(Provinces.isOfficial(written.equals(official) ? "x" : written));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "Jawa", "Sumatera", "Kalimantan", "Sulawesi", "Nusa Tenggara", "Irian Jaya Tengah",
        "Wonogiri", "Provinsi", "Papua Utara", "Timor Timur"})
    void rejectsWhatIsNotAProvince(String written) {
        assertEquals(Optional.empty(), Provinces.normalize(written));
    }

    @Test
    void nullIsNotAProvince() {
        assertEquals(Optional.empty(), Provinces.normalize(null));
        assertFalse(Provinces.isOfficial(null));
    }

    @Test
    void papuaAndItsNeighboursStayApart() {
        assertEquals(Optional.of("Papua"), Provinces.normalize("papua"));
        assertEquals(Optional.of("Papua Barat"), Provinces.normalize("papua barat"));
        assertEquals(Optional.of("Papua Barat Daya"), Provinces.normalize("papua barat daya"));
        assertEquals(Optional.of("Riau"), Provinces.normalize("riau"));
        assertEquals(Optional.of("Kepulauan Riau"), Provinces.normalize("kepulauan riau"));
    }
}
