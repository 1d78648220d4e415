package org.evkin.scoring;

import java.util.Optional;

/** A rater's answers to the items of one subkompetensi: the sum and count of the numeric values (1–4); "tidak dapat menilai" is not counted. */
public record Tally(long sum, int count) {

    public static final Tally EMPTY = new Tally(0, 0);

    /** Checks that the tally can come from values 1–4: count ≥ 0 and count ≤ sum ≤ 4·count. */
    public Tally {
        if (count < 0) {
            throw new IllegalArgumentException("a tally's count cannot be negative: " + count);
        }
        if (sum < count || sum > 4L * count) {
            throw new IllegalArgumentException("a tally of " + count + " values from 1 to 4 cannot sum to " + sum);
        }
    }

    /** Adds one answer: null ("tidak dapat menilai") leaves the tally unchanged; a value outside 1..4 is rejected. */
    public Tally plus(Integer value) {
        if (value == null) {
            return this;
        }
        if (value < 1 || value > 4) {
            throw new IllegalArgumentException("an answer is 1 to 4 or \"tidak dapat menilai\", not " + value);
        }
        return new Tally(sum + value, Math.addExact(count, 1));
    }

    /** Both tallies together (e.g. the answers of one rater read in two parts). */
    public Tally plus(Tally other) {
        return new Tally(Math.addExact(sum, other.sum), Math.addExact(count, other.count));
    }

    /** score(p,g,r,s) of SPEC §3.1: sum/count; empty when no numeric answer was given. */
    public Optional<Score> mean() {
        return count == 0 ? Optional.empty() : Optional.of(Score.of(sum, count));
    }
}
