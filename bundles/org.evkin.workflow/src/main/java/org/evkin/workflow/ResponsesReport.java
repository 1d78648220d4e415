package org.evkin.workflow;

/** What a responses import did (or would do, for a preview): forms created, drafts completed, forms already identical. */
public record ResponsesReport(boolean committed, int rows, int forms, int created, int draftsCompleted, int unchanged) {
}
