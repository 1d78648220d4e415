package org.evkin.workflow;

/** Responses import (SPEC §5) for paper forms and migration from the previous platform: all-or-nothing, idempotent. */
public interface ResponseImportService {

    /**
     * Reads a responses CSV/XLSX; with commit true stores every form in it as submitted, in one transaction.
     *
     * @throws WorkflowException INVALID with the errors by row and column as details, CONFLICT when a form was already
     *                           submitted with other content, FORBIDDEN for participants outside a regional admin's
     *                           region, NOT_FOUND for the cycle
     */
    ResponsesReport importResponses(Account actor, long cycleId, byte[] file, boolean commit);
}
