package org.evkin.mail.internal;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import org.evkin.store.OutboxMail;

/**
 * Turns an outbox mail into a MIME message: UTF-8 subject and text with an optional HTML alternative, and a
 * Message-ID derived from the dedupe key, so that a mail sent twice (a crash between sending and recording it) carries
 * the same Message-ID both times.
 */
final class Messages {

    private static final String TEXT = "text/plain; charset=UTF-8";
    private static final String HTML = "text/html; charset=UTF-8";
    private static final MultipartWriter MULTIPART = new MultipartWriter();

    private final Session session;
    private final InternetAddress from;
    private final String domain;

    Messages(Session session, Settings settings) {
        this.session = session;
        this.domain = settings.fromDomain();
        try {
            String name = settings.fromName().isEmpty() ? null : settings.fromName();
            this.from = new InternetAddress(settings.fromAddress(), name, "UTF-8");
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The message for this mail, dated now; an AddressException when its recipient is not a valid address. */
    MimeMessage build(OutboxMail mail, Instant now) throws MessagingException {
        MimeMessage message = new FixedIdMessage(session, messageId(mail.dedupeKey(), domain));
        message.setFrom(from);
        message.setRecipient(Message.RecipientType.TO, recipient(mail.to()));
        message.setSubject(oneLine(mail.subject()), "UTF-8");
        message.setSentDate(Date.from(now));
        message.setHeader("Auto-Submitted", "auto-generated");
        String text = mail.bodyText() == null ? "" : mail.bodyText();
        if (mail.bodyHtml() == null || mail.bodyHtml().isBlank()) {
            message.setDataHandler(utf8(text, TEXT));
        } else {
            MimeMultipart alternative = new MimeMultipart("alternative");
            alternative.addBodyPart(part(text, TEXT));
            alternative.addBodyPart(part(mail.bodyHtml(), HTML));
            DataHandler body = new DataHandler(alternative, alternative.getContentType());
            body.setCommandMap(MULTIPART);
            message.setDataHandler(body);
            alternative.setParent(message);
        }
        message.saveChanges();
        return message;
    }

    /**
     * The Message-ID of the mail with this dedupe key: {@code <evkin.KEY.HASH@domain>}, KEY the key's letters, digits,
     * '-' and '_' (others become '-', at most 64), HASH the first 16 hex digits of the key's SHA-256, which keeps
     * different keys apart.
     */
    static String messageId(String dedupeKey, String domain) {
        String key = dedupeKey == null ? "" : dedupeKey;
        StringBuilder readable = new StringBuilder();
        for (int i = 0; i < key.length() && readable.length() < 64; i++) {
            char c = key.charAt(i);
            boolean plain = c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_');
            readable.append(plain ? c : '-');
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "<evkin." + readable + "." + HexFormat.of().formatHex(hash, 0, 8) + "@" + domain + ">";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InternetAddress recipient(String to) throws AddressException {
        if (to == null || to.isBlank()) {
            throw new AddressException("the recipient address is empty");
        }
        InternetAddress[] parsed = InternetAddress.parse(to.strip(), true);
        if (parsed.length != 1) {
            throw new AddressException("expected one recipient, got " + parsed.length, to);
        }
        parsed[0].validate();
        return parsed[0];
    }

    /** A body from bytes, not from a String: no data-content handler involved, and always UTF-8. */
    private static DataHandler utf8(String content, String type) {
        return new DataHandler(new ByteArrayDataSource(content.getBytes(StandardCharsets.UTF_8), type));
    }

    private static MimeBodyPart part(String content, String type) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(utf8(content, type));
        return part;
    }

    private static String oneLine(String subject) {
        return subject == null ? "" : subject.replaceAll("[\\r\\n]+", " ").strip();
    }

    /** A message that keeps the Message-ID it was given when its headers are updated. */
    private static final class FixedIdMessage extends MimeMessage {

        private final String id;

        FixedIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
