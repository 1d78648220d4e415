package org.evkin.store;

import java.util.List;
import java.util.Optional;

/** Participants and enrolments. Every method may throw StoreUnavailableException. */
public interface ParticipantStore {

    /** One row of an import: the participant as the file describes it, and one enrolment. */
    record ImportRow(ParticipantRecord participant, String programCode, java.math.BigDecimal trainingScore, boolean eligible,
            String ineligibleReason) {
    }

    /** What an import changed: participants created/updated/unchanged, enrolments created/updated/unchanged. */
    record ImportCounts(int participantsCreated, int participantsUpdated, int participantsUnchanged, int enrolmentsCreated,
            int enrolmentsUpdated, int enrolmentsUnchanged) {
        public boolean changedNothing() {
            return participantsCreated + participantsUpdated + enrolmentsCreated + enrolmentsUpdated == 0;
        }
    }

    /**
     * Writes an import in ONE transaction: participants matched by identity key (created or updated), enrolments by
     * (cycle, participant, program). With commit false the same work is done and rolled back (a dry run).
     * Importing the same rows again changes nothing.
     */
    ImportCounts importRows(long cycleId, List<ImportRow> rows, boolean commit, String actor, String auditDetail);

    Optional<ParticipantRecord> participant(long id);

    Optional<ParticipantRecord> participantByIdentity(String identityKey);

    List<EnrolmentRecord> enrolments(long cycleId, long participantId);

    /** Enrolments of a cycle, optionally only those of a province (and district) — the scope of a regional admin. */
    List<EnrolmentRecord> enrolmentsOfCycle(long cycleId, String province, String district);

    List<ParticipantRecord> participantsOfCycle(long cycleId, String province, String district);
}
