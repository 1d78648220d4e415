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
        long[] t = userSystem(pid);
        return t == null ? -1 : t[0] + t[1];
    }

    /**
     * The part of it spent in the kernel (system calls, context switches, page faults); -1 when unknown. On a guest
     * whose hypervisor makes those dear, this is where the same work costs more than elsewhere.
     */
    static long systemMillis(long pid) {
        long[] t = userSystem(pid);
        return t == null ? -1 : t[1];
    }

    private static long[] userSystem(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after "pid (comm) ": state is field 3, so utime (14) and stime (15) are at 11 and 12 here
            return new long[] {Long.parseLong(f[11]) * TICK_MS, Long.parseLong(f[12]) * TICK_MS};
        } catch (Exception e) {
            return null;
        }
    }
}
