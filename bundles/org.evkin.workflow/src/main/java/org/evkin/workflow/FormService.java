package org.evkin.workflow;

import java.util.List;

/**
 * Everything a personal link allows (report Bab II.E.2): the participant confirms identity, fills the profile naming
 * the supervisor and the peer, self-assesses, nominates the service user and follows the raters; each rater fills
 * Part 1 (supervisor and peer of a Pengantar Kerja) and Part 2. All methods refuse with WorkflowException, changing
 * nothing: NOT_FOUND for an unknown link, GONE for an expired or replaced one or a closed period, FORBIDDEN for a
 * role that may not, INVALID for tampered items or values, CONFLICT for a change to a submitted form.
 */
public interface FormService {

    /**
     * The credential prefix for a service user without e-mail: every method also accepts "k:" followed by the short
     * code in place of a link's token. Unknown codes are counted; too many in a short time lock short codes for a while.
     */
    String SHORT_CODE_PREFIX = "k:";

    LinkAccess access(String token);

    /** The participant confirms the identity shown (nama, NIP, instansi, jenjang). */
    LinkAccess confirmIdentity(String token);

    /** The participant's profile: work location, supervisor and peer; each gets a personal link by e-mail. */
    List<RaterStatus> saveProfile(String token, String workLocation, RaterInput supervisor, RaterInput peer);

    /**
     * After submitting the self-assessment, the participant names the service user: by e-mail (a link is sent) or,
     * without e-mail, the service user gets a short code and a link to print (QR).
     */
    RaterStatus nominateServiceUser(String token, RaterInput serviceUser);

    /** The participant's view of the four sources: who, invited, forms submitted of expected. */
    List<RaterStatus> monitoring(String token);

    /** The participant sends a rater a new link (the old one stops working). */
    RaterStatus resend(String token, RaterRole role);

    /** Part 1 (programCode ignored) or Part 2 of a program, for the link's role; starts a draft. */
    FormView form(String token, int part, String programCode);

    /** Autosave: keeps what was answered so far; a reload, another device or a lost connection resume it. */
    FormView saveDraft(String token, int part, String programCode, FormInput input);

    /** Final: every item answered (or NA); a second submit of the same form stores nothing more. */
    FormView submit(String token, int part, String programCode, FormInput input);
}
