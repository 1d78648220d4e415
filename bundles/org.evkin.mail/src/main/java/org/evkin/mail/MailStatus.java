package org.evkin.mail;

/** Tells how the delivery of the e-mail outbox goes, for the health endpoint and the operators. */
public interface MailStatus {

    /** The current state; never throws and never contacts the SMTP server (it asks the store for the queue counts). */
    MailReport current();
}
