package org.evkin.workflow;

/** Participant imports into a cycle (SPEC §5): all-or-nothing, idempotent, previewable. */
public interface EnrolmentService {

    /**
     * Reads a CSV or XLSX participant file and, when commit is true, stores it; otherwise only previews it.
     *
     * @throws WorkflowException INVALID with the import errors (row, column, message) as details; FORBIDDEN when a
     *                           regional admin's file has participants outside its region; NOT_FOUND for the cycle
     */
    ImportReport importParticipants(Account actor, long cycleId, byte[] file, boolean commit);
}
