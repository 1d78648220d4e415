package org.evkin.report.internal;

import java.util.List;
import java.util.Map;

import org.evkin.store.CycleRecord;
import org.evkin.store.EnrolmentRecord;
import org.evkin.store.ParticipantRecord;

/**
 * The stored data of a cycle (or of one participant in it) that reports are computed from, in compact form: Part-2
 * forms as a sum and count per subkompetensi, Part-1 forms as tick counts per (subkompetensi, level).
 */
record CycleData(CycleRecord cycle, List<ParticipantRecord> participants, Map<Long, List<EnrolmentRecord>> enrolments,
        Map<Long, List<FormInfo>> forms) {

    /** Subkompetensi are numbered 1..15; arrays are indexed by number. */
    static final int SUBCOMPETENCIES = 15;
    /** The four PK levels by rank 1..4. */
    static final int LEVELS = 4;

    /**
     * A form, as the reports need it, with its content folded into counts while it is read: for Part 2 a sum and a
     * count per subkompetensi (sumIndex/countIndex), for Part 1 ticks per (subkompetensi, level) (tickIndex); null
     * while nothing was counted.
     */
    static final class FormInfo {
        final long id;
        final String role;
        final int part;
        final String program;
        final String version;
        final boolean submitted;
        short[] counts;

        FormInfo(long id, String role, int part, String program, String version, boolean submitted) {
            this.id = id;
            this.role = role;
            this.part = part;
            this.program = program;
            this.version = version;
            this.submitted = submitted;
        }

        long id() {
            return id;
        }

        String role() {
            return role;
        }

        int part() {
            return part;
        }

        String program() {
            return program;
        }

        String version() {
            return version;
        }

        boolean submitted() {
            return submitted;
        }

        /** The counts, created on first use. */
        short[] counts() {
            if (counts == null) {
                counts = part == 2 ? newPart2() : newPart1();
            }
            return counts;
        }
    }

    /** Index of a subkompetensi's sum in a Part-2 array; its count sits at countIndex. */
    static int sumIndex(int subcompetency) {
        return subcompetency;
    }

    static int countIndex(int subcompetency) {
        return SUBCOMPETENCIES + 1 + subcompetency;
    }

    static short[] newPart2() {
        return new short[2 * (SUBCOMPETENCIES + 1)];
    }

    /** Index of (subkompetensi, level rank) in a Part-1 array. */
    static int tickIndex(int subcompetency, int levelRank) {
        return (subcompetency - 1) * LEVELS + (levelRank - 1);
    }

    static short[] newPart1() {
        return new short[SUBCOMPETENCIES * LEVELS];
    }

    static void add(short[] array, int index, int amount) {
        int v = array[index] + amount;
        if (v > Short.MAX_VALUE) {
            throw new IllegalStateException("more than " + Short.MAX_VALUE + " answers in one form and subkompetensi");
        }
        array[index] = (short) v;
    }
}
