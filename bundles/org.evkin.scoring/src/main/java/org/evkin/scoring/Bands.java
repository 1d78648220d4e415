package org.evkin.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** Ordered bands (highest min first); the lowest must start at or below 1.00. */
public final class Bands {

    private static final BigDecimal LOWEST_SCORE = new BigDecimal("1.00");

    /** The five equal intervals over 1–4 of SPEC §3.6. */
    public static final Bands DEFAULT = of(List.of(
            new Band(new BigDecimal("3.41"), "Sangat Baik", "Berkinerja Sangat Tinggi"),
            new Band(new BigDecimal("2.81"), "Baik", "Berkinerja Tinggi"),
            new Band(new BigDecimal("2.21"), "Cukup", "Berkinerja Sedang"),
            new Band(new BigDecimal("1.61"), "Kurang", "Berkinerja Rendah"),
            new Band(new BigDecimal("1.00"), "Sangat Kurang", "Berkinerja Sangat Rendah")));

    private final List<Band> bands;

    private Bands(List<Band> bands) {
        this.bands = bands;
    }

    /**
     * Validates and orders the bands: at least one, every min given and distinct (3.4 and 3.40 are the same), the
     * lowest at or below 1.00, category and predikat not blank. Throws IllegalArgumentException naming the band
     * (by its position in the given list, from 1) and what is wrong.
     */
    public static Bands of(List<Band> bands) {
        if (bands == null || bands.isEmpty()) {
            throw new IllegalArgumentException("bands: at least one band is needed");
        }
        for (int i = 0; i < bands.size(); i++) {
            Band b = bands.get(i);
            String where = "band " + (i + 1);
            if (b == null) {
                throw new IllegalArgumentException(where + " is missing (null)");
            }
            if (b.min() == null) {
                throw new IllegalArgumentException(where + ": min is missing");
            }
            if (b.category() == null || b.category().isBlank()) {
                throw new IllegalArgumentException(where + " (min " + b.min().toPlainString() + "): category is blank");
            }
            if (b.predicate() == null || b.predicate().isBlank()) {
                throw new IllegalArgumentException(where + " (min " + b.min().toPlainString() + "): predicate is blank");
            }
            for (int j = 0; j < i; j++) {
                if (bands.get(j).min().compareTo(b.min()) == 0) {
                    throw new IllegalArgumentException(where + ": min " + b.min().toPlainString()
                            + " is also the min of band " + (j + 1) + "; every band needs its own min");
                }
            }
        }
        List<Band> sorted = new ArrayList<>(bands);
        sorted.sort(Comparator.comparing(Band::min).reversed());
        BigDecimal lowest = sorted.get(sorted.size() - 1).min();
        if (lowest.compareTo(LOWEST_SCORE) > 0) {
            throw new IllegalArgumentException("bands: the lowest min is " + lowest.toPlainString()
                    + "; it must be at most 1.00 so that every score from 1 to 4 has a band");
        }
        return new Bands(List.copyOf(sorted));
    }

    /** The bands, highest min first. */
    public List<Band> list() {
        return bands;
    }

    /** The band of a score: round half-up to 2 decimals, then the band with the greatest min ≤ that; below every min → the lowest band. */
    public Band lookup(Score score) {
        BigDecimal rounded = score.roundHalfUp(2);
        for (Band b : bands) {
            if (b.min().compareTo(rounded) <= 0) {
                return b;
            }
        }
        return bands.get(bands.size() - 1);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bands other && bands.equals(other.bands);
    }

    @Override
    public int hashCode() {
        return Objects.hash(bands);
    }

    @Override
    public String toString() {
        return "Bands" + bands;
    }
}
