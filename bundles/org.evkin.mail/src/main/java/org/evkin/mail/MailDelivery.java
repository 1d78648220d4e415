package org.evkin.mail;

/**
 * Lets whoever has just enqueued mail in the store's outbox ask for it to be delivered now rather than at the next
 * poll. Optional: without a nudge the mailer still finds the mail within its poll interval.
 */
public interface MailDelivery {

    /** Asks the mailer to look at the outbox soon; returns at once, never throws. */
    void wakeUp();
}
