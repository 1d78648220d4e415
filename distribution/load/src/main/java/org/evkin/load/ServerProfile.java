package org.evkin.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Where the server JVM's CPU goes during the window, by layer (Jetty, Jersey, EvKin, MyBatis, the MariaDB driver, ...),
 * sampled by Linux {@code perf} instead of JFR: on a guest whose hypervisor traps system calls and signals (the PVM
 * guest of 2026-11-29) JFR's profiling settings tripled the server's CPU per submission; {@code perf record} at 499 Hz
 * with frame pointers added about a tenth or more (one pair of runs at 40 %: 4.45 against 3.40 ms, part of it drift), so
 * its shares are what to read, not the run's CPU figures. perf cannot name the JIT's methods by itself: {@code jcmd PID Compiler.perfmap} writes
 * /tmp/perf-PID.map for it once the window is over, and the server runs with {@code -XX:+PreserveFramePointer} so that
 * the call stacks can be walked ({@link #JVM_OPTIONS}).
 *
 * <p>Each sample counts for the layer of the innermost frame (from the top of the stack down) whose class belongs to a
 * known package: time in the MariaDB driver's socket read, down in the kernel, counts for the driver; Jersey calling
 * EvKin's resource counts for EvKin. A sample with no such frame counts for its thread (GC, the JIT compiler, others).
 * {@code kernelPercent} is the share of samples taken in the kernel (system calls, context switches, interrupts).
 */
final class ServerProfile {

    /** The server JVM options the profile needs: frame pointers, for perf to walk the JIT's frames. */
    static final String JVM_OPTIONS = "-XX:+PreserveFramePointer";

    /** The layers, as class-name prefixes; the first that matches a frame's class names its layer. */
    static final Map<String, List<String>> LAYERS = layers();

    private static Map<String, List<String>> layers() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("evkin", List.of("org.evkin."));
        m.put("mybatis", List.of("org.apache.ibatis."));
        m.put("hikari", List.of("com.zaxxer."));
        m.put("mariadb-driver", List.of("org.mariadb.jdbc."));
        m.put("jackson", List.of("com.fasterxml."));
        m.put("jersey+hk2", List.of("org.glassfish.", "org.jvnet.hk2."));
        m.put("felix-http", List.of("org.apache.felix.http."));
        m.put("jetty", List.of("org.eclipse.jetty."));
        m.put("servlet-api", List.of("jakarta.servlet."));
        m.put("logging", List.of("org.slf4j.", "ch.qos.logback.", "org.apache.felix.log"));
        return m;
    }

    private final PerfRecord perf;

    private ServerProfile(PerfRecord perf) {
        this.perf = perf;
    }

    /** The server's JVM options with those the profile needs, added once. */
    static String withJvmOptions(String serverOpts) {
        return serverOpts.contains(JVM_OPTIONS) ? serverOpts : (serverOpts + " " + JVM_OPTIONS).strip();
    }

    /** Whether perf can be run here. */
    static boolean available() {
        return !Main.run("perf", "--version").startsWith("(");
    }

    /** Starts sampling the process for the given seconds (perf ends by itself), into data. */
    static ServerProfile start(long pid, int seconds, Path data) throws IOException {
        return new ServerProfile(PerfRecord.start(pid, 499, true, seconds, data));
    }

    /**
     * Waits for perf to end, has the server write its JIT symbols, and attributes the samples; null (with the reason
     * printed) when perf failed.
     */
    Attribution finish(long serverPid) throws IOException, InterruptedException {
        if (!perf.ended(60, "server profile")) {
            return null;
        }
        Main.jcmd(serverPid, "Compiler.perfmap");
        Process script = perf.read("script", "-F", "comm,tid,ip,sym");
        try (BufferedReader in = new BufferedReader(new InputStreamReader(script.getInputStream(), StandardCharsets.UTF_8))) {
            Attribution a = attribute(in);
            script.waitFor(60, TimeUnit.SECONDS);
            return a;
        }
    }

    /** Samples per layer; kernel: those of them taken in the kernel. */
    record Attribution(int samples, Map<String, Integer> byLayer, Map<String, Integer> kernelByLayer) {

        double percent(String layer) {
            return samples == 0 ? 0 : 100.0 * byLayer.getOrDefault(layer, 0) / samples;
        }

        double kernelPercent(String layer) {
            return samples == 0 ? 0 : 100.0 * kernelByLayer.getOrDefault(layer, 0) / samples;
        }

        double kernelPercent() {
            return samples == 0 ? 0 : 100.0 * kernelByLayer.values().stream().mapToInt(Integer::intValue).sum() / samples;
        }

        /** For the results: samples, the kernel's share, and each layer's share (largest first) with its kernel part. */
        com.fasterxml.jackson.databind.node.ObjectNode json() {
            com.fasterxml.jackson.databind.node.ObjectNode j = Http.JSON.createObjectNode();
            j.put("sampler", "perf record -F 499 -g on the server JVM (-XX:+PreserveFramePointer), the window only");
            j.put("samples", samples).put("kernelPercent", Stats.round(kernelPercent()));
            com.fasterxml.jackson.databind.node.ObjectNode l = j.putObject("percentByLayer");
            byLayer.entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue()).forEach(e -> l.putObject(e.getKey())
                    .put("percent", Stats.round(percent(e.getKey()))).put("kernelPercent", Stats.round(kernelPercent(e.getKey()))));
            return j;
        }

        /** The layers, largest first, as "jetty 21.8 % (kernel 11.3 %)". */
        String table() {
            StringBuilder b = new StringBuilder();
            byLayer.entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue()).forEach(e -> b.append(String.format(
                    "%s%s %.1f %% (kernel %.1f %%)", b.length() == 0 ? "" : ", ", e.getKey(), percent(e.getKey()), kernelPercent(e.getKey()))));
            return b.toString();
        }
    }

    /**
     * The output of {@code perf script -F comm,tid,ip,sym} (a header line per sample, then one indented line per frame,
     * innermost first: address, symbol) attributed to layers.
     */
    static Attribution attribute(BufferedReader perfScript) throws IOException {
        Map<String, Integer> by = new LinkedHashMap<>();
        Map<String, Integer> kernel = new LinkedHashMap<>();
        int samples = 0;
        String thread = null;
        String layer = null;
        boolean inKernel = false;
        boolean first = true;
        String line;
        while ((line = perfScript.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            if (!Character.isWhitespace(line.charAt(0))) {
                if (thread != null) {
                    samples++;
                    count(by, kernel, layer != null ? layer : threadLayer(thread), inKernel);
                }
                thread = line.strip();
                layer = null;
                inKernel = false;
                first = true;
                continue;
            }
            String frame = line.strip();
            int space = frame.indexOf(' ');
            String address = space < 0 ? frame : frame.substring(0, space);
            String symbol = space < 0 ? "" : frame.substring(space + 1);
            if (first) {
                // kernel addresses are in the top half of the address space (ffff...)
                inKernel = address.length() == 16 && address.startsWith("ffff");
                first = false;
            }
            if (layer == null) {
                layer = layerOf(symbol);
            }
        }
        if (thread != null) {
            samples++;
            count(by, kernel, layer != null ? layer : threadLayer(thread), inKernel);
        }
        return new Attribution(samples, by, kernel);
    }

    private static void count(Map<String, Integer> by, Map<String, Integer> kernel, String layer, boolean inKernel) {
        by.merge(layer, 1, Integer::sum);
        if (inKernel) {
            kernel.merge(layer, 1, Integer::sum);
        }
    }

    /**
     * The layer of a JIT or interpreter frame's class: a symbol reads "{@code <return type> <class>.<method>(<parameter
     * types>)}", and only the class counts (a Jersey method may take a servlet request; it is still Jersey's).
     */
    static String layerOf(String symbol) {
        int paren = symbol.indexOf('(');
        if (paren < 0) {
            return null;
        }
        String head = symbol.substring(0, paren);
        String method = head.substring(head.lastIndexOf(' ') + 1);
        for (Map.Entry<String, List<String>> e : LAYERS.entrySet()) {
            for (String prefix : e.getValue()) {
                if (method.startsWith(prefix)) {
                    return e.getKey();
                }
            }
        }
        return null;
    }

    /** A sample with no known frame: by its thread ("GC Thread#0 1234", "C2 CompilerThre 1235", "qtp123-45 1236"). */
    static String threadLayer(String header) {
        int space = header.lastIndexOf(' ');
        String name = space < 0 ? header : header.substring(0, space);
        if (name.startsWith("GC Thread") || name.startsWith("VM Thread") || name.startsWith("VM Periodic")) {
            return "jvm: gc and vm";
        }
        if (name.contains("CompilerThre")) {
            return "jvm: jit compiler";
        }
        if (name.startsWith("qtp")) {
            return "request threads, no Java frame";
        }
        return "other threads";
    }
}
