package org.evkin.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Raters, forms and their content. Every method may throw StoreUnavailableException. */
public interface FormStore {

    /** Inserts or replaces the rater of (cycle, participant, role); returns what is stored. */
    RaterRecord saveRater(RaterRecord rater);

    Optional<RaterRecord> rater(long cycleId, long participantId, String role);

    List<RaterRecord> raters(long cycleId, long participantId);

    /** Every rater of a cycle. */
    List<RaterRecord> ratersOfCycle(long cycleId);

    /** The form of (cycle, participant, role, part, program), created as a DRAFT when there is none (safe when raced). */
    FormRecord openForm(long cycleId, long participantId, String role, int part, String programCode, String instrumentVersion,
            String source);

    Optional<FormRecord> form(long formId);

    List<FormRecord> forms(long cycleId, long participantId);

    /** Every form of a cycle, for monitoring. */
    List<FormRecord> formsOfCycle(long cycleId);

    FormContent content(long formId);

    /**
     * The content of a form just read: nothing more is read for a form never saved (revision 0 — every write of content
     * counts a revision in the same transaction), and the scope is the record's. One statement otherwise.
     */
    FormContent content(FormRecord form);

    /** Replaces a DRAFT's content and counts a revision; empty when the form is already submitted (nothing changed). */
    OptionalInt saveDraft(long formId, FormContent content, Instant at);

    /**
     * Stores the final content and marks the form SUBMITTED in one transaction. Returns false, changing nothing, when it
     * was submitted before: two submits of the same form store one.
     */
    boolean submit(long formId, FormContent content, Instant at);

    /** Pins the instrument version of an enrolment: the first caller's version wins; returns the pinned version. */
    String pinInstrumentVersion(long enrolmentId, String version);

    /** A form as a responses import brings it: whose, which, by whom, and its final content. */
    record ImportedForm(long participantId, String role, int part, String programCode, String instrumentVersion, String raterName,
            String raterEmail, FormContent content, int firstRow) {
    }

    /** What a responses import did, or the conflicts that stopped it (then nothing was changed). */
    record ImportedForms(int created, int draftsCompleted, int unchanged, List<ImportedForm> conflicts) {
        public ImportedForms {
            conflicts = List.copyOf(conflicts);
        }
    }

    /**
     * Stores imported forms as SUBMITTED (source IMPORT) in ONE transaction, with their raters. A form already submitted
     * with the same content is left alone; one submitted with other content is a conflict, and any conflict rolls the
     * whole import back. With commit false everything is rolled back (a preview).
     */
    ImportedForms importForms(long cycleId, List<ImportedForm> forms, boolean commit, String actor);

    /** Sets a participant's work location and marks the identity confirmed (the first time). */
    void updateProfile(long participantId, String workLocation, boolean confirmIdentity, Instant at);
}
