package org.evkin.workflow;

/**
 * Where a rater stands, for the participant's monitoring page: named, invited, how many of the forms expected from this
 * source are submitted; for a service user without e-mail the short code and link to hand over.
 */
public record RaterStatus(RaterRole role, String name, String email, boolean invited, int submitted, int expected, String shortCode,
        String link, String phone) {

    /** A status without a phone number. */
    public RaterStatus(RaterRole role, String name, String email, boolean invited, int submitted, int expected, String shortCode,
            String link) {
        this(role, name, email, invited, submitted, expected, shortCode, link, null);
    }

    public boolean complete() {
        return expected > 0 && submitted == expected;
    }
}
