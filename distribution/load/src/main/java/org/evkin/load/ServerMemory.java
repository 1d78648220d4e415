package org.evkin.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.evkin.testing.Distribution;

/**
 * The server JVM's heap from its GC log (-Xlog:gc: "GC(n) Pause Young ... 45M->12M(64M)"): the peak heap in use (just
 * before a collection), the peak live heap (just after one) and the most heap committed; plus the peak resident set
 * size of the process (VmHWM) while it runs.
 */
public record ServerMemory(long gcs, long peakUsedMb, long peakAfterGcMb, long peakCommittedMb, long maxHeapMb, long peakRssMb) {

    private static final Pattern PAUSE = Pattern.compile("GC\\(\\d+\\) Pause .* (\\d+)M->(\\d+)M\\((\\d+)M\\)");
    private static final Pattern XMX = Pattern.compile("-Xmx(\\d+)([mMgG])");

    public static ServerMemory of(Distribution d) throws IOException {
        long gcs = 0, used = 0, after = 0, committed = 0;
        for (Path log : d.gcLogs()) {
            for (String line : Files.readAllLines(log)) {
                Matcher m = PAUSE.matcher(line);
                if (m.find()) {
                    gcs++;
                    used = Math.max(used, Long.parseLong(m.group(1)));
                    after = Math.max(after, Long.parseLong(m.group(2)));
                    committed = Math.max(committed, Long.parseLong(m.group(3)));
                }
            }
        }
        Matcher x = XMX.matcher(d.defaultJavaOpts());
        long max = x.find() ? Long.parseLong(x.group(1)) * (x.group(2).equalsIgnoreCase("g") ? 1024 : 1) : -1;
        return new ServerMemory(gcs, used, after, committed, max, peakRss(d));
    }

    /** VmHWM of the running server in MB, or -1. */
    static long peakRss(Distribution d) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + d.pid() + "/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not running, or not Linux
        }
        return -1;
    }

    @Override
    public String toString() {
        return "heap peak " + peakUsedMb + " MB in use (" + peakAfterGcMb + " MB live after GC, " + peakCommittedMb + " MB committed, max "
                + maxHeapMb + " MB, " + gcs + " GCs), RSS peak " + peakRssMb + " MB";
    }
}
