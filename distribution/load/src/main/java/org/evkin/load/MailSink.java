package org.evkin.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The smallest SMTP server that accepts EvKin's mails on 127.0.0.1 and keeps, per recipient, the last personal link
 * (/t/{token}) it carried: how the load test's raters receive their invitations, the way real ones do.
 */
public final class MailSink implements AutoCloseable {

    private static final Pattern LINK = Pattern.compile("/t/([A-Za-z0-9_-]{43})");

    private final ServerSocket server;
    private final Map<String, String> links = new ConcurrentHashMap<>();
    private volatile int received;

    public MailSink() throws IOException {
        server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::accept, "mail-sink");
        t.setDaemon(true);
        t.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    public int received() {
        return received;
    }

    /** The link of the last mail to this address, or null. */
    public String linkOf(String address) {
        return links.get(address.toLowerCase(java.util.Locale.ROOT));
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                Thread t = new Thread(() -> session(s), "mail-sink-session");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void session(Socket socket) {
        try (socket; BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
             OutputStream out = socket.getOutputStream()) {
            reply(out, "220 load-test sink");
            java.util.List<String> recipients = new java.util.ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                String cmd = line.length() >= 4 ? line.substring(0, 4).toUpperCase(java.util.Locale.ROOT) : line.toUpperCase(java.util.Locale.ROOT);
                switch (cmd) {
                    case "EHLO", "HELO" -> reply(out, "250 load-test sink");
                    case "MAIL" -> {
                        recipients.clear();
                        reply(out, "250 ok");
                    }
                    case "RCPT" -> {
                        Matcher m = Pattern.compile("<([^>]*)>").matcher(line);
                        if (m.find()) {
                            recipients.add(m.group(1).toLowerCase(java.util.Locale.ROOT));
                        }
                        reply(out, "250 ok");
                    }
                    case "DATA" -> {
                        reply(out, "354 go on");
                        StringBuilder data = new StringBuilder();
                        while ((line = in.readLine()) != null && !line.equals(".")) {
                            data.append(line.startsWith("..") ? line.substring(1) : line).append('\n');
                        }
                        String token = token(data.toString());
                        if (token != null) {
                            for (String r : recipients) {
                                links.put(r, token);
                            }
                        }
                        received++;
                        reply(out, "250 accepted");
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "250 ok");
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    /** The link token of a mail: plain, quoted-printable or base64 body parts. */
    static String token(String mail) {
        String qp = mail.replace("=\n", "").replace("=3D", "=");
        Matcher m = LINK.matcher(qp);
        if (m.find()) {
            return m.group(1);
        }
        StringBuilder b64 = new StringBuilder();
        for (String l : mail.split("\n")) {
            if (l.matches("[A-Za-z0-9+/=]{16,}")) {
                b64.append(l);
            } else if (b64.length() > 0) {
                String t = decode(b64.toString());
                if (t != null) {
                    return t;
                }
                b64.setLength(0);
            }
        }
        return b64.length() > 0 ? decode(b64.toString()) : null;
    }

    private static String decode(String b64) {
        try {
            Matcher m = LINK.matcher(new String(Base64.getMimeDecoder().decode(b64), StandardCharsets.UTF_8));
            return m.find() ? m.group(1) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void reply(OutputStream out, String s) throws IOException {
        out.write((s + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
