package org.evkin.workflow;

import java.time.Instant;
import java.util.List;

/**
 * Completion of a cycle within an admin's region: participants with every expected form submitted, by program, level,
 * province and rater source, and the raters who are late.
 */
public record CycleProgress(long cycleId, int participants, int eligible, int complete, List<Group> byProgram, List<Group> byLevel,
        List<Group> byProvince, List<Source> bySource, List<LateRater> late) {

    public CycleProgress {
        byProgram = List.copyOf(byProgram);
        byLevel = List.copyOf(byLevel);
        byProvince = List.copyOf(byProvince);
        bySource = List.copyOf(bySource);
        late = List.copyOf(late);
    }

    /** Eligible participants of a group and how many of them are complete. */
    public record Group(String key, int eligible, int complete) {
    }

    /** Forms expected from a rater source and how many are submitted. */
    public record Source(RaterRole role, int expected, int submitted) {
    }

    /** A rater whose forms are not all submitted, invited long enough ago to be reminded. */
    public record LateRater(long participantId, String participant, String province, RaterRole role, String name, String email,
            int submitted, int expected, int reminders, Instant invitedAt) {
    }
}
