package org.evkin.scoring;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Objects;

/** An exact non-negative-or-negative rational number: numerator/denominator as BigInteger, always normalized (gcd 1, den > 0). */
public final class Score implements Comparable<Score> {

    public static final Score ZERO = new Score(BigInteger.ZERO, BigInteger.ONE);
    public static final Score ONE = new Score(BigInteger.ONE, BigInteger.ONE);

    /** Values of the fast path: |numerator| and denominator below 2^31, so that products of two fit a long exactly. */
    private static final long SMALL = 1L << 31;

    private final BigInteger numerator;
    private final BigInteger denominator;
    /** The same value as longs when both are small (then small is true); scores are nearly always small. */
    private final long num;
    private final long den;
    private final boolean small;

    private Score(BigInteger numerator, BigInteger denominator) {
        this.numerator = numerator;
        this.denominator = denominator;
        this.small = numerator.bitLength() < 31 && denominator.bitLength() < 31;
        this.num = small ? numerator.longValue() : 0;
        this.den = small ? denominator.longValue() : 0;
    }

    /** n/d normalized with long arithmetic; d != 0 and both magnitudes below 2^62 (guaranteed by the callers). */
    private static Score ofLongs(long n, long d) {
        if (d < 0) {
            n = -n;
            d = -d;
        }
        long a = Math.abs(n);
        long b = d;
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        if (a > 1) {
            n /= a;
            d /= a;
        }
        return new Score(BigInteger.valueOf(n), BigInteger.valueOf(d));
    }

    /** The whole number value. */
    public static Score of(long value) {
        return new Score(BigInteger.valueOf(value), BigInteger.ONE);
    }

    /** numerator/denominator, normalized; throws IllegalArgumentException when the denominator is 0. */
    public static Score of(long numerator, long denominator) {
        if (denominator != 0 && numerator > -(1L << 62) && numerator < (1L << 62) && denominator > -(1L << 62)
                && denominator < (1L << 62)) {
            return ofLongs(numerator, denominator);
        }
        return of(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
    }

    /** numerator/denominator, normalized; throws IllegalArgumentException when the denominator is 0. */
    public static Score of(BigInteger numerator, BigInteger denominator) {
        Objects.requireNonNull(numerator, "numerator");
        Objects.requireNonNull(denominator, "denominator");
        if (denominator.signum() == 0) {
            throw new IllegalArgumentException("denominator is 0 (numerator " + numerator + ")");
        }
        if (denominator.signum() < 0) {
            numerator = numerator.negate();
            denominator = denominator.negate();
        }
        BigInteger gcd = numerator.gcd(denominator);
        if (!gcd.equals(BigInteger.ONE)) {
            numerator = numerator.divide(gcd);
            denominator = denominator.divide(gcd);
        }
        return new Score(numerator, denominator);
    }

    /** The exact value of a decimal, e.g. 3.405 → 681/200. */
    public static Score of(BigDecimal value) {
        Objects.requireNonNull(value, "value");
        int scale = value.scale();
        if (scale >= 0) {
            return of(value.unscaledValue(), BigInteger.TEN.pow(scale));
        }
        return of(value.unscaledValue().multiply(BigInteger.TEN.pow(-scale)), BigInteger.ONE);
    }

    /** The mean of the scores; throws IllegalArgumentException when there are none. */
    public static Score mean(Collection<Score> scores) {
        Objects.requireNonNull(scores, "scores");
        if (scores.isEmpty()) {
            throw new IllegalArgumentException("the mean of no scores is undefined");
        }
        Score sum = ZERO;
        for (Score s : scores) {
            sum = sum.plus(Objects.requireNonNull(s, "a score in the collection is null"));
        }
        return sum.dividedBy(of(scores.size()));
    }

    public BigInteger numerator() {
        return numerator;
    }

    /** Always positive. */
    public BigInteger denominator() {
        return denominator;
    }

    public Score plus(Score o) {
        if (small && o.small) {
            return ofLongs(num * o.den + o.num * den, den * o.den);
        }
        return of(numerator.multiply(o.denominator).add(o.numerator.multiply(denominator)), denominator.multiply(o.denominator));
    }

    public Score minus(Score o) {
        if (small && o.small) {
            return ofLongs(num * o.den - o.num * den, den * o.den);
        }
        return of(numerator.multiply(o.denominator).subtract(o.numerator.multiply(denominator)), denominator.multiply(o.denominator));
    }

    public Score times(Score o) {
        if (small && o.small) {
            return ofLongs(num * o.num, den * o.den);
        }
        return of(numerator.multiply(o.numerator), denominator.multiply(o.denominator));
    }

    /** Throws ArithmeticException when o is zero. */
    public Score dividedBy(Score o) {
        if (o.numerator.signum() == 0) {
            throw new ArithmeticException("division of " + this + " by zero");
        }
        if (small && o.small) {
            return ofLongs(num * o.den, den * o.num);
        }
        return of(numerator.multiply(o.denominator), denominator.multiply(o.numerator));
    }

    /** -1, 0 or 1 as this score is negative, zero or positive. */
    public int signum() {
        return numerator.signum();
    }

    /**
     * The value rounded half-up (ties away from zero, as {@link RoundingMode#HALF_UP}) to the given number of decimals,
     * from the exact value: 681/200 (3.405) → 3.41 at scale 2, while 3404999/1000000 → 3.40.
     */
    public BigDecimal roundHalfUp(int scale) {
        return new BigDecimal(numerator).divide(new BigDecimal(denominator), scale, RoundingMode.HALF_UP);
    }

    /** The value rounded half-up to a whole number (x.5 → x+1); throws ArithmeticException outside the int range. */
    public int roundWhole() {
        return roundHalfUp(0).intValueExact();
    }

    @Override
    public int compareTo(Score o) {
        if (small && o.small) {
            return Long.compare(num * o.den, o.num * den);
        }
        return numerator.multiply(o.denominator).compareTo(o.numerator.multiply(denominator));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Score s && numerator.equals(s.numerator) && denominator.equals(s.denominator);
    }

    @Override
    public int hashCode() {
        return 31 * numerator.hashCode() + denominator.hashCode();
    }

    /** numerator/denominator, e.g. "681/200"; whole numbers too ("3/1"), so that the form is always the same. */
    @Override
    public String toString() {
        return numerator + "/" + denominator;
    }
}
