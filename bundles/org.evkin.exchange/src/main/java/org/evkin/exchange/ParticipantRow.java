package org.evkin.exchange;

import java.math.BigDecimal;
import java.util.Objects;
import org.evkin.model.Target;

/**
 * One valid enrolment of the participant import: one person in one program, normalised.
 *
 * <p>Columns: nip, nama ({@code name}), email, telepon ({@code phone}), kategori ({@code category}),
 * jenjang ({@code level}), instansi ({@code institution}), provinsi ({@code province}),
 * kabupaten_kota ({@code regency}), program ({@code programCode}), nilai_pelatihan ({@code trainingScore}).
 *
 * @param row                 the row as the user sees it (the header is row 1)
 * @param nip                 the 18-digit NIP, or null (only for PAK, then the e-mail identifies the person)
 * @param name                the name, spaces collapsed
 * @param email               the e-mail, lower case
 * @param phone               the phone as written (spaces collapsed), or null
 * @param category            PK or PAK
 * @param level               the PK level, or null for PAK
 * @param institution         the instansi, spaces collapsed
 * @param province            the official province name (see {@link Provinces})
 * @param regency             the kabupaten/kota as written (spaces collapsed), or null
 * @param programCode         the program code, upper case
 * @param trainingScore       the training score, 0 to 100, as written (85,5 becomes 85.5)
 * @param eligible            false when the training score is below the threshold (SPEC 3.8)
 * @param ineligibilityReason why not eligible, in Bahasa Indonesia; null when eligible
 */
public record ParticipantRow(int row, String nip, String name, String email, String phone, Category category,
        Target level, String institution, String province, String regency, String programCode,
        BigDecimal trainingScore, boolean eligible, String ineligibilityReason) {

    public ParticipantRow {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(institution, "institution");
        Objects.requireNonNull(province, "province");
        Objects.requireNonNull(programCode, "programCode");
        Objects.requireNonNull(trainingScore, "trainingScore");
    }

    /** What identifies the person across rows and imports: the NIP, or the e-mail when there is none. */
    public String identity() {
        return nip != null ? nip : email;
    }

    /** The blueprint target of this participant: the PK level, or {@link Target#PAK}. */
    public Target target() {
        return category == Category.PAK ? Target.PAK : level;
    }
}
