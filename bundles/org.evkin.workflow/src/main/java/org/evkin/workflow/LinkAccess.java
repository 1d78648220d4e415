package org.evkin.workflow;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What a personal link opens: whose evaluation, in which role, and the programs with the state of this role's forms. */
public record LinkAccess(RaterRole role, long cycleId, String cycleName, Person participant, Instant expiresAt,
        boolean identityConfirmed, boolean profileDone, boolean partOneApplies, String partOneStatus, List<Program> programs) {

    public LinkAccess {
        programs = List.copyOf(programs);
    }

    /** The participant as the rater and the participant see it. */
    public record Person(long id, String name, String nip, String email, String kind, String level, String institution,
            String province, String district, String workLocation) {
    }

    /** An eligible program of the participant: its form for this role (status null when not started) and its period. */
    public record Program(String code, String title, String version, boolean open, LocalDate periodStart, LocalDate closesAfter,
            String formStatus) {
    }
}
