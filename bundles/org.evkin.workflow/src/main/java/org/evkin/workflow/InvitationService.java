package org.evkin.workflow;

/** Invitations of participants: a personal link (stored hashed, expiring with the period) sent by e-mail via the outbox. */
public interface InvitationService {

    /**
     * Invites every eligible participant of the cycle within the actor's region who has no invitation yet; each is
     * sent once, in the same transaction as its link.
     *
     * @throws WorkflowException NOT_FOUND for the cycle
     */
    InvitationReport invite(Account actor, long cycleId);
}
