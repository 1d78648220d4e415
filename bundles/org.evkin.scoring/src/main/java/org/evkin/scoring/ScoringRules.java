package org.evkin.scoring;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/** The scoring configuration: bands, source weights and the ideal-activity threshold. */
public record ScoringRules(Bands bands, Map<RaterSource, BigDecimal> weights, BigDecimal idealThreshold) {

    /** The threshold of the kondisi kerja ideal in SPEC §3.7: 75 %. */
    public static final BigDecimal DEFAULT_IDEAL_THRESHOLD = new BigDecimal("0.75");

    /** Bands.DEFAULT, every weight 1, threshold 0.75. */
    public static final ScoringRules DEFAULT = new ScoringRules(Bands.DEFAULT, equalWeights(), DEFAULT_IDEAL_THRESHOLD);

    /** Validates: every source has a weight ≥ 0 and at least one is > 0; the threshold lies in (0, 1]. */
    public ScoringRules {
        Objects.requireNonNull(bands, "bands");
        if (weights == null) {
            throw new IllegalArgumentException("weights are missing");
        }
        EnumMap<RaterSource, BigDecimal> copy = new EnumMap<>(RaterSource.class);
        boolean anyPositive = false;
        for (RaterSource source : RaterSource.values()) {
            BigDecimal w = weights.get(source);
            if (w == null) {
                throw new IllegalArgumentException("weights: " + source + " has no weight; all four sources need one");
            }
            if (w.signum() < 0) {
                throw new IllegalArgumentException("weights: " + source + " is " + w.toPlainString() + "; a weight cannot be negative");
            }
            anyPositive |= w.signum() > 0;
            copy.put(source, w);
        }
        if (!anyPositive) {
            throw new IllegalArgumentException("weights: every weight is 0; at least one must be greater than 0");
        }
        if (idealThreshold == null) {
            throw new IllegalArgumentException("idealThreshold is missing");
        }
        if (idealThreshold.signum() <= 0 || idealThreshold.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("idealThreshold is " + idealThreshold.toPlainString()
                    + "; it must be greater than 0 and at most 1");
        }
        weights = Collections.unmodifiableMap(copy);
    }

    /** Weight 1 for each of the four sources (the report's "rata-rata dari empat pihak penilai"). */
    public static Map<RaterSource, BigDecimal> equalWeights() {
        EnumMap<RaterSource, BigDecimal> w = new EnumMap<>(RaterSource.class);
        for (RaterSource source : RaterSource.values()) {
            w.put(source, BigDecimal.ONE);
        }
        return Collections.unmodifiableMap(w);
    }

    /** The weight of one source. */
    public BigDecimal weight(RaterSource source) {
        return weights.get(source);
    }

    public ScoringRules withBands(Bands b) {
        return new ScoringRules(b, weights, idealThreshold);
    }

    public ScoringRules withWeights(Map<RaterSource, BigDecimal> w) {
        return new ScoringRules(bands, w, idealThreshold);
    }

    public ScoringRules withIdealThreshold(BigDecimal t) {
        return new ScoringRules(bands, weights, t);
    }
}
