package org.evkin.workflow;

/** A rater as the participant names them: name, and e-mail (may be empty for a service user) and phone. */
public record RaterInput(String name, String email, String phone) {
}
