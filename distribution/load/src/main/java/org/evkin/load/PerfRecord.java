package org.evkin.load;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One {@code perf record} of a running process for a number of seconds (perf ends by itself), into a data file, with
 * perf's own messages in the data file's name plus ".log"; then perf's other commands read that file. The server's
 * profile ({@link ServerProfile}) and MariaDB's ({@link DatabaseProfile}) are both taken this way.
 */
final class PerfRecord {

    private final Process perf;
    private final Path data;

    private PerfRecord(Process perf, Path data) {
        this.perf = perf;
        this.data = data;
    }

    /** Starts sampling the process at hz per second, with call stacks or without. */
    static PerfRecord start(long pid, int hz, boolean callStacks, int seconds, Path data) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("perf", "record", "-F", Integer.toString(hz)));
        if (callStacks) {
            cmd.add("-g");
        }
        cmd.addAll(List.of("-p", Long.toString(pid), "-o", data.toString(), "--", "sleep", Integer.toString(seconds)));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log(data).toFile()).start();
        return new PerfRecord(p, data);
    }

    private static Path log(Path data) {
        return data.resolveSibling(data.getFileName() + ".log");
    }

    /**
     * Waits up to waitSeconds for perf to end; false, with the reason printed (what: the profile that is then missing),
     * when it did not end in time or failed.
     */
    boolean ended(int waitSeconds, String what) throws InterruptedException {
        if (!perf.waitFor(waitSeconds, TimeUnit.SECONDS)) {
            perf.destroy();
            System.out.println("[load] perf record did not end: no " + what);
            return false;
        }
        if (perf.exitValue() != 0) {
            System.out.println("[load] perf record failed (exit " + perf.exitValue() + ", see " + log(data) + "): no " + what);
            return false;
        }
        return true;
    }

    /** Starts a perf command that reads the record ("script", "report", with its options); its errors are dropped. */
    Process read(String command, String... options) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("perf", command, "-i", data.toString()));
        cmd.addAll(List.of(options));
        return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }
}
