package org.evkin.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Exact rational arithmetic and the rounding of SPEC §3.6 and §3.9, with hand-computed values. */
class ScoreTest {

    @Test
    void isAlwaysNormalized() {
        Score s = Score.of(6, -4);
        assertEquals(BigInteger.valueOf(-3), s.numerator());
        assertEquals(BigInteger.valueOf(2), s.denominator());
        assertEquals("-3/2", s.toString());
        assertEquals(Score.of(0, 7), Score.ZERO);
        assertEquals(BigInteger.ONE, Score.ZERO.denominator());
        assertEquals("3/1", Score.of(3).toString());
        assertEquals(Score.of(1, 3).hashCode(), Score.of(2, 6).hashCode());
    }

    @Test
    void rejectsAZeroDenominator() {
        assertThrows(IllegalArgumentException.class, () -> Score.of(1, 0));
        assertThrows(ArithmeticException.class, () -> Score.ONE.dividedBy(Score.ZERO));
    }

    @Test
    void readsDecimalsExactly() {
        assertEquals(Score.of(681, 200), Score.of(new BigDecimal("3.405")));
        assertEquals("681/200", Score.of(new BigDecimal("3.4050")).toString());
        assertEquals(Score.of(1200), Score.of(new BigDecimal("1.2E+3")));
        assertEquals(Score.of(-1, 4), Score.of(new BigDecimal("-0.25")));
    }

    @Test
    void arithmetic() {
        assertEquals(Score.of(5, 6), Score.of(1, 2).plus(Score.of(1, 3)));
        assertEquals(Score.of(1, 6), Score.of(1, 2).minus(Score.of(1, 3)));
        assertEquals(Score.of(1, 6), Score.of(1, 2).times(Score.of(1, 3)));
        assertEquals(Score.of(3, 2), Score.of(1, 2).dividedBy(Score.of(1, 3)));
        assertTrue(Score.of(1, 3).compareTo(Score.of(333, 1000)) > 0);
        assertEquals(0, Score.of(2, 4).compareTo(Score.of(1, 2)));
    }

    @Test
    void meanOfScores() {
        // (7/2 + 10/3 + 13/4) / 3 = 121/36
        assertEquals(Score.of(121, 36), Score.mean(List.of(Score.of(7, 2), Score.of(10, 3), Score.of(13, 4))));
        assertThrows(IllegalArgumentException.class, () -> Score.mean(List.of()));
    }

    @Test
    void roundsHalfUpFromTheExactValue() {
        // §3.6: 3,405 is 3,405 and not 3,40499…
        assertEquals(new BigDecimal("3.41"), Score.of(new BigDecimal("3.405")).roundHalfUp(2));
        assertEquals(new BigDecimal("3.40"), Score.of(3404999, 1000000).roundHalfUp(2));
        // §3.9: displayed means to 2 decimals, 121/36 = 3.3611…
        assertEquals(new BigDecimal("3.36"), Score.of(121, 36).roundHalfUp(2));
        assertEquals(new BigDecimal("3.22"), Score.of(2, 1).plus(Score.of(122, 100)).roundHalfUp(2));
        assertEquals(new BigDecimal("0.67"), Score.of(2, 3).roundHalfUp(2));
    }

    @Test
    void roundsToWholeNumbersHalfUp() {
        assertEquals(3, Score.of(5, 2).roundWhole());
        assertEquals(2, Score.of(249, 100).roundWhole());
        assertEquals(13, Score.of(25, 2).roundWhole()); // 3/24 = 12.5 % → 13 %
        assertEquals(33, Score.of(100, 3).roundWhole());
        assertEquals(0, Score.ZERO.roundWhole());
    }

    @Test
    void theLongFastPathAndTheBigIntegerPathAgreeAcrossTheirBoundary() {
        long[] values = {1, 2, 3, 7, 12, (1L << 30) - 3, (1L << 31) - 1, 1L << 31, (1L << 31) + 11, (1L << 40) + 1};
        for (long a : values) {
            for (long b : values) {
                Score x = Score.of(a, b);
                Score y = Score.of(b + 1, a);
                java.math.BigInteger xn = java.math.BigInteger.valueOf(a), xd = java.math.BigInteger.valueOf(b);
                java.math.BigInteger yn = java.math.BigInteger.valueOf(b + 1), yd = java.math.BigInteger.valueOf(a);
                assertEquals(Score.of(xn.multiply(yd).add(yn.multiply(xd)), xd.multiply(yd)), x.plus(y), a + "/" + b + " plus");
                assertEquals(Score.of(xn.multiply(yd).subtract(yn.multiply(xd)), xd.multiply(yd)), x.minus(y), a + "/" + b + " minus");
                assertEquals(Score.of(xn.multiply(yn), xd.multiply(yd)), x.times(y), a + "/" + b + " times");
                assertEquals(Score.of(xn.multiply(yd), xd.multiply(yn)), x.dividedBy(y), a + "/" + b + " divided");
                assertEquals(xn.multiply(yd).compareTo(yn.multiply(xd)), x.compareTo(y), a + "/" + b + " compare");
            }
        }
    }
}
