package org.evkin.store;

import java.time.Instant;

/**
 * A stored participant. identityKey is "nip:&lt;NIP&gt;" or, for a PAK without NIP, "email:&lt;lower-case e-mail&gt;";
 * kind PK or PAK; level a Target name (null for PAK).
 */
public record ParticipantRecord(long id, String identityKey, String nip, String email, String name, String phone, String kind,
        String level, String institution, String province, String district, String workLocation, Instant identityConfirmedAt) {
}
