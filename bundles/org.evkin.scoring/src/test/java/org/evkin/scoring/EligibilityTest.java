package org.evkin.scoring;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** SPEC §3.8: a training score below 70,01 (configurable) is not eligible. */
class EligibilityTest {

    @Test
    void defaultMinimumIs7001() {
        assertFalse(Eligibility.eligible(new BigDecimal("70.00"), Eligibility.DEFAULT_MINIMUM));
        assertFalse(Eligibility.eligible(new BigDecimal("70.009")));
        assertTrue(Eligibility.eligible(new BigDecimal("70.01"), Eligibility.DEFAULT_MINIMUM));
        assertTrue(Eligibility.eligible(new BigDecimal("70.010")));
        assertTrue(Eligibility.eligible(new BigDecimal("100")));
        assertFalse(Eligibility.eligible(BigDecimal.ZERO));
    }

    @Test
    void minimumIsConfigurable() {
        assertTrue(Eligibility.eligible(new BigDecimal("60"), new BigDecimal("60.00")));
        assertFalse(Eligibility.eligible(new BigDecimal("75.5"), new BigDecimal("80")));
    }
}
