package org.evkin.distribution.report;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Collection;

/** An exact rational number, so that the expected scores are exact (SPEC §3.6): 3,405 is 3,405. */
record Q(BigInteger num, BigInteger den) implements Comparable<Q> {

    static final Q ZERO = of(0);
    static final Q ONE = of(1);

    Q {
        if (den.signum() == 0) {
            throw new ArithmeticException("division by zero");
        }
        if (den.signum() < 0) {
            num = num.negate();
            den = den.negate();
        }
        BigInteger g = num.gcd(den);
        if (!g.equals(BigInteger.ONE) && g.signum() != 0) {
            num = num.divide(g);
            den = den.divide(g);
        }
    }

    static Q of(long n) {
        return new Q(BigInteger.valueOf(n), BigInteger.ONE);
    }

    static Q of(long n, long d) {
        return new Q(BigInteger.valueOf(n), BigInteger.valueOf(d));
    }

    Q plus(Q o) {
        return new Q(num.multiply(o.den).add(o.num.multiply(den)), den.multiply(o.den));
    }

    Q minus(Q o) {
        return plus(new Q(o.num.negate(), o.den));
    }

    Q times(Q o) {
        return new Q(num.multiply(o.num), den.multiply(o.den));
    }

    Q dividedBy(Q o) {
        return new Q(num.multiply(o.den), den.multiply(o.num));
    }

    /** The arithmetic mean; the collection must not be empty. */
    static Q mean(Collection<Q> values) {
        Q sum = ZERO;
        for (Q v : values) {
            sum = sum.plus(v);
        }
        return sum.dividedBy(of(values.size()));
    }

    /** Rounded half-up (away from zero at exactly .5) to this many decimals; exact, no floating point. */
    BigDecimal round(int decimals) {
        return new BigDecimal(num).divide(new BigDecimal(den), decimals, RoundingMode.HALF_UP);
    }

    /** Rounded half-up to a whole number. */
    int roundWhole() {
        return round(0).intValueExact();
    }

    @Override
    public int compareTo(Q o) {
        return num.multiply(o.den).compareTo(o.num.multiply(den));
    }

    @Override
    public String toString() {
        return num + "/" + den + " (" + new BigDecimal(num).divide(new BigDecimal(den), 6, RoundingMode.HALF_UP) + ")";
    }
}
