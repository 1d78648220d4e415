package org.evkin.mail.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.evkin.store.OutboxMail;

/**
 * The configured SMTP server, reached through Jakarta Mail and its Angus implementation.
 *
 * <p>Inside OSGi, the Jakarta Mail API finds its implementation (the stream provider used to encode every header and
 * body, and the smtp transport) through the thread's context class loader before anything else; every call into
 * Jakarta Mail here therefore runs with the Angus Mail bundle's class loader as context class loader, which makes the
 * look-up independent of SPI Fly or the HK2 resource locator.
 */
final class SmtpClient {

    private final Settings settings;
    private final ClassLoader angus = SMTPTransport.class.getClassLoader();
    private final Session session;
    private final Messages messages;

    /** Creates the mail session; an IllegalStateException when Jakarta Mail finds no implementation. */
    SmtpClient(Settings settings) {
        this.settings = settings;
        this.session = inMailContext(() -> Session.getInstance(properties(settings)));
        this.messages = new Messages(session, settings);
    }

    static Properties properties(Settings s) {
        Properties p = new Properties();
        String timeout = Integer.toString(s.timeoutMs());
        p.setProperty("mail.transport.protocol", "smtp");
        p.setProperty("mail.smtp.host", s.host());
        p.setProperty("mail.smtp.port", Integer.toString(s.port()));
        p.setProperty("mail.smtp.connectiontimeout", timeout);
        p.setProperty("mail.smtp.timeout", timeout);
        p.setProperty("mail.smtp.writetimeout", timeout);
        p.setProperty("mail.smtp.from", s.fromAddress());
        p.setProperty("mail.smtp.auth", Boolean.toString(!s.user().isEmpty()));
        p.setProperty("mail.smtp.starttls.enable", Boolean.toString(s.starttls()));
        p.setProperty("mail.smtp.starttls.required", Boolean.toString(s.starttls()));
        p.setProperty("mail.smtp.ssl.enable", Boolean.toString(s.ssl()));
        p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
        p.setProperty("mail.mime.charset", "UTF-8");
        return p;
    }

    /** Opens a connection, logged in when a user is configured. */
    Transport connect() throws MessagingException {
        return inMailContext(() -> {
            Transport transport = session.getTransport("smtp");
            transport.connect(settings.host(), settings.port(), settings.user().isEmpty() ? null : settings.user(),
                    settings.user().isEmpty() ? null : settings.password());
            return transport;
        });
    }

    /** Connects and disconnects: does the server answer (and accept the login)? */
    void probe() throws MessagingException {
        Transport transport = connect();
        close(transport);
    }

    /** The message for an outbox mail. */
    MimeMessage message(OutboxMail mail, Instant now) throws MessagingException {
        return inMailContext(() -> messages.build(mail, now));
    }

    /** Sends over an open connection; returns once the server has accepted the message. */
    void send(Transport transport, MimeMessage message) throws MessagingException {
        inMailContext(() -> {
            transport.sendMessage(message, message.getAllRecipients());
            return null;
        });
    }

    /** Closes quietly: a failure to say QUIT changes nothing for mail already accepted. */
    void close(Transport transport) {
        if (transport == null) {
            return;
        }
        try {
            inMailContext(() -> {
                transport.close();
                return null;
            });
        } catch (MessagingException | RuntimeException e) {
            // The connection is gone either way.
        }
    }

    private interface MailAction<T, E extends Exception> {
        T run() throws E;
    }

    private <T, E extends Exception> T inMailContext(MailAction<T, E> action) throws E {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(angus);
        try {
            return action.run();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
