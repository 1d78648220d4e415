package org.evkin.mail.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.evkin.mail.internal.Failure.Kind;
import org.junit.jupiter.api.Test;

/** Which failures wait for the server, which retry the mail, and which give it up. */
class FailureTest {

    private static final String SERVER = "smtp.kemnaker.go.id:25";

    private static SendFailedException rcpt(int code, String reply) throws AddressException {
        InternetAddress to = new InternetAddress("siti@example.go.id");
        return new SendFailedException("Invalid Addresses", new SMTPAddressFailedException(to, "RCPT TO:<siti@example.go.id>",
                code, reply), new InternetAddress[0], new InternetAddress[0], new InternetAddress[] {to});
    }

    @Test
    void connectionProblemsWaitForTheServer() {
        Failure refused = Failure.ofConnect(new MessagingException("Couldn't connect to host",
                new ConnectException("Connection refused")), SERVER);
        assertEquals(Kind.UNREACHABLE, refused.kind());
        assertEquals("SMTP server smtp.kemnaker.go.id:25 unreachable: Connection refused", refused.reason());
        assertEquals("SMTP server smtp.kemnaker.go.id:25 unreachable: unknown host smtp.kemnaker.go.id",
                Failure.ofConnect(new MessagingException("x", new UnknownHostException("smtp.kemnaker.go.id")), SERVER).reason());
        Failure dropped = Failure.ofSend(new MessagingException("IOException while sending message",
                new SocketTimeoutException("Read timed out")), SERVER);
        assertEquals(Kind.UNREACHABLE, dropped.kind());
        assertTrue(dropped.serverWide());
        assertEquals(Kind.UNREACHABLE, Failure.ofSend(new IllegalStateException("Not connected"), SERVER).kind());
    }

    @Test
    void aRefusedLoginNamesTheSettings() {
        Failure f = Failure.ofConnect(new AuthenticationFailedException("535 5.7.8 Authentication failed"), SERVER);
        assertEquals(Kind.REFUSED, f.kind(), "not probed each poll");
        assertTrue(f.reason().contains("refused the login (settings 'smtp.user' and 'smtp.password' in"
                + " config/org.evkin.mail.cfg): 535 5.7.8 Authentication failed"), f.reason());
    }

    @Test
    void aRejectedRecipientIsPermanent() throws Exception {
        Failure f = Failure.ofSend(rcpt(550, "550 5.1.1 <siti@example.go.id>: User unknown"), SERVER);
        assertEquals(Kind.PERMANENT, f.kind());
        assertEquals("SMTP server smtp.kemnaker.go.id:25 rejected the recipient: 550 5.1.1 <siti@example.go.id>: User"
                + " unknown", f.reason());
        assertTrue(!f.serverWide());
    }

    @Test
    void aDeferredRecipientIsRetried() throws Exception {
        Failure f = Failure.ofSend(rcpt(452, "452 4.2.2 Mailbox full"), SERVER);
        assertEquals(Kind.TRANSIENT, f.kind());
        assertTrue(f.reason().contains("deferred the recipient: 452 4.2.2 Mailbox full"));
    }

    @Test
    void aRejectedMessageIsPermanentAndADeferredOneRetried() {
        assertEquals(Kind.PERMANENT, Failure.ofSend(new SMTPSendFailedException(".", 554, "554 5.7.1 Message rejected",
                null, null, null, null), SERVER).kind());
        assertEquals(Kind.TRANSIENT, Failure.ofSend(new SMTPSendFailedException(".", 451, "451 4.3.0 Try later",
                null, null, null, null), SERVER).kind());
    }

    @Test
    void aRefusedSenderOrLoginConcernsAllMails() {
        Failure sender = Failure.ofSend(new SMTPSendFailedException("MAIL FROM:<evkin@kemnaker.go.id>", 553,
                "553 5.7.1 Sender not allowed", null, null, null, null), SERVER);
        assertEquals(Kind.REFUSED, sender.kind());
        assertTrue(sender.reason().contains("setting 'from.address'"));
        assertEquals(Kind.REFUSED, Failure.ofSend(new SMTPSendFailedException("DATA", 530,
                "530 5.7.0 Must issue a STARTTLS command first", null, null, null, null), SERVER).kind());
        assertEquals(Kind.UNREACHABLE, Failure.ofSend(new SMTPSendFailedException("MAIL FROM:<evkin@kemnaker.go.id>",
                421, "421 4.3.2 Service shutting down", null, null, null, null), SERVER).kind());
    }

    @Test
    void anInvalidAddressIsPermanent() {
        assertEquals(Kind.PERMANENT, Failure.ofMessage(new AddressException("Missing final '@domain'", "bukan")).kind());
        assertEquals(Kind.PERMANENT, Failure.ofSend(new AddressException("Illegal address", "x"), SERVER).kind());
    }

    @Test
    void anythingElseIsRetried() {
        assertEquals(Kind.TRANSIENT, Failure.ofSend(new MessagingException("something odd"), SERVER).kind());
        assertEquals(Kind.TRANSIENT, Failure.ofMessage(new NullPointerException()).kind());
    }
}
