package org.evkin.mail;

import java.time.Instant;
import java.util.Map;

/**
 * What the mailer knows right now.
 *
 * @param smtp        whether the SMTP server was usable at the last contact
 * @param server      the SMTP server as host:port
 * @param lastSentAt  when a mail was last handed to the SMTP server, null if none since start
 * @param lastError   the last failure (of the server or of one mail), one line, null if none since start
 * @param lastErrorAt when that failure happened, null if none
 * @param queue       mails of the outbox by status (PENDING, SENDING, SENT, FAILED); empty when the store is unavailable
 * @param problem     a one-line operator message when something keeps mail from going out, else null
 */
public record MailReport(SmtpState smtp, String server, Instant lastSentAt, String lastError, Instant lastErrorAt,
        Map<String, Long> queue, String problem) {

    /** The SMTP server as the mailer last saw it. */
    public enum SmtpState {
        /** Not contacted yet since start. */
        UNKNOWN,
        /** The last contact worked. */
        UP,
        /** Unreachable or refusing all mail; mails wait in the outbox and are sent when it is back. */
        DOWN,
        /** The settings are invalid, or Jakarta Mail is missing; nothing is sent (problem says why). */
        MISCONFIGURED
    }

    public MailReport {
        queue = queue == null ? Map.of() : Map.copyOf(queue);
    }

    /** Mails not delivered yet and still to be tried (PENDING and SENDING). */
    public long waiting() {
        return queue.getOrDefault("PENDING", 0L) + queue.getOrDefault("SENDING", 0L);
    }

    /** Mails given up on (FAILED). */
    public long failed() {
        return queue.getOrDefault("FAILED", 0L);
    }
}
