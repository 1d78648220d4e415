package org.evkin.mail.internal;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import java.io.IOException;
import java.net.UnknownHostException;
import java.util.Locale;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * Why a mail did not go out, and what follows: the whole server is unusable (all mails wait, never given up), or only
 * this mail failed, for now (retry with backoff) or for good (FAILED).
 *
 * @param kind   what follows
 * @param reason one line for last_error and the log
 */
record Failure(Kind kind, String reason) {

    enum Kind {
        /** The server cannot be reached or dropped the connection: probe it each poll, send when it answers. */
        UNREACHABLE,
        /** The server answers but refuses all mail (login, sender, TLS): retry each mail with backoff, never give up. */
        REFUSED,
        /** This mail was refused for now (4xx): retry with backoff, give up after max.attempts. */
        TRANSIENT,
        /** This mail can never be delivered (5xx for its recipient or content, invalid address): FAILED now. */
        PERMANENT
    }

    /** True when the failure concerns the server, not the mail: the rest of the batch is not tried. */
    boolean serverWide() {
        return kind == Kind.UNREACHABLE || kind == Kind.REFUSED;
    }

    /** A failure to connect (and log in) to the server. */
    static Failure ofConnect(Throwable e, String server) {
        if (e instanceof AuthenticationFailedException) {
            // Not probed every poll like an unreachable server: repeated failed logins may get the sender locked out.
            return new Failure(Kind.REFUSED, "SMTP server " + server + " refused the login (settings 'smtp.user' and"
                    + " 'smtp.password' in " + Settings.CONFIG_FILE + "): " + message(e));
        }
        return new Failure(Kind.UNREACHABLE, "SMTP server " + server + " unreachable: " + rootMessage(e));
    }

    /** A failure to turn the outbox mail into a message: its data is at fault, or (unexpectedly) the mailer. */
    static Failure ofMessage(Throwable e) {
        if (e instanceof AddressException) {
            return new Failure(Kind.PERMANENT, "invalid recipient address: " + message(e));
        }
        if (e instanceof jakarta.mail.MessagingException) {
            return new Failure(Kind.PERMANENT, "cannot make a message of this mail: " + rootMessage(e));
        }
        return new Failure(Kind.TRANSIENT, "cannot make a message of this mail: " + rootMessage(e));
    }

    /** A failure while sending one message over an open connection. */
    static Failure ofSend(Throwable e, String server) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SMTPSenderFailedException s) {
                return refusedSender(server, s.getMessage());
            }
            if (t instanceof SMTPAddressFailedException a) {
                return byCode(a.getReturnCode(), "recipient", a.getMessage(), server);
            }
            if (t instanceof SMTPSendFailedException s) {
                String command = s.getCommand() == null ? "" : s.getCommand().toUpperCase(Locale.ROOT);
                if (command.startsWith("MAIL")) {
                    return s.getReturnCode() == 421 || s.getReturnCode() < 0 ? closed(server, s.getMessage())
                            : refusedSender(server, s.getMessage());
                }
                return byCode(s.getReturnCode(), command.startsWith("RCPT") ? "recipient" : "message", s.getMessage(), server);
            }
            if (t instanceof IOException || t instanceof IllegalStateException) {
                // Connection dropped, timed out, TLS failure, or "Not connected".
                return new Failure(Kind.UNREACHABLE, "SMTP server " + server + " unreachable: " + rootMessage(e));
            }
        }
        if (e instanceof AddressException) {
            return new Failure(Kind.PERMANENT, "invalid recipient address: " + message(e));
        }
        if (e instanceof SendFailedException s && s.getInvalidAddresses() != null && s.getInvalidAddresses().length > 0) {
            return new Failure(Kind.PERMANENT, "SMTP server " + server + " rejected the recipient: " + message(e));
        }
        return new Failure(Kind.TRANSIENT, "sending failed: " + rootMessage(e));
    }

    private static Failure byCode(int code, String what, String response, String server) {
        String reply = oneLine(response);
        if (code < 0 || code == 421) {
            return closed(server, reply);
        }
        if (code == 530 || code == 534 || code == 535 || code == 538) {
            return new Failure(Kind.REFUSED, "SMTP server " + server + " requires another login or TLS (settings in "
                    + Settings.CONFIG_FILE + "): " + reply);
        }
        if (code >= 500 && code <= 599) {
            return new Failure(Kind.PERMANENT, "SMTP server " + server + " rejected the " + what + ": " + reply);
        }
        return new Failure(Kind.TRANSIENT, "SMTP server " + server + " deferred the " + what + ": " + reply);
    }

    private static Failure refusedSender(String server, String response) {
        return new Failure(Kind.REFUSED, "SMTP server " + server + " refused the sender (setting 'from.address' in "
                + Settings.CONFIG_FILE + "): " + oneLine(response));
    }

    private static Failure closed(String server, String response) {
        return new Failure(Kind.UNREACHABLE, "SMTP server " + server + " unreachable: it closed the connection ("
                + oneLine(response) + ")");
    }

    /** The innermost cause's message, one line; an unknown host says so. */
    static String rootMessage(Throwable e) {
        Throwable t = e;
        for (int depth = 0; t.getCause() != null && t.getCause() != t && depth < 20; depth++) {
            t = t.getCause();
        }
        if (t instanceof UnknownHostException) {
            return "unknown host " + t.getMessage();
        }
        return message(t);
    }

    private static String message(Throwable t) {
        return oneLine(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage());
    }

    private static String oneLine(String s) {
        return s == null ? "no reply" : s.replaceAll("\\s+", " ").strip();
    }
}
