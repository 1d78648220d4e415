package org.evkin.exchange;

import java.util.Objects;

/**
 * One valid answer of the responses import: a rater's value for one item (Part 2) or one task (Part 1).
 *
 * @param row           the row as the user sees it (the header is row 1)
 * @param nipOrEmail    the participant as written: 18-digit NIP, or e-mail in lower case
 * @param participantId the caller's id of that participant, from {@link ParticipantLookup}
 * @param programCode   the program code, upper case; null for Part 1
 * @param raterRole     the rater source
 * @param raterName     the rater's name, spaces collapsed; may be null for DIRI
 * @param raterEmail    the rater's e-mail, lower case, or null
 * @param part          1 (Pemetaan Aktivitas Kerja) or 2 (Penilaian Kinerja)
 * @param itemCode      the item code (Part 2) or task code (Part 1), upper case
 * @param value         Part 2: 1 to 4, or null for NA (tidak dapat menilai); Part 1: 1 (ticked) or 0
 */
public record ResponseRow(int row, String nipOrEmail, String participantId, String programCode, RaterRole raterRole,
        String raterName, String raterEmail, int part, String itemCode, Integer value) {

    public ResponseRow {
        Objects.requireNonNull(nipOrEmail, "nipOrEmail");
        Objects.requireNonNull(participantId, "participantId");
        Objects.requireNonNull(raterRole, "raterRole");
        Objects.requireNonNull(itemCode, "itemCode");
        if (part != 1 && part != 2) {
            throw new IllegalArgumentException("part must be 1 or 2");
        }
    }

    /** True when a Part-2 item was answered "tidak dapat menilai". */
    public boolean notObserved() {
        return part == 2 && value == null;
    }
}
