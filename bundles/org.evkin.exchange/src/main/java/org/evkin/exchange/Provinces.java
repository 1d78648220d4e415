package org.evkin.exchange;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Indonesia's 38 provinces (as of 2025) under their official names, and the common ways of writing them.
 *
 * <p>Jakarta: the official form used is "Daerah Khusus Ibukota Jakarta" (abbreviated DKI Jakarta, as in the 2025
 * report's Tabel 3.7). Law 2/2024 renames it "Daerah Khusus Jakarta" once the presidential decree moving the capital
 * is issued; that form and "DKJ" are accepted as variants and stored under the official form above.
 */
public final class Provinces {

    /** The official name of the capital's province stored by EvKin. */
    public static final String JAKARTA = "Daerah Khusus Ibukota Jakarta";
    /** The official name of the special region of Yogyakarta. */
    public static final String YOGYAKARTA = "Daerah Istimewa Yogyakarta";

    private static final List<String> OFFICIAL = List.of(
            "Aceh", "Sumatera Utara", "Sumatera Barat", "Riau", "Jambi", "Sumatera Selatan", "Bengkulu", "Lampung",
            "Kepulauan Bangka Belitung", "Kepulauan Riau",
            JAKARTA, "Jawa Barat", "Jawa Tengah", YOGYAKARTA, "Jawa Timur", "Banten",
            "Bali", "Nusa Tenggara Barat", "Nusa Tenggara Timur",
            "Kalimantan Barat", "Kalimantan Tengah", "Kalimantan Selatan", "Kalimantan Timur", "Kalimantan Utara",
            "Sulawesi Utara", "Sulawesi Tengah", "Sulawesi Selatan", "Sulawesi Tenggara", "Gorontalo", "Sulawesi Barat",
            "Maluku", "Maluku Utara",
            "Papua", "Papua Barat", "Papua Selatan", "Papua Tengah", "Papua Pegunungan", "Papua Barat Daya");

    private static final Map<String, String> BY_KEY = new HashMap<>();

    static {
        for (String name : OFFICIAL) {
            add(name, name);
            if (name.startsWith("Sumatera ")) {
                add("Sumatra " + name.substring("Sumatera ".length()), name);
            }
        }
        variants("Aceh", "NAD", "Nanggroe Aceh Darussalam", "Daerah Istimewa Aceh", "DI Aceh");
        variants("Sumatera Utara", "Sumut");
        variants("Sumatera Barat", "Sumbar");
        variants("Sumatera Selatan", "Sumsel");
        variants("Kepulauan Bangka Belitung", "Bangka Belitung", "Babel", "Kep Bangka Belitung", "Kep Babel",
                "Kepulauan Babel");
        variants("Kepulauan Riau", "Kepri", "Kep Riau");
        variants(JAKARTA, "Jakarta", "DKI", "DKI Jakarta", "Daerah Khusus Ibu Kota Jakarta", "Daerah Khusus Jakarta",
                "DKJ", "DK Jakarta");
        variants("Jawa Barat", "Jabar");
        variants("Jawa Tengah", "Jateng");
        variants(YOGYAKARTA, "DIY", "DI Yogyakarta", "Yogyakarta", "Yogya", "Jogja", "Jogjakarta", "DI Jogjakarta",
                "Daerah Istimewa Jogjakarta", "DI Jogja");
        variants("Jawa Timur", "Jatim");
        variants("Nusa Tenggara Barat", "NTB");
        variants("Nusa Tenggara Timur", "NTT");
        variants("Kalimantan Barat", "Kalbar");
        variants("Kalimantan Tengah", "Kalteng");
        variants("Kalimantan Selatan", "Kalsel");
        variants("Kalimantan Timur", "Kaltim");
        variants("Kalimantan Utara", "Kaltara");
        variants("Sulawesi Utara", "Sulut");
        variants("Sulawesi Tengah", "Sulteng");
        variants("Sulawesi Selatan", "Sulsel");
        variants("Sulawesi Tenggara", "Sultra");
        variants("Sulawesi Barat", "Sulbar");
        variants("Maluku Utara", "Malut");
        variants("Papua Barat", "Pabar");
        variants("Papua Barat Daya", "PBD");
    }

    private Provinces() {
    }

    /** The 38 official names, west to east in the order of the Ministry of Home Affairs' region codes. */
    public static List<String> officialNames() {
        return OFFICIAL;
    }

    /**
     * The official name of the province written this way, or empty when it is not one: case, spaces, dots,
     * hyphens and a leading "Provinsi"/"Prov." are ignored, and common variants (DIY, Jogja, Jakarta, DKI, Jabar,
     * Sulsel, NTB, …) are recognised.
     */
    public static Optional<String> normalize(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(BY_KEY.get(key(text)));
    }

    /** Whether this is exactly one of the official names. */
    public static boolean isOfficial(String name) {
        return name != null && OFFICIAL.contains(name);
    }

    private static void variants(String official, String... variants) {
        if (!OFFICIAL.contains(official)) {
            throw new IllegalStateException(official);
        }
        for (String v : variants) {
            add(v, official);
        }
    }

    private static void add(String variant, String official) {
        String previous = BY_KEY.put(key(variant), official);
        if (previous != null && !previous.equals(official)) {
            throw new IllegalStateException("ambiguous province variant " + variant);
        }
    }

    /** Lower case letters and digits only, with a leading "provinsi"/"prov" dropped. */
    private static String key(String text) {
        String t = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        t = t.replaceAll("[^\\p{L}\\p{Nd}]+", " ").strip();
        if (t.startsWith("provinsi ")) {
            t = t.substring("provinsi ".length());
        } else if (t.startsWith("prov ")) {
            t = t.substring("prov ".length());
        }
        return t.replace(" ", "");
    }
}
