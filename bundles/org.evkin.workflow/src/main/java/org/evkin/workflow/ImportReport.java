package org.evkin.workflow;

import java.util.List;

/**
 * The outcome of a participant import: committed or only previewed, what it changes, and a preview of the rows
 * (at most the first 200). With errors nothing is changed and the counts are zero.
 */
public record ImportReport(boolean committed, int rows, int eligible, int ineligible, int participantsCreated,
        int participantsUpdated, int participantsUnchanged, int enrolmentsCreated, int enrolmentsUpdated,
        int enrolmentsUnchanged, List<PreviewRow> preview) {

    public ImportReport {
        preview = List.copyOf(preview);
    }

    /** One row as it will be stored. */
    public record PreviewRow(int row, String nip, String name, String email, String kind, String level, String province,
            String district, String programCode, String trainingScore, boolean eligible, String ineligibleReason) {
    }
}
