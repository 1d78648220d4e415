package org.evkin.load;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time (user + system) a process has used so far, from /proc/PID/stat, in milliseconds; -1 when unknown. CPU time
 * per request is far less sensitive than throughput to other programs sharing the machine.
 */
final class CpuTime {

    private static final long TICK_MS = 10; // USER_HZ is 100 on Linux

    private CpuTime() {
    }

    static long millis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after "pid (comm) ": state is field 3, so utime (14) and stime (15) are at 11 and 12 here
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * TICK_MS;
        } catch (Exception e) {
            return -1;
        }
    }
}
