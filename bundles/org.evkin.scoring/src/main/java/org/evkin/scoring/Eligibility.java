package org.evkin.scoring;

import java.math.BigDecimal;
import java.util.Objects;

/** Eligibility by training score (SPEC §3.8). */
public final class Eligibility {

    /** The default minimum nilai_pelatihan: 70.01. */
    public static final BigDecimal DEFAULT_MINIMUM = new BigDecimal("70.01");

    private Eligibility() {
    }

    /** True when the training score is at least the minimum (70.00 < 70.01 is not eligible; 70.010 is). */
    public static boolean eligible(BigDecimal trainingScore, BigDecimal minimum) {
        Objects.requireNonNull(trainingScore, "trainingScore");
        Objects.requireNonNull(minimum, "minimum");
        return trainingScore.compareTo(minimum) >= 0;
    }

    /** {@link #eligible(BigDecimal, BigDecimal)} with {@link #DEFAULT_MINIMUM}. */
    public static boolean eligible(BigDecimal trainingScore) {
        return eligible(trainingScore, DEFAULT_MINIMUM);
    }
}
