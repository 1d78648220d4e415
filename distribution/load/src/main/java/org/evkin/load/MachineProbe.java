package org.evkin.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What makes one machine's figures comparable with another's beyond its cores and CPU model: the hypervisor, the kernel,
 * the idle driver, and the price of one loopback TCP round trip between two threads (a one-byte message there and
 * back on blocking sockets). A rater request crosses loopback TCP once to the server and once per statement from the
 * server to MariaDB; the JDBC limit's statements only the latter. So when that price rises — a hypervisor that traps
 * system calls and context switches, say — the server's CPU per submission rises more than the limit's, and the same
 * code reaches a smaller share of the limit. The round trip is measured on the idle machine, before the run starts
 * anything.
 */
final class MachineProbe {

    private static final Pattern HYPERVISOR = Pattern.compile("Hypervisor detected: (\\S+)");

    private MachineProbe() {
    }

    /** The hypervisor the kernel reported at boot ("PVM", "KVM", ...), from its log; empty when none or unreadable. */
    static Optional<String> hypervisor() {
        return hypervisorIn(Main.run("dmesg"));
    }

    static Optional<String> hypervisorIn(String kernelLog) {
        Matcher m = HYPERVISOR.matcher(kernelLog);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /**
     * A one-line file's content (e.g. /proc/sys/kernel/osrelease), or "?" when it cannot be read. Read by lines: of an
     * integer sysctl file (e.g. /proc/sys/net/core/somaxconn, "4096") JDK 17's Files.readString returns only the
     * first byte, as such a file's size reads as 0 and it answers only a read at offset 0.
     */
    static String line(String file) {
        try {
            return String.join("\n", Files.readAllLines(Path.of(file))).strip();
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    /**
     * The median of `batches` batches of `roundTrips` loopback TCP round trips, in microseconds per round trip: one byte
     * from a client thread to an echoing thread and back, TCP_NODELAY on both sockets.
     */
    static double loopbackRoundTripMicros(int batches, int roundTrips) throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket client = new Socket()) {
            client.setTcpNoDelay(true);
            client.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()), 5_000);
            Socket echo = server.accept();
            echo.setTcpNoDelay(true);
            Thread echoer = new Thread(() -> {
                try (echo; InputStream in = echo.getInputStream(); OutputStream out = echo.getOutputStream()) {
                    int b;
                    while ((b = in.read()) >= 0) {
                        out.write(b);
                    }
                } catch (IOException e) {
                    // the client closed its end: done
                }
            }, "loopback-echo");
            echoer.setDaemon(true);
            echoer.start();
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            double[] micros = new double[batches];
            for (int b = 0; b < batches; b++) {
                long t0 = System.nanoTime();
                for (int i = 0; i < roundTrips; i++) {
                    out.write(i & 0x7f);
                    if (in.read() != (i & 0x7f)) {
                        throw new IOException("the loopback echo answered with another byte");
                    }
                }
                micros[b] = (System.nanoTime() - t0) / 1e3 / roundTrips;
            }
            Arrays.sort(micros);
            return micros[batches / 2];
        }
    }
}
