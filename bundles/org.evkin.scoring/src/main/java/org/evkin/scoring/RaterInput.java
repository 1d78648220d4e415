package org.evkin.scoring;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** One rater source's Part-2 form of a (participant, program): submitted or not, and a tally per subkompetensi number. */
public record RaterInput(boolean submitted, Map<Integer, Tally> tallies) {

    public RaterInput {
        Objects.requireNonNull(tallies, "tallies");
        TreeMap<Integer, Tally> copy = new TreeMap<>();
        tallies.forEach((s, t) -> copy.put(Objects.requireNonNull(s, "subkompetensi number"),
                Objects.requireNonNull(t, "tally of subkompetensi " + s)));
        tallies = Collections.unmodifiableMap(copy);
    }

    /** A submitted form with these tallies. */
    public static RaterInput submitted(Map<Integer, Tally> tallies) {
        return new RaterInput(true, tallies);
    }

    /** A form started but not submitted (its answers do not count). */
    public static RaterInput draft(Map<Integer, Tally> tallies) {
        return new RaterInput(false, tallies);
    }
}
