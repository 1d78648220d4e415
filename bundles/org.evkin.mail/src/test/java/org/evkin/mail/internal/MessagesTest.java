package org.evkin.mail.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import org.evkin.store.OutboxMail;
import org.junit.jupiter.api.Test;

/** The MIME message made of an outbox mail, written out and read back as a receiver would. */
class MessagesTest {

    private static final Instant NOW = Instant.parse("2025-03-04T05:06:07Z");
    private final Settings settings = TestConfigs.settings(25);
    private final SmtpClient smtp = new SmtpClient(settings);

    private static OutboxMail mail(String key, String to, String subject, String text, String html) {
        return new OutboxMail(1, key, to, subject, text, html, "SENDING", 1, NOW, null, NOW, null);
    }

    /** Writes the message to bytes and parses them again, as the receiving side does. */
    private static MimeMessage roundTrip(MimeMessage m) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.writeTo(out);
        byte[] raw = out.toByteArray();
        for (byte b : raw) {
            assertTrue(b >= 0, "the message on the wire is 7-bit");
        }
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
    }

    @Test
    void messageIdComesFromTheDedupeKey() {
        String id = Messages.messageId("invite:cycle-3/participant-17", "kemnaker.go.id");
        assertTrue(id.matches("<evkin\\.invite-cycle-3-participant-17\\.[0-9a-f]{16}@kemnaker\\.go\\.id>"), id);
        assertEquals(id, Messages.messageId("invite:cycle-3/participant-17", "kemnaker.go.id"));
        // Keys that read the same once cleaned still get different ids.
        assertNotEquals(id, Messages.messageId("invite:cycle-3:participant-17", "kemnaker.go.id"));
        String longKey = "x".repeat(200);
        assertTrue(Messages.messageId(longKey, "kemnaker.go.id").length() < 110);
        assertTrue(Messages.messageId("undangan-ñ-é", "kemnaker.go.id").startsWith("<evkin.undangan----."));
    }

    @Test
    void plainTextMailInIndonesian() throws Exception {
        String subject = "Undangan penilaian 360° — Periode 2025 “Kinerja”";
        String text = "Yth. Bapak/Ibu Siti Nurhaliza,\n\nSilakan mengisi formulir penilaian sebelum 31 Desember 2025."
                + "\nTerima kasih — Kemnaker ✓\n";
        MimeMessage m = roundTrip(smtp.message(mail("invite-1", "siti@example.go.id", subject, text, null), NOW));
        assertEquals(subject, m.getSubject());
        assertEquals(Messages.messageId("invite-1", "kemnaker.go.id"), m.getMessageID());
        assertArrayEquals(new InternetAddress[] {new InternetAddress("evkin@kemnaker.go.id", "EvKin Kemnaker", "UTF-8")},
                m.getFrom());
        assertEquals("siti@example.go.id", ((InternetAddress) m.getAllRecipients()[0]).getAddress());
        assertTrue(m.getContentType().startsWith("text/plain; charset=UTF-8"), m.getContentType());
        assertEquals(text.replace("\n", "\r\n"), ((String) m.getContent()).replace("\r\n", "\n").replace("\n", "\r\n"));
        assertEquals("auto-generated", m.getHeader("Auto-Submitted", null));
        assertEquals(NOW, m.getSentDate().toInstant());
    }

    @Test
    void htmlComesAsAnAlternativeToTheText() throws Exception {
        String text = "Hasil penilaian Anda sudah tersedia.";
        String html = "<p>Hasil penilaian <strong>Anda</strong> sudah tersedia — “selamat”.</p>";
        MimeMessage m = roundTrip(smtp.message(mail("result-9", "budi@example.go.id", "Hasil", text, html), NOW));
        assertTrue(m.getContentType().startsWith("multipart/alternative"), m.getContentType());
        MimeMultipart parts = (MimeMultipart) m.getContent();
        assertEquals(2, parts.getCount());
        assertTrue(parts.getBodyPart(0).isMimeType("text/plain"));
        assertEquals(text, parts.getBodyPart(0).getContent());
        assertTrue(parts.getBodyPart(1).isMimeType("text/html"));
        assertEquals(html, parts.getBodyPart(1).getContent());
    }

    @Test
    void aSubjectCannotAddHeaders() throws Exception {
        MimeMessage m = roundTrip(smtp.message(mail("k", "a@example.go.id", "Halo\r\nBcc: x@evil.example", "t", null), NOW));
        assertEquals("Halo Bcc: x@evil.example", m.getSubject());
        assertEquals(null, m.getHeader("Bcc"));
    }

    @Test
    void anInvalidRecipientIsRefusedBeforeSending() {
        assertThrows(AddressException.class, () -> smtp.message(mail("k", "bukan alamat", "s", "t", null), NOW));
        assertThrows(AddressException.class, () -> smtp.message(mail("k", "a@b.go.id, c@d.go.id", "s", "t", null), NOW));
        assertThrows(AddressException.class, () -> smtp.message(mail("k", "", "s", "t", null), NOW));
    }

    @Test
    void theBodyIsUtf8WhateverTheDefaultCharset() throws Exception {
        MimeMessage m = smtp.message(mail("k", "a@example.go.id", "s", "Rp 1.000 – ñ", null), NOW);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        m.getDataHandler().writeTo(body);
        assertEquals("Rp 1.000 – ñ", body.toString(StandardCharsets.UTF_8));
    }
}
