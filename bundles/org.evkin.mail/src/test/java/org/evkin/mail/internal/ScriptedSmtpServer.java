package org.evkin.mail.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal SMTP server that answers chosen replies, for the refusals GreenMail cannot give: RCPT TO of an address
 * containing a key gets that key's reply (e.g. "550 5.1.1 User unknown"), and MAIL FROM can be refused. Everything
 * else is accepted; accepted messages are counted.
 */
final class ScriptedSmtpServer implements AutoCloseable {

    private final ServerSocket socket;
    private final Map<String, String> recipientReplies = new ConcurrentHashMap<>();
    private volatile String mailFromReply = "250 OK";
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger rcptCommands = new AtomicInteger();

    ScriptedSmtpServer() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::acceptLoop, "scripted-smtp");
        t.setDaemon(true);
        t.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    ScriptedSmtpServer replyToRecipient(String containing, String reply) {
        recipientReplies.put(containing, reply);
        return this;
    }

    ScriptedSmtpServer replyToMailFrom(String reply) {
        mailFromReply = reply;
        return this;
    }

    int accepted() {
        return accepted.get();
    }

    int rcptCommands() {
        return rcptCommands.get();
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Thread t = new Thread(() -> serve(client), "scripted-smtp-session");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client; BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(),
                StandardCharsets.US_ASCII)); OutputStream out = client.getOutputStream()) {
            send(out, "220 scripted ESMTP");
            String line;
            while ((line = in.readLine()) != null) {
                String upper = line.toUpperCase(Locale.ROOT);
                if (upper.startsWith("EHLO") || upper.startsWith("HELO")) {
                    send(out, "250-scripted\r\n250 8BITMIME");
                } else if (upper.startsWith("MAIL FROM")) {
                    send(out, mailFromReply);
                } else if (upper.startsWith("RCPT TO")) {
                    rcptCommands.incrementAndGet();
                    String reply = "250 OK";
                    for (Map.Entry<String, String> e : recipientReplies.entrySet()) {
                        if (line.contains(e.getKey())) {
                            reply = e.getValue();
                        }
                    }
                    send(out, reply);
                } else if (upper.equals("DATA")) {
                    send(out, "354 go ahead");
                    while ((line = in.readLine()) != null && !line.equals(".")) {
                        // the message
                    }
                    accepted.incrementAndGet();
                    send(out, "250 queued");
                } else if (upper.startsWith("QUIT")) {
                    send(out, "221 bye");
                    return;
                } else {
                    send(out, "250 OK"); // RSET, NOOP
                }
            }
        } catch (IOException e) {
            // client gone
        }
    }

    private static void send(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
