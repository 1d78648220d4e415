package org.evkin.exchange;

import java.util.Optional;

/** Finds the participants a responses import refers to; the caller implements it over its enrolments. */
public interface ParticipantLookup {

    /**
     * The participant with this NIP (18 digits) or, when the argument holds an '@', this e-mail (lower case);
     * empty when there is none.
     */
    Optional<KnownParticipant> find(String nipOrEmail);
}
