package org.evkin.scoring;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/** Test helpers that build tallies and forms from answers written as in a form: 1–4, or null for "tidak dapat menilai". */
final class Answers {

    private Answers() {
    }

    /** The tally of the given answers. */
    static Tally tally(Integer... answers) {
        Tally t = Tally.EMPTY;
        for (Integer a : answers) {
            t = t.plus(a);
        }
        return t;
    }

    /** A form: alternating subkompetensi number and its tally, e.g. form(7, tally(4, 3), 8, tally(2)). */
    static Map<Integer, Tally> form(Object... numberAndTally) {
        Map<Integer, Tally> m = new TreeMap<>();
        for (int i = 0; i < numberAndTally.length; i += 2) {
            m.put((Integer) numberAndTally[i], (Tally) numberAndTally[i + 1]);
        }
        return m;
    }

    /** The four forms, all submitted. */
    static Map<RaterSource, RaterInput> submitted(Map<Integer, Tally> diri, Map<Integer, Tally> atasan,
            Map<Integer, Tally> rekan, Map<Integer, Tally> pengguna) {
        Map<RaterSource, RaterInput> m = new EnumMap<>(RaterSource.class);
        m.put(RaterSource.DIRI, RaterInput.submitted(diri));
        m.put(RaterSource.ATASAN, RaterInput.submitted(atasan));
        m.put(RaterSource.REKAN, RaterInput.submitted(rekan));
        m.put(RaterSource.PENGGUNA, RaterInput.submitted(pengguna));
        return m;
    }
}
